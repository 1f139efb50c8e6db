import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/guards.server';
import { DoneNotice } from '~/components/ui/form';
import { myShifts } from '~/domain/roster/shifts.server';
import { helpTime } from '~/domain/roster/when';
import { pageTitle } from '~/utils/meta';

/** An adviser's coming shifts: where, when, with how many others; each can be cancelled. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'roster:sign-up');
  const shifts = await myShifts(user.id);
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
    })),
  });
}

export default function MyShiftsPage() {
  const { shifts } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('roster');
  return (
    <div className="page page--narrow">
      <h1>{t('myShifts.title')}</h1>
      <DoneNotice />
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
              <p>
                <Link to={`/shifts/${s.id}/cancel`} className="button button--secondary">
                  {t('myShifts.cancel')}
                </Link>
              </p>
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
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, 'roster:myShifts.title');
