import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { notFound, requirePermission } from '~/auth/guards.server';
import { ErrorSummary, TextAreaField, typed, useFormResult } from '~/components/ui/form';
import { CancelShiftSchema } from '~/domain/roster/schema.server';
import { cancelShift, ownShift } from '~/domain/roster/shifts.server';
import { helpTime } from '~/domain/roster/when';
import { redirectDone } from '~/utils/done-cookie.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/** Cancelling one's own coming shift, with a reason the coordinator and the others are told. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const shift = await ownShift(user, params.id ?? '');
  if (!shift) throw notFound();
  return json({
    shift: {
      id: shift.id,
      date: shift.date,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      point: shift.point,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const parsed = parseForm(CancelShiftSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await cancelShift(user, params.id ?? '', parsed.data.reason);
  if (!result.ok) return refused(result, parsed.values);
  return redirectDone('/shifts', 'roster:cancelPage.cancelled');
}

export default function CancelShiftPage() {
  const { shift } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/shifts">{t('myShifts.title')}</Link>
      </p>
      <h1>{t('cancelPage.title')}</h1>
      <p className="lead">
        {t('cancelPage.lead', {
          point: shift.point.name,
          when: helpTime(shift.date, shift.startsAt, shift.endsAt, i18n.language),
        })}
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <TextAreaField
          name="reason"
          label={t('cancelPage.reason')}
          hint={t('cancelPage.reasonHint')}
          rows={3}
          maxLength={500}
          defaultValue={typed(values, 'reason')}
          error={errors.reason}
        />
        <p className="actions-row">
          <button type="submit" className="button button--danger">
            {t('cancelPage.submit')}
          </button>
          <Link to="/shifts">{t('cancelPage.back')}</Link>
        </p>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageTitle(matches, 'roster:cancelPage.title');
