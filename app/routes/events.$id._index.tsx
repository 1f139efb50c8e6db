import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { OrganiserPanel } from '~/components/events/organiser-panel';
import { RsvpSection } from '~/components/events/rsvp-section';
import { notFound } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice, Notice, useFormResult } from '~/components/ui/form';
import { MaterialLink } from '~/components/library/material-link';
import { Badge, DateTime } from '~/components/ui/misc';
import { cancelEvent } from '~/domain/events/events.server';
import { requireEvent } from '~/domain/events/guards.server';
import { briefingsForEvent } from '~/domain/briefings/queries.server';
import { eventMaterials } from '~/domain/events/links.server';
import { editable, eventPage } from '~/domain/events/queries.server';
import { respond, rsvpClosed } from '~/domain/events/rsvp.server';
import { CancelSchema, FollowUpSchema, RsvpSchema } from '~/domain/events/schema.server';
import { attendanceSummary, publishFollowUp } from '~/domain/events/attendance.server';
import { eventDescription, eventTitle } from '~/domain/events/titles';
import { getLanguage } from '~/i18n/i18n.server';
import { confirmFirst, done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { dataTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id);
  const language = await getLanguage(request);
  const [page, materials, briefings] = await Promise.all([
    eventPage(user, event),
    eventMaterials(user, event.id, language),
    briefingsForEvent(user, event.id),
  ]);
  return json({
    event: {
      id: event.id,
      type: event.type,
      title: eventTitle(event, language),
      description: eventDescription(event, language),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      placeKind: event.placeKind,
      supportPoint: event.supportPoint,
      address: event.address,
      capacity: event.capacity,
      rsvpDeadline: event.rsvpDeadline,
      cancelledAt: event.cancelledAt,
      cancelReason: event.cancelReason,
      organisers: event.organisers.map((o) => o.user.name),
      minutesUrl: event.minutesUrl,
      slidesUrl: event.slidesUrl,
      recordingUrl: event.recordingUrl,
      followUpNote: event.followUpNote,
      followUpAt: event.followUpAt,
    },
    ...page,
    language,
    materials,
    briefings,
    closed: rsvpClosed(event),
    canEdit: editable(user, event),
    attendance: editable(user, event) ? await attendanceSummary(event.id) : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEvent(request, params.id);
  const meta = requestMeta(request, context);
  const form = await readForm(request);
  // The page shows each change itself (the follow-up, the cancelled banner, "You are coming."):
  // nothing more to say.
  if (form.get('intent') === 'follow-up') {
    const parsed = parseForm(FollowUpSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await publishFollowUp(user, event, parsed.data);
    return result.ok ? done() : refused(result, parsed.values);
  }
  if (form.get('intent') === 'cancel') {
    // Asked here as well as in cancelEvent: someone who may not cancel is not asked to confirm.
    if (!editable(user, event)) throw notFound();
    const parsed = parseForm(CancelSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const ask = confirmFirst(form, 'cancel');
    if (ask) return ask;
    const result = await cancelEvent(user, event, parsed.data.reason, meta);
    return result.ok ? done() : refused(result, parsed.values);
  }
  const parsed = parseForm(RsvpSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await respond(user, event.id, parsed.data.status, meta);
  return result.ok ? done() : refused(result);
}

export default function EventPage() {
  const data = useLoaderData<typeof loader>();
  const { event } = data;
  const { t } = useTranslation('events');
  const { errors, values, confirm } = useFormResult();
  return (
    <article className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/events">{t('title')}</Link>
      </p>
      <DoneNotice />
      <h1 lang={event.title.lang}>{event.title.text}</h1>
      {event.cancelledAt ? (
        <Notice tone="error">
          <p>
            <strong>{t('event.cancelled')}</strong> {event.cancelReason}
          </p>
        </Notice>
      ) : null}
      <dl className="facts">
        <dt>{t('event.type')}</dt>
        <dd>{t(`types.${event.type}`)}</dd>
        <dt>{t('event.when')}</dt>
        <dd>
          <DateTime value={event.startsAt} /> – <DateTime value={event.endsAt} />
        </dd>
        <dt>{t('event.where')}</dt>
        <dd>
          {t(`places.${event.placeKind}`)}
          {event.supportPoint ? `: ${event.supportPoint.name}, ${event.supportPoint.address}` : ''}
          {event.address ? ` · ${event.address}` : ''}
          {data.joinUrl ? (
            <>
              {' · '}
              <a href={data.joinUrl} rel="noopener noreferrer">
                {t('event.join')}
              </a>
            </>
          ) : null}
        </dd>
        <dt>{t('event.places')}</dt>
        <dd>
          {event.capacity === null
            ? t('event.goingUnlimited', { going: data.going })
            : t('event.goingOf', { going: data.going, capacity: event.capacity })}
          {data.waitlist ? ` · ${t('event.waitlistCount', { count: data.waitlist })}` : ''}
        </dd>
        {event.rsvpDeadline ? (
          <>
            <dt>{t('event.deadline')}</dt>
            <dd>
              <DateTime value={event.rsvpDeadline} />
            </dd>
          </>
        ) : null}
        <dt>{t('event.organisers')}</dt>
        <dd>{event.organisers.join(', ')}</dd>
      </dl>
      {event.description.text ? (
        <div className="prose" lang={event.description.lang}>
          {event.description.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : null}

      {data.briefings.length ? (
        <section aria-labelledby="briefings-heading" className="section">
          <h2 id="briefings-heading">{t('event.briefings')}</h2>
          <ul className="plain-list">
            {data.briefings.map((b) => (
              <li key={b.id}>
                <Link to={`/briefings/${b.id}`} lang={b.language}>
                  {b.title}
                </Link>
                {b.confidential ? (
                  <>
                    {' '}
                    <Badge tone="danger">{t('briefings:confidential.badge')}</Badge>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.materials.length ? (
        <section aria-labelledby="materials-heading" className="section">
          <h2 id="materials-heading">{t('event.materials')}</h2>
          <ul className="plain-list">
            {data.materials.map((m) => (
              <li key={m.groupId}>
                <MaterialLink material={m} language={data.language} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.followUpAt ? (
        <section aria-labelledby="follow-up-heading" className="section">
          <h2 id="follow-up-heading">{t('followUp.title')}</h2>
          {event.followUpNote ? <p>{event.followUpNote}</p> : null}
          <ul>
            {(['minutesUrl', 'slidesUrl', 'recordingUrl'] as const)
              .filter((k) => event[k])
              .map((k) => (
                <li key={k}>
                  <a href={event[k]} rel="noopener noreferrer">
                    {t(`followUp.${k}`)}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <RsvpSection
        eventId={event.id}
        cancelled={Boolean(event.cancelledAt)}
        closed={data.closed}
        full={event.capacity !== null && data.going >= event.capacity}
        myStatus={data.myStatus}
        waitlistPosition={data.waitlistPosition}
        error={errors.status}
      />

      {data.canEdit ? (
        <OrganiserPanel
          event={event}
          attendance={data.attendance}
          attendees={data.attendees}
          errors={errors}
          values={values}
          confirm={confirm}
        />
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.event.title.text, 'events:title');
