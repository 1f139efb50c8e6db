import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  typed,
  typedList,
  useFormResult,
} from '~/components/ui/form';
import { ADVISE_LANGUAGES } from '~/domain/members/advise-languages';
import { SLOT_TOPICS, WEEKDAYS } from '~/domain/roster/constants';
import type { FieldErrors, FormValues } from '~/utils/forms';

export type StoredSlot = Record<string, string | string[]>;

/** The help-time form's fields, for adding a slot and for changing one. */
export function SlotFields({
  stored,
  values,
  errors,
  organisations,
}: {
  stored: StoredSlot;
  values: FormValues;
  errors: FieldErrors;
  /** The organisations the member may choose; an org admin has only their own. */
  organisations: { id: string; name: string }[];
}) {
  const { t } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  const value = (name: string) => {
    const v = stored[name];
    return typed(values, name, typeof v === 'string' ? v : '');
  };
  const chosen = (name: string) => {
    const v = stored[name];
    return typedList(values, name, Array.isArray(v) ? v : []);
  };
  return (
    <>
      <CheckboxGroup
        name="weekdays"
        legend={t('slot.weekdays')}
        tiles
        options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekdays.${d}`) }))}
        defaultValues={chosen('weekdays')}
        error={errors.weekdays}
      />
      <div className="field-row">
        <TextField
          name="startsAt"
          type="time"
          label={t('slot.startsAt')}
          defaultValue={value('startsAt')}
          error={errors.startsAt}
        />
        <TextField
          name="endsAt"
          type="time"
          label={t('slot.endsAt')}
          defaultValue={value('endsAt')}
          error={errors.endsAt}
        />
      </div>
      <div className="field-row">
        <TextField
          name="validFrom"
          type="date"
          label={t('slot.validFrom')}
          defaultValue={value('validFrom')}
          error={errors.validFrom}
        />
        <TextField
          name="validUntil"
          type="date"
          label={t('slot.validUntil')}
          hint={t('slot.validUntilHint')}
          defaultValue={value('validUntil')}
          error={errors.validUntil}
        />
      </div>
      <TextAreaField
        name="exceptions"
        label={t('slot.exceptions')}
        hint={t('slot.exceptionsHint')}
        rows={3}
        maxLength={2000}
        defaultValue={value('exceptions')}
        error={errors.exceptions}
      />
      <CheckboxGroup
        name="languages"
        legend={t('slot.languages')}
        tiles
        options={ADVISE_LANGUAGES.map((l) => ({ value: l, label: tp(`languages.${l}`) }))}
        defaultValues={chosen('languages')}
        error={errors.languages}
      />
      <CheckboxGroup
        name="topics"
        legend={t('slot.topics')}
        options={SLOT_TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))}
        defaultValues={chosen('topics')}
        error={errors.topics}
      />
      <TextField
        name="needed"
        type="number"
        inputMode="numeric"
        min={1}
        max={20}
        label={t('slot.needed')}
        defaultValue={value('needed')}
        error={errors.needed}
      />
      <SelectField
        name="organisationId"
        label={t('slot.organisation')}
        defaultValue={value('organisationId')}
        error={errors.organisationId}
        options={[
          ...(organisations.length > 1 ? [{ value: '', label: t('slot.noOrganisation') }] : []),
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
    </>
  );
}

/** The page around the form, the same for a new slot and a changed one. */
export function SlotFormPage({
  title,
  point,
  stored,
  organisations,
}: {
  title: string;
  point: { name: string; slug: string };
  stored: StoredSlot;
  organisations: { id: string; name: string }[];
}) {
  const { t } = useTranslation('roster');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/support-points/${point.slug}`}>{point.name}</Link>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <SlotFields stored={stored} values={values} errors={errors} organisations={organisations} />
        <button type="submit" className="button">
          {t('slot.save')}
        </button>
      </Form>
    </div>
  );
}
