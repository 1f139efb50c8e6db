import type { ReactNode } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { CheckboxGroup, SelectField, TextField, typed, typedList } from '~/components/ui/form';
import { DEVICE_TAGS } from '~/domain/forum/constants';
import { LANGUAGE_NAMES, LANGUAGES } from '~/i18n/config';
import type { FieldErrors, FormValues } from '~/utils/forms';

/** The fields of a new thread besides its body: where, what, in which language, tags. */
export function ThreadFields({
  categories,
  defaultCategory,
  defaultLanguage,
  errors,
  values,
  afterTitle,
}: {
  categories: { id: string; name: string }[];
  defaultCategory: string;
  defaultLanguage: string;
  errors: FieldErrors;
  values: FormValues;
  /** Shown right under the title (questions like it). */
  afterTitle?: ReactNode;
}) {
  const { t } = useTranslation('forum');
  return (
    <>
      <SelectField
        name="categoryId"
        label={t('newThread.category')}
        defaultValue={typed(values, 'categoryId', defaultCategory)}
        error={errors.categoryId}
        options={[
          { value: '', label: t('newThread.chooseCategory') },
          ...categories.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <TextField
        name="title"
        label={t('newThread.titleField')}
        hint={t('newThread.titleHint')}
        maxLength={200}
        defaultValue={typed(values, 'title')}
        error={errors.title}
      />
      {afterTitle}
      <SelectField
        name="language"
        label={t('newThread.language')}
        defaultValue={typed(values, 'language', defaultLanguage)}
        error={errors.language}
        options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      />
      <CheckboxGroup
        name="deviceTags"
        legend={t('newThread.devices')}
        options={DEVICE_TAGS.map((d) => ({ value: d, label: t(`devices.${d}`) }))}
        defaultValues={typedList(values, 'deviceTags', [])}
        error={errors.deviceTags}
      />
      <TextField
        name="eserviceTags"
        label={t('newThread.eservices')}
        hint={t('newThread.tagsHint')}
        defaultValue={typed(values, 'eserviceTags')}
        error={errors.eserviceTags}
      />
      <TextField
        name="tags"
        label={t('newThread.tags')}
        hint={t('newThread.tagsHint')}
        defaultValue={typed(values, 'tags')}
        error={errors.tags}
      />
    </>
  );
}
