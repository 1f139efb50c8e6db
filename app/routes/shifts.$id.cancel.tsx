import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { ShiftNotePage } from '~/components/roster/shift-note-page';
import { CancelShiftSchema } from '~/domain/roster/schema.server';
import { cancelShift, ownShift } from '~/domain/roster/shifts.server';
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
  const { t } = useTranslation('roster');
  return (
    <ShiftNotePage
      shift={shift}
      title={t('cancelPage.title')}
      field={{ name: 'reason', label: t('cancelPage.reason'), hint: t('cancelPage.reasonHint') }}
      submit={{ label: t('cancelPage.submit'), danger: true }}
      back={t('cancelPage.back')}
    />
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageTitle(matches, 'roster:cancelPage.title');
