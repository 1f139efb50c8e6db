import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ORGANISATION_KIND_VALUES } from '~/domain/organisations/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { SelectField, TextField, typed } from './ui/form';

export function OrganisationForm({
  initial,
  errors,
  values,
  submitLabel,
}: {
  initial?: { name: string; kind: string; active: boolean };
  errors: FieldErrors;
  values: FormValues;
  submitLabel: string;
}) {
  const { t } = useTranslation('admin');
  const active = 'name' in values ? values.active === 'on' : (initial?.active ?? true);
  return (
    <Form method="post" className="form" noValidate>
      <TextField
        name="name"
        label={t('organisations.fields.name')}
        required
        maxLength={120}
        defaultValue={typed(values, 'name', initial?.name)}
        error={errors.name}
      />
      <SelectField
        name="kind"
        label={t('organisations.fields.kind')}
        defaultValue={typed(values, 'kind', initial?.kind ?? 'city_unit')}
        options={ORGANISATION_KIND_VALUES.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))}
        error={errors.kind}
      />
      <label className="checkbox">
        <input type="checkbox" name="active" defaultChecked={active} />
        <span>{t('organisations.fields.active')}</span>
      </label>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
