import { useTranslation } from '~/i18n/use-translation';
import { Link } from '~/components/ui/link';
import { AudienceFields } from '~/components/ui/audience-fields';
import { SelectField, TextAreaField, TextField, typed } from '~/components/ui/form';
import { PLACE_KINDS } from '~/domain/events/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';

export type EventDefaults = Record<
  | 'type'
  | 'titleFi'
  | 'titleSv'
  | 'titleEn'
  | 'descriptionFi'
  | 'descriptionSv'
  | 'descriptionEn'
  | 'startsAt'
  | 'endsAt'
  | 'placeKind'
  | 'supportPointId'
  | 'address'
  | 'joinUrl'
  | 'capacity'
  | 'rsvpDeadline'
  | 'audience',
  string
> & { audienceOrgIds: string[]; audienceRoles: string[] };

export const EMPTY_EVENT: EventDefaults = {
  type: 'network_meeting',
  titleFi: '',
  titleSv: '',
  titleEn: '',
  descriptionFi: '',
  descriptionSv: '',
  descriptionEn: '',
  startsAt: '',
  endsAt: '',
  placeKind: 'support_point',
  supportPointId: '',
  address: '',
  joinUrl: '',
  capacity: '',
  rsvpDeadline: '',
  audience: 'all',
  audienceOrgIds: [],
  audienceRoles: [],
};

/** An event's fields: what, when (Helsinki time), where, how many, for whom. */
export function EventFields({
  defaults,
  types,
  supportPoints,
  supportPointsShortened,
  organisations,
  errors,
  values,
}: {
  defaults: EventDefaults;
  types: string[];
  supportPoints: { id: string; name: string }[];
  supportPointsShortened: boolean;
  organisations: { id: string; name: string }[];
  errors: FieldErrors;
  values: FormValues;
}) {
  const { t } = useTranslation('events');
  const v = (name: keyof EventDefaults & string) => typed(values, name, defaults[name] as string);
  return (
    <>
      <SelectField
        name="type"
        label={t('form.type')}
        defaultValue={v('type')}
        error={errors.type}
        options={types.map((type) => ({ value: type, label: t(`types.${type}`) }))}
      />
      <p className="field__hint">{t('form.languagesHint')}</p>
      {(['Fi', 'Sv', 'En'] as const).map((suffix) => (
        <fieldset key={suffix} className="field-group">
          <legend>{t(`form.in${suffix}`)}</legend>
          <TextField
            name={`title${suffix}`}
            label={t('form.title')}
            lang={suffix.toLowerCase()}
            maxLength={200}
            defaultValue={v(`title${suffix}`)}
            error={errors[`title${suffix}`]}
          />
          <TextAreaField
            name={`description${suffix}`}
            label={t('form.description')}
            lang={suffix.toLowerCase()}
            rows={4}
            maxLength={5000}
            defaultValue={v(`description${suffix}`)}
            error={errors[`description${suffix}`]}
          />
        </fieldset>
      ))}
      <TextField
        type="datetime-local"
        name="startsAt"
        label={t('form.startsAt')}
        hint={t('form.timeHint')}
        defaultValue={v('startsAt')}
        error={errors.startsAt}
      />
      <TextField
        type="datetime-local"
        name="endsAt"
        label={t('form.endsAt')}
        defaultValue={v('endsAt')}
        error={errors.endsAt}
      />
      <SelectField
        name="placeKind"
        label={t('form.placeKind')}
        defaultValue={v('placeKind')}
        error={errors.placeKind}
        options={PLACE_KINDS.map((p) => ({ value: p, label: t(`places.${p}`) }))}
      />
      <SelectField
        name="supportPointId"
        label={t('form.supportPoint')}
        defaultValue={v('supportPointId')}
        error={errors.supportPointId}
        hint={supportPointsShortened ? t('form.supportPointShortHint') : undefined}
        options={[
          { value: '', label: t('form.noSupportPoint') },
          ...supportPoints.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      {supportPointsShortened ? (
        <p>
          <Link to="/support-points">{t('form.findSupportPoint')}</Link>
        </p>
      ) : null}
      <TextField
        name="address"
        label={t('form.address')}
        maxLength={300}
        defaultValue={v('address')}
        error={errors.address}
      />
      <TextField
        type="url"
        name="joinUrl"
        label={t('form.joinUrl')}
        hint={t('form.joinUrlHint')}
        maxLength={500}
        defaultValue={v('joinUrl')}
        error={errors.joinUrl}
      />
      <TextField
        type="number"
        name="capacity"
        label={t('form.capacity')}
        hint={t('form.capacityHint')}
        min={1}
        inputMode="numeric"
        defaultValue={v('capacity')}
        error={errors.capacity}
      />
      <TextField
        type="datetime-local"
        name="rsvpDeadline"
        label={t('form.rsvpDeadline')}
        hint={t('form.rsvpDeadlineHint')}
        defaultValue={v('rsvpDeadline')}
        error={errors.rsvpDeadline}
      />
      <AudienceFields organisations={organisations} defaults={defaults} errors={errors} values={values} />
    </>
  );
}
