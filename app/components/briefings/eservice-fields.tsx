import { useTranslation } from '~/i18n/use-translation';
import { SelectField, TextAreaField, TextField, typed } from '~/components/ui/form';
import { ESERVICE_STATUSES } from '~/domain/briefings/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';

export type EServiceDefaults = Record<
  | 'slug'
  | 'nameFi'
  | 'nameSv'
  | 'nameEn'
  | 'helpFi'
  | 'helpSv'
  | 'helpEn'
  | 'owner'
  | 'status'
  | 'launchDate'
  | 'publicUrl'
  | 'contacts',
  string
>;

export const EMPTY_ESERVICE: EServiceDefaults = {
  slug: '',
  nameFi: '',
  nameSv: '',
  nameEn: '',
  helpFi: '',
  helpSv: '',
  helpEn: '',
  owner: '',
  status: 'launched',
  launchDate: '',
  publicUrl: '',
  contacts: '',
};

const LANGS = [
  ['Fi', 'fi'],
  ['Sv', 'sv'],
  ['En', 'en'],
] as const;

/** An e-service's catalogue entry: names and help in three languages, owner, status, contacts. */
export function EServiceFields({
  defaults,
  errors,
  values,
}: {
  defaults: EServiceDefaults;
  errors: FieldErrors;
  values: FormValues;
}) {
  const { t } = useTranslation('briefings');
  const v = (name: keyof EServiceDefaults) => typed(values, name, defaults[name]);
  return (
    <>
      {LANGS.map(([suffix, lng]) => (
        <TextField
          key={`name${suffix}`}
          name={`name${suffix}`}
          label={t(`eservices.form.name.${lng}`)}
          maxLength={120}
          defaultValue={v(`name${suffix}`)}
          error={errors[`name${suffix}`]}
        />
      ))}
      <TextField
        name="slug"
        label={t('eservices.form.slug')}
        hint={t('eservices.form.slugHint')}
        maxLength={60}
        defaultValue={v('slug')}
        error={errors.slug}
      />
      {LANGS.map(([suffix, lng]) => (
        <TextAreaField
          key={`help${suffix}`}
          name={`help${suffix}`}
          label={t(`eservices.form.help.${lng}`)}
          rows={4}
          maxLength={3000}
          defaultValue={v(`help${suffix}`)}
          error={errors[`help${suffix}`]}
        />
      ))}
      <TextField
        name="owner"
        label={t('eservices.form.owner')}
        hint={t('eservices.form.ownerHint')}
        maxLength={200}
        defaultValue={v('owner')}
        error={errors.owner}
      />
      <SelectField
        name="status"
        label={t('eservices.form.status')}
        defaultValue={v('status')}
        error={errors.status}
        options={ESERVICE_STATUSES.map((s) => ({ value: s, label: t(`eservices.statuses.${s}`) }))}
      />
      <TextField
        type="date"
        name="launchDate"
        label={t('eservices.form.launchDate')}
        defaultValue={v('launchDate')}
        error={errors.launchDate}
      />
      <TextField
        type="url"
        name="publicUrl"
        label={t('eservices.form.publicUrl')}
        maxLength={500}
        defaultValue={v('publicUrl')}
        error={errors.publicUrl}
      />
      <TextAreaField
        name="contacts"
        label={t('eservices.form.contacts')}
        hint={t('eservices.form.contactsHint')}
        rows={3}
        defaultValue={v('contacts')}
        error={errors.contacts}
      />
    </>
  );
}
