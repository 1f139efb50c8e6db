import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { DateTime } from '~/components/ui/misc';
import { RatingFace } from './rating-face';

export type SessionListItem = {
  id: string;
  date: string;
  device: string;
  topics: string[];
  outcome: string;
  durationMinutes: number;
  supportPointName: string | null;
  eservice: { slug: string; name: string } | null;
  rating: number | null;
};

/** The adviser's own entries they can still correct, with the ways on from each. */
export function SessionList({ sessions }: { sessions: SessionListItem[] }) {
  const { t } = useTranslation('reports');
  if (!sessions.length) return <p>{t('log.noRecent')}</p>;
  return (
    <ul className="material-list session-list">
      {sessions.map((s) => (
        <li key={s.id} className="material-card">
          <h3>
            <Link to={`/reports/log/${s.id}`}>
              <DateTime value={s.date} dateOnly /> · {t(`devices.${s.device}`)}
              <span className="visually-hidden">: {t('log.editEntry')}</span>
            </Link>
          </h3>
          <p>
            {s.topics.map((topic) => t(`topics.${topic}`)).join(', ')}
            {s.eservice ? ` · ${s.eservice.name}` : ''}
          </p>
          <p className="muted">
            {[s.supportPointName, t('log.minutes', { count: s.durationMinutes }), t(`outcomes.${s.outcome}`)]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p className="muted">
            {s.rating ? (
              <>
                <RatingFace rating={s.rating} />
                {t('log.residentAnswered', { label: t(`resident.ratings.${s.rating}`) })}
              </>
            ) : (
              t('log.noAnswer')
            )}
          </p>
          {s.eservice ? (
            <p>
              <Link to={`/eservices/${s.eservice.slug}/feedback/new?session=${s.id}`}>
                {t('log.reportProblem', { service: s.eservice.name })}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
