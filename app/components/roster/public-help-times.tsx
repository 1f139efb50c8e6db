import { useTranslation } from '~/i18n/use-translation';
import { helpTime } from '~/domain/roster/when';

export type PublicTime = {
  date: string;
  startsAt: string;
  endsAt: string;
  start: string;
  languages: string[];
  topics: string[];
};

/**
 * The staffed help times a resident may come to (the public page, a referral slip): when, in
 * which languages and with what. Never who.
 */
export function PublicHelpTimes({ times, headingLevel = 2 }: { times: PublicTime[]; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('roster');
  const { t: tp } = useTranslation('profile');
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="public-times" className="public-times">
      <Heading id="public-times">{t('public.timesTitle')}</Heading>
      {times.length ? (
        <ul className="public-times__list">
          {times.map((time) => (
            <li key={`${time.start}-${time.languages.join()}`}>
              <time dateTime={time.start} className="public-times__when">
                {helpTime(time.date, time.startsAt, time.endsAt, i18n.language)}
              </time>
              <span className="public-times__what">
                {t('languagesOffered', {
                  languages: time.languages.map((l) => tp(`languages.${l}`)).join(', '),
                })}
                {time.topics.length
                  ? ` · ${t('topicsOffered', { topics: time.topics.map((x) => t(`topics.${x}`)).join(', ') })}`
                  : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('public.noTimes')}</p>
      )}
    </section>
  );
}
