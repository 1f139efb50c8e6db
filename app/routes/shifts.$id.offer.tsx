import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { ShiftNotePage } from '~/components/roster/shift-note-page';
import { OfferShiftSchema } from '~/domain/roster/schema.server';
import { ownShift } from '~/domain/roster/shifts.server';
import { offerShift } from '~/domain/roster/swaps.server';
import { redirectDone } from '~/utils/done-cookie.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/** Offering one's own coming shift for a swap: it stays one's own until someone takes it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const shift = await ownShift(user, params.id ?? '');
  if (!shift || shift.offered) throw notFound();
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
  const parsed = parseForm(OfferShiftSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await offerShift(user, params.id ?? '', parsed.data.note);
  if (!result.ok) return refused(result, parsed.values);
  return redirectDone('/shifts', 'roster:swap.offered');
}

export default function OfferShiftPage() {
  const { shift } = useLoaderData<typeof loader>();
  const { t } = useTranslation('roster');
  return (
    <ShiftNotePage
      shift={shift}
      title={t('swap.offerTitle')}
      intro={t('swap.offerLead')}
      field={{ name: 'note', label: t('swap.note'), hint: t('swap.noteHint') }}
      submit={{ label: t('swap.offerSubmit') }}
      back={t('swap.back')}
    />
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageTitle(matches, 'roster:swap.offerTitle');
