import { useTranslation } from '~/i18n/use-translation';
import { RichTextField } from '~/components/editor/rich-text-field';
import { AudienceFields } from '~/components/ui/audience-fields';
import { SelectField, TextAreaField, TextField, typed } from '~/components/ui/form';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import type { FieldErrors, FormValues } from '~/utils/forms';

export type BriefingFieldDefaults = {
  eserviceId: string;
  language: string;
  title: string;
  forWhom: string;
  bodyJson: string;
  knownProblems: string;
  adviceToResidents: string;
  launchAt: string;
  eventId: string;
  audience: string;
  audienceOrgIds: string[];
  audienceRoles: string[];
};

type Props = {
  defaults: BriefingFieldDefaults;
  eservices: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  events: { id: string; label: string }[];
  errors: FieldErrors;
  values: FormValues;
};

/** A briefing's working copy: what is new, for whom, when it launches, what to tell residents. */
export function BriefingFields({ defaults, eservices, organisations, events, errors, values }: Props) {
  const { t } = useTranslation('briefings');
  const v = (name: Exclude<keyof BriefingFieldDefaults, 'audienceOrgIds' | 'audienceRoles'>) =>
    typed(values, name, defaults[name]);
  return (
    <>
      <SelectField
        name="eserviceId"
        label={t('form.eservice')}
        defaultValue={v('eserviceId')}
        error={errors.eserviceId}
        options={[
          { value: '', label: t('form.pickEservice') },
          ...eservices.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <TextField
        name="title"
        label={t('form.title')}
        maxLength={200}
        defaultValue={v('title')}
        error={errors.title}
      />
      <SelectField
        name="language"
        label={t('form.language')}
        defaultValue={v('language')}
        error={errors.language}
        options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      />
      <TextField
        type="datetime-local"
        name="launchAt"
        label={t('form.launchAt')}
        hint={t('form.launchAtHint')}
        defaultValue={v('launchAt')}
        error={errors.launchAt}
      />
      <TextAreaField
        name="forWhom"
        label={t('form.forWhom')}
        hint={t('form.forWhomHint')}
        rows={2}
        maxLength={500}
        defaultValue={v('forWhom')}
        error={errors.forWhom}
      />
      <RichTextField
        label={t('form.body')}
        hint={t('form.bodyHint')}
        error={errors.body ?? errors.bodyText}
        initialJson={typed(values, 'body', defaults.bodyJson) || undefined}
        initialText={typed(values, 'bodyText')}
        loadEditor="now"
        features="library"
        uploadUrl="/briefings/uploads"
      />
      <TextAreaField
        name="knownProblems"
        label={t('form.knownProblems')}
        rows={4}
        maxLength={5000}
        defaultValue={v('knownProblems')}
        error={errors.knownProblems}
      />
      <TextAreaField
        name="adviceToResidents"
        label={t('form.adviceToResidents')}
        hint={t('form.adviceToResidentsHint')}
        rows={4}
        maxLength={5000}
        defaultValue={v('adviceToResidents')}
        error={errors.adviceToResidents}
      />
      <SelectField
        name="eventId"
        label={t('form.event')}
        hint={t('form.eventHint')}
        defaultValue={v('eventId')}
        error={errors.eventId}
        options={[
          { value: '', label: t('form.noEvent') },
          ...events.map((e) => ({ value: e.id, label: e.label })),
        ]}
      />
      <AudienceFields organisations={organisations} defaults={defaults} errors={errors} values={values} />
    </>
  );
}
