import { useTranslation } from '~/i18n/use-translation';
import { RichTextField } from '~/components/editor/rich-text-field';
import { CheckboxGroup, SelectField, TextAreaField, TextField, typed, typedList } from '~/components/ui/form';
import { DEVICE_TAGS } from '~/domain/forum/constants';
import { AUDIENCES, LEVELS, MATERIAL_TYPES } from '~/domain/library/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';

export type MaterialDefaults = {
  title: string;
  summary: string;
  bodyJson: string;
  type: string;
  level: string;
  deviceTags: string[];
  topicTags: string;
  eserviceTags: string;
  audience: string;
  audienceOrgIds: string[];
  videoLinks: string;
};

/** The fields of a material's working copy; what was typed before a failed save wins. */
export function MaterialFields({
  defaults,
  organisations,
  errors,
  values,
}: {
  defaults: MaterialDefaults;
  organisations: { id: string; name: string }[];
  errors: FieldErrors;
  values: FormValues;
}) {
  const { t } = useTranslation('library');
  return (
    <>
      <TextField
        name="title"
        label={t('form.title')}
        maxLength={200}
        defaultValue={typed(values, 'title', defaults.title)}
        error={errors.title}
      />
      <TextAreaField
        name="summary"
        label={t('form.summary')}
        hint={t('form.summaryHint')}
        rows={3}
        maxLength={500}
        defaultValue={typed(values, 'summary', defaults.summary)}
        error={errors.summary}
      />
      <RichTextField
        label={t('form.body')}
        hint={t('form.bodyHint')}
        error={errors.body ?? errors.bodyText}
        initialJson={typed(values, 'body', defaults.bodyJson) || undefined}
        initialText={typed(values, 'bodyText')}
        loadEditor="now"
        features="library"
        uploadUrl="/library/uploads"
      />
      <SelectField
        name="type"
        label={t('form.type')}
        defaultValue={typed(values, 'type', defaults.type)}
        error={errors.type}
        options={MATERIAL_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
      />
      <SelectField
        name="level"
        label={t('form.level')}
        defaultValue={typed(values, 'level', defaults.level)}
        error={errors.level}
        options={[
          { value: '', label: t('levels.all') },
          ...LEVELS.map((v) => ({ value: v, label: t(`levels.${v}`) })),
        ]}
      />
      <CheckboxGroup
        name="deviceTags"
        legend={t('form.devices')}
        options={DEVICE_TAGS.map((d) => ({ value: d, label: t(`forum:devices.${d}`) }))}
        defaultValues={typedList(values, 'deviceTags', defaults.deviceTags)}
        error={errors.deviceTags}
      />
      <TextField
        name="topicTags"
        label={t('form.topics')}
        hint={t('form.tagsHint')}
        defaultValue={typed(values, 'topicTags', defaults.topicTags)}
        error={errors.topicTags}
      />
      <TextField
        name="eserviceTags"
        label={t('form.eservices')}
        hint={t('form.tagsHint')}
        defaultValue={typed(values, 'eserviceTags', defaults.eserviceTags)}
        error={errors.eserviceTags}
      />
      <TextAreaField
        name="videoLinks"
        label={t('form.videoLinks')}
        hint={t('form.videoLinksHint')}
        rows={3}
        defaultValue={typed(values, 'videoLinks', defaults.videoLinks)}
        error={errors.videoLinks}
      />
      <SelectField
        name="audience"
        label={t('form.audience')}
        defaultValue={typed(values, 'audience', defaults.audience)}
        error={errors.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
      />
      <CheckboxGroup
        name="audienceOrgIds"
        legend={t('form.audienceOrgs')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValues={typedList(values, 'audienceOrgIds', defaults.audienceOrgIds)}
        error={errors.audienceOrgIds}
      />
    </>
  );
}

export const EMPTY_MATERIAL: MaterialDefaults = {
  title: '',
  summary: '',
  bodyJson: '',
  type: 'guide',
  level: '',
  deviceTags: [],
  topicTags: '',
  eserviceTags: '',
  audience: 'all',
  audienceOrgIds: [],
  videoLinks: '',
};
