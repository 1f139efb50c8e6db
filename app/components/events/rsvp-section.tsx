import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { Notice } from '~/components/ui/form';
import type { FieldError } from '~/utils/forms';

const ANSWERS = ['going', 'maybe', 'cant'] as const;

/**
 * "Are you coming?" on an event's page: the member's answer (or place in the queue), the three
 * answers as buttons that show which is chosen, and the event for a calendar.
 */
export function RsvpSection({
  eventId,
  cancelled,
  closed,
  full,
  myStatus,
  waitlistPosition,
  error,
}: {
  eventId: string;
  cancelled: boolean;
  closed: boolean;
  /** Every place taken: "I'm coming" joins the waiting list. */
  full: boolean;
  myStatus: string | null;
  waitlistPosition: number | null;
  error?: FieldError;
}) {
  const { t } = useTranslation('events');
  return (
    <section aria-labelledby="rsvp-heading" className="section">
      <h2 id="rsvp-heading">{t('rsvp.title')}</h2>
      <p role="status">
        {myStatus === 'waitlist'
          ? t('rsvp.onWaitlist', { position: waitlistPosition })
          : myStatus
            ? t(`rsvp.you.${myStatus}`)
            : t('rsvp.notAnswered')}
      </p>
      {error ? (
        <Notice tone="error">
          <p>{t(error.key, error.values)}</p>
        </Notice>
      ) : null}
      {closed ? (
        <p>{cancelled ? t('event.cancelled') : t('rsvp.closed')}</p>
      ) : (
        <Form method="post" className="actions-row" preventScrollReset>
          <input type="hidden" name="intent" value="rsvp" />
          {ANSWERS.map((answer) => (
            <button
              key={answer}
              type="submit"
              name="status"
              value={answer}
              className={`button${myStatus === answer || (answer === 'going' && myStatus === 'waitlist') ? '' : ' button--secondary'}`}
              aria-pressed={myStatus === answer || (answer === 'going' && myStatus === 'waitlist')}
            >
              {answer === 'going' && full && myStatus !== 'going'
                ? t('rsvp.joinWaitlist')
                : t(`rsvp.answers.${answer}`)}
            </button>
          ))}
        </Form>
      )}
      <p>
        <a href={`/events/${eventId}/ics`}>{t('event.addToCalendar')}</a> ·{' '}
        <Link to="/events/calendar">{t('calendar.title')}</Link>
      </p>
    </section>
  );
}
