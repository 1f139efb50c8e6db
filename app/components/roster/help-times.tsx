import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { helpTime } from '~/domain/roster/when';

export type HelpTime = {
  slotId: string;
  date: string;
  start: string;
  startsAt: string;
  endsAt: string;
  languages: string[];
  topics: string[];
  needed: number;
  organisation: string | null;
  advisers: { id: string; name: string }[];
  mayManage: boolean;
};

/**
 * A point's help times for the next two weeks as the network sees them: who is on duty, how
 * many are missing, a sign-up link for an adviser and a change link for whoever keeps the slot.
 */
export function HelpTimes({
  times,
  pointSlug,
  viewerId,
  canSignUp,
  canAddSlots,
}: {
  times: HelpTime[];
  pointSlug: string;
  viewerId: string;
  canSignUp: boolean;
  canAddSlots: boolean;
}) {
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  return (
    <section aria-labelledby="help-times">
      <h2 id="help-times">{t('helpTimes')}</h2>
      <p className="muted">{t('helpTimesLead')}</p>
      {times.length ? (
        <ul className="card-list">
          {times.map((time) => {
            const count = time.advisers.length;
            const mine = time.advisers.some((a) => a.id === viewerId);
            const state = count === 0 ? 'empty' : count < time.needed ? 'short' : 'staffed';
            const when = helpTime(time.date, time.startsAt, time.endsAt, i18n.language);
            return (
              <li key={`${time.slotId}-${time.date}`} className={`card help-time help-time--${state}`}>
                <h3 className="card__title">
                  <time dateTime={time.start}>{when}</time>
                </h3>
                <p className="help-time__state">{t(`staffing.${state}`, { count, needed: time.needed })}</p>
                {count ? <p>{t('onDuty', { names: time.advisers.map((a) => a.name).join(', ') })}</p> : null}
                <p className="muted">
                  {t('languagesOffered', {
                    languages: time.languages.map((l) => tp(`languages.${l}`)).join(', '),
                  })}
                  {time.topics.length ? (
                    <>
                      <br />
                      {t('topicsOffered', { topics: time.topics.map((x) => t(`topics.${x}`)).join(', ') })}
                    </>
                  ) : null}
                  {time.organisation ? (
                    <>
                      <br />
                      {t('staffedBy', { organisation: time.organisation })}
                    </>
                  ) : null}
                </p>
                {mine ? <p>{t('youAreOnDuty')}</p> : null}
                {(canSignUp && !mine && count < time.needed) || time.mayManage ? (
                  <p className="actions-row">
                    {canSignUp && !mine && count < time.needed ? (
                      <Link
                        to={`/shifts/new?slot=${time.slotId}&date=${time.date}`}
                        className="button"
                        aria-label={t('signUpFor', { when })}
                      >
                        {t('signUp')}
                      </Link>
                    ) : null}
                    {time.mayManage ? (
                      <Link to={`/support-points/${pointSlug}/slots/${time.slotId}`}>{t('changeSlot')}</Link>
                    ) : null}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('noHelpTimes')}</p>
      )}
      {canAddSlots ? (
        <p>
          <Link to={`/support-points/${pointSlug}/slots/new`} className="button button--secondary">
            {t('addSlot')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
