import { useTranslation } from '~/i18n/use-translation';
import { TextAreaField, TextField, typed } from '~/components/ui/form';
import type { FieldErrors, FormValues } from '~/utils/forms';

type PathDefaults = Partial<
  Record<
    'slug' | 'titleFi' | 'titleSv' | 'titleEn' | 'descriptionFi' | 'descriptionSv' | 'descriptionEn',
    string
  >
>;

/** A learning path's address and its name and description in each language. */
export function PathFields({
  errors,
  values,
  defaults = {},
}: {
  errors: FieldErrors;
  values: FormValues;
  defaults?: PathDefaults;
}) {
  const { t } = useTranslation('library');
  const languages = [
    ['Fi', 'fi'],
    ['Sv', 'sv'],
    ['En', 'en'],
  ] as const;
  return (
    <>
      <TextField
        name="slug"
        label={t('paths.slug')}
        hint={t('paths.slugHint')}
        maxLength={80}
        defaultValue={typed(values, 'slug', defaults.slug)}
        error={errors.slug}
      />
      {languages.map(([suffix, lang]) => (
        <fieldset key={suffix} className="field-group">
          <legend>{t(`paths.in.${lang}`)}</legend>
          <TextField
            name={`title${suffix}`}
            label={t('paths.name')}
            lang={lang}
            maxLength={150}
            defaultValue={typed(values, `title${suffix}`, defaults[`title${suffix}`])}
            error={errors[`title${suffix}`]}
          />
          <TextAreaField
            name={`description${suffix}`}
            label={t('paths.description')}
            lang={lang}
            rows={2}
            maxLength={1000}
            defaultValue={typed(values, `description${suffix}`, defaults[`description${suffix}`])}
            error={errors[`description${suffix}`]}
          />
        </fieldset>
      ))}
    </>
  );
}
