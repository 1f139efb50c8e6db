import { useTranslation } from '~/i18n/use-translation';
import { ROLE_KEYS } from '~/auth/roles';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { CheckboxGroup, SelectField, typed, typedList } from './form';

type Props = {
  organisations: { id: string; name: string }[];
  defaults: { audience: string; audienceOrgIds: string[]; audienceRoles: string[] };
  errors: FieldErrors;
  values: FormValues;
};

/** "For whom": everyone, selected organisations or selected roles (events, announcements, briefings). */
export function AudienceFields({ organisations, defaults, errors, values }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        name="audience"
        label={t('audience.label')}
        defaultValue={typed(values, 'audience', defaults.audience)}
        error={errors.audience}
        options={(['all', 'organisations', 'roles'] as const).map((a) => ({
          value: a,
          label: t(`audience.${a}`),
        }))}
      />
      <CheckboxGroup
        name="audienceOrgIds"
        legend={t('audience.pickOrganisations')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValues={typedList(values, 'audienceOrgIds', defaults.audienceOrgIds)}
        error={errors.audienceOrgIds}
      />
      <CheckboxGroup
        name="audienceRoles"
        legend={t('audience.pickRoles')}
        options={ROLE_KEYS.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        defaultValues={typedList(values, 'audienceRoles', defaults.audienceRoles)}
        error={errors.audienceRoles}
      />
    </>
  );
}
