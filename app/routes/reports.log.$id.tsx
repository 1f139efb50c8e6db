import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { FeedbackQr } from '~/components/guidance/feedback-qr';
import { GuidanceForm } from '~/components/guidance/guidance-form';
import { DoneNotice, useFormResult } from '~/components/ui/form';
import { feedbackUrl } from '~/domain/guidance/feedback-link.server';
import { qrDataUrl } from '~/utils/qr.server';
import {
  deleteSession,
  entryChoices,
  findEditableSession,
  formValuesOf,
  dateBounds,
  listItem,
} from '~/domain/guidance/sessions.server';
import { submitEntry } from '~/domain/guidance/submit.server';
import { getLanguage } from '~/i18n/i18n.server';
import { readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { redirectDone } from '~/utils/done-cookie.server';

/** One of the adviser's own entries of the last 14 days: correct it, delete it, show its QR. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const entry = await findEditableSession(user, params.id ?? '');
  if (!entry) throw notFound();
  const language = await getLanguage(request);
  const url = feedbackUrl(entry.feedbackCode);
  return json({
    userId: user.id,
    // Edits need no key of their own (saving twice saves the same), but the form sends one.
    idempotencyKey: crypto.randomUUID(),
    entry: listItem(entry, language),
    values: formValuesOf(entry),
    choices: await entryChoices(user, language, [entry.supportPointId ?? '']),
    ...dateBounds(),
    feedback: entry.feedback ? null : { url, path: `/f/${entry.feedbackCode}`, qr: await qrDataUrl(url) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'guidance:log');
  const form = await readForm(request);
  const id = params.id ?? '';
  if (form.get('intent') === 'delete') {
    if (!(await deleteSession(user, id))) throw notFound();
    return redirectDone('/reports/log', 'reports:log.deleted');
  }
  const result = await submitEntry(user, form, id);
  if (!result.ok) return refused(result, result.values);
  return redirectDone(`/reports/log/${id}`, 'reports:entry.saved');
}

export default function GuidanceEntryPage() {
  const { userId, idempotencyKey, entry, values, choices, today, earliest, feedback } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('reports');
  const result = useFormResult();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/reports/log">{t('log.title')}</Link>
      </p>
      <h1>{t('entry.title')}</h1>
      <DoneNotice />
      {feedback ? (
        <FeedbackQr
          qr={feedback.qr}
          url={feedback.url}
          path={feedback.path}
          heading={t('qr.sessionHeading')}
          lead={t('qr.sessionLead')}
        />
      ) : (
        <p>{t('entry.answered')}</p>
      )}
      {entry.eservice ? (
        <p>
          <Link to={`/eservices/${entry.eservice.slug}/feedback/new?session=${entry.id}`}>
            {t('log.reportProblem', { service: entry.eservice.name })}
          </Link>
        </p>
      ) : null}
      <h2>{t('entry.correct')}</h2>
      <GuidanceForm
        action={`/reports/log/${entry.id}`}
        sessionId={entry.id}
        idempotencyKey={idempotencyKey}
        userId={userId}
        today={today}
        earliest={earliest}
        defaults={values}
        points={choices.points}
        pointsShortened={choices.pointsShortened}
        services={choices.services}
        errors={result.errors}
        values={result.values}
      />
      <h2>{t('entry.deleteTitle')}</h2>
      <p>{t('entry.deleteHelp')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button--danger">
          {t('entry.delete')}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reports:entry.title');
