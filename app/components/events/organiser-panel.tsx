import { Form, useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { ConfirmPanel, TextField, typed } from '~/components/ui/form';
import type { FieldErrors, FormValues } from '~/utils/forms';
import { TableWrap } from '~/components/ui/table-wrap';

type Attendee = { status: string; user: { name: string; organisation: { name: string } } };

/** The organisers' part of an event page: who answered, check-in, follow-up, cancelling. */
export function OrganiserPanel({
  event,
  attendance,
  attendees,
  errors,
  values,
  confirm,
}: {
  event: {
    id: string;
    cancelledAt: string | null;
    minutesUrl: string;
    slidesUrl: string;
    recordingUrl: string;
    followUpNote: string;
  };
  attendance: { attended: number; noShows: number; walkIns: number } | null;
  attendees: Attendee[] | null;
  errors: FieldErrors;
  values: FormValues;
  /** The destructive intent the page asks to confirm (cancelling). */
  confirm?: string;
}) {
  const { t } = useTranslation('events');
  const location = useLocation();
  return (
    <section aria-labelledby="organiser-heading" className="section">
      <h2 id="organiser-heading">{t('organiser.title')}</h2>
      <p className="actions-row">
        <Link to={`/events/${event.id}/edit`}>{t('edit.open')}</Link>
        <Link to={`/events/${event.id}/organise`}>{t('organise.title')}</Link>
        <Link to={`/events/${event.id}/check-in`}>{t('checkIn.title')}</Link>
        <a href={`/events/${event.id}/attendance`} download>
          {t('checkIn.csv')}
        </a>
      </p>
      {attendance ? <p>{t('checkIn.summary', attendance)}</p> : null}
      {attendees ? (
        <TableWrap label={t('organiser.attendees')}>
          <table>
            <caption>{t('organiser.attendees')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organiser.name')}</th>
                <th scope="col">{t('organiser.organisation')}</th>
                <th scope="col">{t('organiser.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {attendees.map((a, i) => (
                <tr key={i}>
                  <th scope="row">{a.user.name}</th>
                  <td>{a.user.organisation.name}</td>
                  <td>{t(`rsvp.status.${a.status}`)}</td>
                </tr>
              ))}
              {attendees.length === 0 ? (
                <tr>
                  <td colSpan={3}>{t('organiser.nobody')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <Form method="post" className="form">
        <h3>{t('followUp.publishTitle')}</h3>
        <p>{t('followUp.publishHelp')}</p>
        <input type="hidden" name="intent" value="follow-up" />
        {(['minutesUrl', 'slidesUrl', 'recordingUrl'] as const).map((k) => (
          <TextField
            key={k}
            type="url"
            name={k}
            label={t(`followUp.${k}`)}
            maxLength={500}
            defaultValue={typed(values, k, event[k])}
            error={errors[k]}
          />
        ))}
        <TextField
          name="note"
          label={t('followUp.note')}
          maxLength={2000}
          defaultValue={typed(values, 'note', event.followUpNote)}
          error={errors.note}
        />
        <button type="submit" className="button button--secondary">
          {t('followUp.publish')}
        </button>
      </Form>
      {!event.cancelledAt && confirm === 'cancel' ? (
        <ConfirmPanel
          intent="cancel"
          values={values}
          question={t('organiser.cancelConfirm')}
          detail={t('organiser.cancelConfirmDetail', { reason: typed(values, 'reason') })}
          confirmLabel={t('organiser.cancel')}
          cancelTo={location.pathname}
        />
      ) : !event.cancelledAt ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="cancel" />
          <TextField
            name="reason"
            label={t('organiser.cancelReason')}
            hint={t('organiser.cancelHint')}
            maxLength={500}
            defaultValue={typed(values, 'reason')}
            error={errors.reason}
          />
          <button type="submit" className="button button--danger">
            {t('organiser.cancel')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
