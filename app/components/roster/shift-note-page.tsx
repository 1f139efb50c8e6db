import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { ErrorSummary, TextAreaField, typed, useFormResult } from '~/components/ui/form';
import { helpTime } from '~/domain/roster/when';

type Shift = { date: string; startsAt: string; endsAt: string; point: { name: string } };

/**
 * A page that does one thing to one of the adviser's shifts with a few words from them:
 * cancelling (a reason) or offering it for a swap (a note for the taker).
 */
export function ShiftNotePage({
  shift,
  title,
  intro,
  field,
  submit,
  back,
}: {
  shift: Shift;
  title: string;
  intro?: string;
  field: { name: string; label: string; hint: string };
  submit: { label: string; danger?: boolean };
  back: string;
}) {
  const { t, i18n } = useTranslation('roster');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/shifts">{t('myShifts.title')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t('cancelPage.lead', {
          point: shift.point.name,
          when: helpTime(shift.date, shift.startsAt, shift.endsAt, i18n.language),
        })}
      </p>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <TextAreaField
          name={field.name}
          label={field.label}
          hint={field.hint}
          rows={3}
          maxLength={500}
          defaultValue={typed(values, field.name)}
          error={errors[field.name]}
        />
        <p className="actions-row">
          <button type="submit" className={submit.danger ? 'button button--danger' : 'button'}>
            {submit.label}
          </button>
          <Link to="/shifts">{back}</Link>
        </p>
      </Form>
    </div>
  );
}
