import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { ActionItem, SearchForm } from '~/components/ui/action-list';
import { attendanceSummary, checkInList, setCheckedIn } from '~/domain/events/attendance.server';
import { requireEvent } from '~/domain/events/guards.server';
import { CheckInSchema } from '~/domain/events/schema.server';
import { eventTitle } from '~/domain/events/titles';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm, searchText } from '~/utils/forms.server';
import { subPageTitle } from '~/utils/meta';
import { CheckIcon } from '~/components/ui/icons';

/** On the day, on a phone: find a name, tap to check in (also people who did not sign up). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEvent(request, params.id, 'organiser');
  const q = searchText().parse(new URL(request.url).searchParams.get('q') ?? '');
  const [list, summary] = await Promise.all([checkInList(event.id, q), attendanceSummary(event.id)]);
  return json({ id: event.id, title: eventTitle(event, await getLanguage(request)), q, ...list, summary });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireEvent(request, params.id, 'organiser');
  const parsed = parseForm(CheckInSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const checked = await setCheckedIn(event.id, parsed.data.userId, parsed.data.intent === 'check-in');
  if (!checked) return invalid({ userId: { key: 'validation.invalid' } });
  // The list shows who came.
  return done();
}

export default function CheckInPage() {
  const { id, title, q, signedUp, others, summary } = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/events/${id}`} lang={title.lang}>
          {title.text}
        </Link>
      </p>
      <h1>{t('checkIn.title')}</h1>
      <p role="status">{t('checkIn.summary', summary)}</p>
      <SearchForm name="q" label={t('checkIn.search')} value={q} button={t('checkIn.find')} />
      <ul className="action-list">
        {signedUp.map((r) => (
          <ActionItem
            key={r.user.id}
            field={{ name: 'userId', value: r.user.id }}
            intent={r.checkedInAt ? 'undo-check-in' : 'check-in'}
            label={
              r.checkedInAt ? (
                <>
                  <CheckIcon />
                  {t('checkIn.checkedIn')}
                </>
              ) : (
                t('checkIn.checkIn')
              )
            }
            subject={r.user.name}
            tone={r.checkedInAt ? 'secondary' : 'primary'}
            pressed={r.checkedInAt ? true : undefined}
          >
            <span>
              <strong>{r.user.name}</strong>{' '}
              <span className="muted">
                {r.user.organisation.name} · {t(`rsvp.status.${r.status}`)}
              </span>
            </span>
          </ActionItem>
        ))}
      </ul>
      {signedUp.length === 0 ? <p>{q ? t('checkIn.noneFound') : t('organiser.nobody')}</p> : null}
      {others.length ? (
        <section aria-labelledby="walk-ins" className="section">
          <h2 id="walk-ins">{t('checkIn.walkIns')}</h2>
          <ul className="action-list">
            {others.map((m) => (
              <ActionItem
                key={m.id}
                field={{ name: 'userId', value: m.id }}
                intent="check-in"
                label={t('checkIn.checkIn')}
                subject={m.name}
              >
                <span>
                  <strong>{m.name}</strong> <span className="muted">{m.organisation}</span>
                </span>
              </ActionItem>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={`/events/${id}/attendance`} download>
          {t('checkIn.csv')}
        </a>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'events:checkIn.title', data?.title.text);
