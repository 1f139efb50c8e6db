import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { DoneNotice, ErrorSummary, useFormResult } from '~/components/ui/form';
import { Badge } from '~/components/ui/misc';
import { ShiftRowSchema } from '~/domain/roster/schema.server';
import { myShiftsPart } from '~/domain/roster/shifts.server';
import { readTogether } from '~/db/read-together.server';
import { shiftsOnOfferPart, takeShift, withdrawOffer } from '~/domain/roster/swaps.server';
import { helpTime } from '~/domain/roster/when';
import { redirectDone } from '~/utils/done-cookie.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/**
 * An adviser's coming shifts (each can be offered for a swap or cancelled) and the shifts
 * others offer, which they can take.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const [shifts, offers] = await readTogether(myShiftsPart(user.id), shiftsOnOfferPart(user));
  return json({
    shifts: shifts.map((s) => ({
      id: s.id,
      date: s.date,
      start: s.start.toISOString(),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      point: s.point,
      needed: s.needed,
      signedUp: s.signedUp,
      offered: s.offered,
      begun: s.begun,
    })),
    offers: offers.map((o) => ({
      id: o.id,
      date: o.date,
      start: o.start.toISOString(),
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      languages: o.languages,
      point: { slug: o.point.slug, name: o.point.name, address: o.point.address },
      usualPoint: o.usualPoint,
      offeredBy: o.offeredBy,
      note: o.note,
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const parsed = parseForm(ShiftRowSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { intent, shiftId } = parsed.data;
  if (intent === 'withdraw') {
    const result = await withdrawOffer(user, shiftId);
    if (!result.ok) return refused(result);
    return redirectDone('/shifts', 'roster:swap.withdrawn');
  }
  const result = await takeShift(user, shiftId);
  if (!result.ok) return refused(result);
  return redirectDone('/shifts', { key: 'roster:swap.taken', values: { point: result.pointName } });
}

export default function MyShiftsPage() {
  const { shifts, offers } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  const { errors } = useFormResult();
  return (
    <div className="page page--narrow">
      <h1>{t('myShifts.title')}</h1>
      <DoneNotice />
      <ErrorSummary errors={errors} />
      <p className="lead">{t('myShifts.lead')}</p>
      {shifts.length ? (
        <ul className="card-list">
          {shifts.map((s) => (
            <li key={s.id} className="card">
              <h2 className="card__title">
                <time dateTime={s.start}>{helpTime(s.date, s.startsAt, s.endsAt, i18n.language)}</time>
              </h2>
              <p>
                <Link to={`/support-points/${s.point.slug}#help-times`}>{s.point.name}</Link>
                <br />
                {s.point.address}
              </p>
              <p className="muted">{t('myShifts.withOthers', { count: s.signedUp, needed: s.needed })}</p>
              {s.offered ? (
                <>
                  <p>
                    <Badge tone="tag">{t('swap.offeredBadge')}</Badge> {t('swap.stillYours')}
                  </p>
                  <Form method="post" className="actions-row">
                    <input type="hidden" name="shiftId" value={s.id} />
                    <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                      {t('swap.withdraw')}
                    </button>
                    <Link to={`/shifts/${s.id}/cancel`}>{t('myShifts.cancel')}</Link>
                  </Form>
                </>
              ) : s.begun ? (
                // Under way: nobody could take it over now, but a late "I cannot come" still helps.
                <p className="actions-row">
                  <Badge tone="tag">{t('myShifts.underway')}</Badge>
                  <Link to={`/shifts/${s.id}/cancel`}>{t('myShifts.cancel')}</Link>
                </p>
              ) : (
                <p className="actions-row">
                  <Link to={`/shifts/${s.id}/offer`} className="button button--secondary">
                    {t('swap.offer')}
                  </Link>
                  <Link to={`/shifts/${s.id}/cancel`}>{t('myShifts.cancel')}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>{t('myShifts.empty')}</p>
          <p>
            <Link to="/support-points" className="button">
              {t('myShifts.findPoints')}
            </Link>
          </p>
        </>
      )}
      <section aria-labelledby="offered">
        <h2 id="offered">{t('swap.othersTitle')}</h2>
        {offers.length ? (
          <ul className="card-list">
            {offers.map((o) => (
              <li key={o.id} className="card">
                <h3 className="card__title">
                  <time dateTime={o.start}>{helpTime(o.date, o.startsAt, o.endsAt, i18n.language)}</time>
                </h3>
                <p>
                  <Link to={`/support-points/${o.point.slug}#help-times`}>{o.point.name}</Link>
                  {o.usualPoint ? <> · {t('swap.yourPoint')}</> : null}
                  <br />
                  {o.point.address}
                </p>
                <p className="muted">
                  {t('swap.offeredBy', { name: o.offeredBy })} ·{' '}
                  {t('languagesOffered', {
                    languages: o.languages.map((l) => tp(`languages.${l}`)).join(', '),
                  })}
                </p>
                {o.note ? <p className="pre-line">{o.note}</p> : null}
                <Form method="post">
                  <input type="hidden" name="shiftId" value={o.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="take"
                    className="button"
                    aria-label={t('swap.takeNamed', {
                      point: o.point.name,
                      when: helpTime(o.date, o.startsAt, o.endsAt, i18n.language),
                    })}
                  >
                    {t('swap.take')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('swap.noneOffered')}</p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, 'roster:myShifts.title');
