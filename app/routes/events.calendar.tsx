import { appOrigin } from '~/env.server';
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requirePermission } from '~/auth/guards.server';
import { CheckboxGroup, DoneNotice, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { feedCreatedAt, newFeedToken, revokeFeed } from '~/domain/events/calendar-feed.server';
import { REMINDER_CHOICES } from '~/domain/events/constants';
import { reminderMinutes, setReminderMinutes } from '~/domain/events/preferences.server';
import { ReminderSchema } from '~/domain/events/schema.server';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/** The member's calendar address for their phone, and when they want to be reminded. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'events:read');
  const [createdAt, minutes] = await Promise.all([feedCreatedAt(user.id), reminderMinutes(user.id)]);
  return json({ createdAt, minutes });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'events:read');
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'new-feed') {
    const token = await newFeedToken(user.id);
    // Shown this once: only its hash is kept.
    return done('events:calendar.feedCreated', { feedUrl: `${appOrigin()}/calendar/${token}.ics` });
  }
  if (intent === 'revoke-feed') {
    await revokeFeed(user.id);
    return done('events:calendar.revoked');
  }
  const parsed = parseForm(ReminderSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await setReminderMinutes(user.id, parsed.data.minutes);
  return done(REMINDERS_SAVED);
}

const REMINDERS_SAVED = 'events:calendar.remindersSaved';

export default function CalendarPage() {
  const { createdAt, minutes } = useLoaderData<typeof loader>();
  const { t } = useTranslation('events');
  const { message } = useFormResult();
  // Shown this once, with the message that it was made.
  const feedUrl = (useActionData<typeof action>() as { feedUrl?: string } | undefined)?.feedUrl;
  // Each section says its own outcome, where the member's eyes are.
  const remindersSaved = message?.key === REMINDERS_SAVED;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/events">{t('title')}</Link>
      </p>
      <h1>{t('calendar.title')}</h1>
      <section aria-labelledby="feed-heading" className="section">
        <h2 id="feed-heading">{t('calendar.feedTitle')}</h2>
        <p>{t('calendar.feedHelp')}</p>
        {message && !remindersSaved ? (
          <DoneNotice>
            {feedUrl ? (
              <>
                <p>
                  <code className="feed-url">{feedUrl}</code>
                </p>
                <p>
                  <a href={feedUrl.replace(/^https?:/, 'webcal:')}>{t('calendar.subscribe')}</a>
                </p>
              </>
            ) : null}
          </DoneNotice>
        ) : null}
        {createdAt && !feedUrl ? (
          <p>
            {t('calendar.feedExists')} <DateTime value={createdAt} />
          </p>
        ) : null}
        <Form method="post" className="actions-row">
          <button type="submit" name="intent" value="new-feed" className="button">
            {createdAt ? t('calendar.replace') : t('calendar.create')}
          </button>
          {createdAt ? (
            <button type="submit" name="intent" value="revoke-feed" className="button button--secondary">
              {t('calendar.revoke')}
            </button>
          ) : null}
        </Form>
      </section>
      <section aria-labelledby="reminders-heading" className="section">
        <h2 id="reminders-heading">{t('calendar.remindersTitle')}</h2>
        {remindersSaved ? <DoneNotice /> : null}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="reminders" />
          <CheckboxGroup
            name="minutes"
            legend={t('calendar.remindersLegend')}
            options={REMINDER_CHOICES.map((m) => ({ value: String(m), label: t(`calendar.before.${m}`) }))}
            defaultValues={minutes.map(String)}
          />
          <button type="submit" className="button">
            {t('calendar.save')}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events:calendar.title');
