import { useTranslation } from '~/i18n/use-translation';
import { CheckboxGroup, SelectField, TextAreaField, TextField, typed, typedList } from '~/components/ui/form';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { SUPPORT_POINT_KINDS } from '~/domain/support-points/constants';
import { DISTRICTS, districtName } from '~/domain/support-points/districts';
import type { FieldErrors, FormValues } from '~/utils/forms';

/** The support-point form's fields, for adding a point and for changing one. */
export function SupportPointFields({
  stored,
  values,
  errors,
  organisations,
}: {
  /** The point as stored (or a new point's starting values). */
  stored: Record<string, string | string[] | boolean>;
  values: FormValues;
  errors: FieldErrors;
  organisations: { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation('supportPoints');
  const { t: tp } = useTranslation('profile');
  const storedText = (name: string) => {
    const v = stored[name];
    return typeof v === 'string' ? v : '';
  };
  const value = (name: string) => typed(values, name, storedText(name));
  // A checkbox left empty is absent from a failed submit's values; the name field never is.
  const checked = (name: 'appointmentNeeded' | 'active') =>
    'name' in values ? values[name] === 'on' : stored[name] === true;
  return (
    <>
      <TextField
        name="name"
        label={t('form.name')}
        maxLength={120}
        defaultValue={value('name')}
        error={errors.name}
      />
      <TextField
        name="slug"
        label={t('form.slug')}
        hint={t('form.slugHint')}
        maxLength={60}
        defaultValue={value('slug')}
        error={errors.slug}
      />
      <SelectField
        name="kind"
        label={t('form.kind')}
        defaultValue={value('kind')}
        error={errors.kind}
        options={SUPPORT_POINT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <TextField
        name="address"
        label={t('form.address')}
        maxLength={200}
        defaultValue={value('address')}
        error={errors.address}
      />
      <SelectField
        name="district"
        label={t('form.district')}
        defaultValue={value('district')}
        error={errors.district}
        options={[
          { value: '', label: t('form.chooseDistrict') },
          ...DISTRICTS.map((d) => ({ value: d.fi, label: districtName(d.fi, i18n.language) })).sort((a, b) =>
            a.label.localeCompare(b.label, i18n.language),
          ),
        ]}
      />
      <SelectField
        name="hostOrganisationId"
        label={t('form.host')}
        defaultValue={value('hostOrganisationId')}
        error={errors.hostOrganisationId}
        options={[
          { value: '', label: t('form.noHost') },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      {(['Fi', 'Sv', 'En'] as const).map((lng) => (
        <TextAreaField
          key={lng}
          name={`hours${lng}`}
          label={t(`form.hours${lng}`)}
          hint={lng === 'Fi' ? t('form.hoursHint') : undefined}
          rows={2}
          maxLength={500}
          lang={lng.toLowerCase()}
          defaultValue={value(`hours${lng}`)}
          error={errors[`hours${lng}`]}
        />
      ))}
      {(['Fi', 'Sv', 'En'] as const).map((lng) => (
        <TextAreaField
          key={lng}
          name={`accessibility${lng}`}
          label={t(`form.accessibility${lng}`)}
          hint={lng === 'Fi' ? t('form.accessibilityHint') : undefined}
          rows={2}
          maxLength={500}
          lang={lng.toLowerCase()}
          defaultValue={value(`accessibility${lng}`)}
          error={errors[`accessibility${lng}`]}
        />
      ))}
      <CheckboxGroup
        name="languages"
        legend={t('form.languages')}
        tiles
        options={ADVISE_LANGUAGES.map((l) => ({ value: l, label: tp(`languages.${l}`) }))}
        defaultValues={typedList(
          values,
          'languages',
          Array.isArray(stored.languages) ? stored.languages : [],
        )}
        error={errors.languages}
      />
      <label className="checkbox">
        <input type="checkbox" name="appointmentNeeded" defaultChecked={checked('appointmentNeeded')} />
        <span>{t('form.appointmentNeeded')}</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" name="active" defaultChecked={checked('active')} />
        <span>{t('form.active')}</span>
      </label>
    </>
  );
}
