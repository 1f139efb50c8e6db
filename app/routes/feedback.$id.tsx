import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { StatusBadge } from '~/components/feedback/feedback-labels';
import { DoneNotice, SelectField, TextAreaField, typed, useFormResult } from '~/components/ui/form';
import { DateTime, PersonName } from '~/components/ui/misc';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { FEEDBACK_STATUSES } from '~/domain/feedback/constants';
import { canHandle, findFeedback, markSeen, respond } from '~/domain/feedback/feedback.server';
import { RespondSchema } from '~/domain/feedback/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { isUuid } from '~/utils/ids';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { CheckIcon } from '~/components/ui/icons';

async function requireReport(request: Request, id: string | undefined) {
  const { user } = await requirePermission(request, 'briefings:read');
  const report = isUuid(id ?? '') ? await findFeedback(user, id!) : null;
  if (!report) throw notFound();
  return { user, report, handler: await canHandle(user, report) };
}

/** One report: what happened, the picture, the answers and status; "seen this too" for others. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, report, handler } = await requireReport(request, params.id);
  const language = await getLanguage(request);
  return json({
    report: {
      id: report.id,
      whatHappened: report.whatHappened,
      step: report.step,
      device: report.device,
      os: report.os,
      frequency: report.frequency,
      severity: report.severity,
      status: report.status,
      seenCount: report.seenCount,
      createdAt: report.createdAt,
      screenshotId: report.screenshotId,
      eservice: { slug: report.eservice.slug, name: eserviceName(report.eservice, language) },
      briefing: report.briefing,
      // Other advisers see the organisation, not who reported it.
      reporter: handler || report.reporterId === user.id ? report.reporter.name : null,
      organisation: report.reporter.organisation.name,
      replies: report.replies,
    },
    mine: report.reporterId === user.id,
    seen: report.seen.length > 0,
    handler,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, report, handler } = await requireReport(request, params.id);
  const form = await readForm(request);
  if (form.get('intent') === 'seen') {
    await markSeen(user, report);
    return done('feedback:report.done.seen');
  }
  if (!handler) throw notFound();
  const parsed = parseForm(RespondSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await respond(user, report, parsed.data);
  if (!result.ok) return invalid(result.errors, parsed.values);
  return done('feedback:report.done.answered');
}

export default function FeedbackPage() {
  const { report: r, mine, seen, handler } = useLoaderData<typeof loader>();
  const { t } = useTranslation('feedback');
  const { errors, values, message } = useFormResult();
  return (
    <article className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/eservices/${r.eservice.slug}`}>{r.eservice.name}</Link>
        {' · '}
        <Link to="/feedback">{t('mine.title')}</Link>
      </p>
      <h1>{t('report.title', { eservice: r.eservice.name })}</h1>
      <div role="status">
        <DoneNotice />
      </div>
      <dl className="facts">
        <dt>{t('report.status')}</dt>
        <dd>
          <StatusBadge status={r.status} />
        </dd>
        <dt>{t('report.reported')}</dt>
        <dd>
          <DateTime value={r.createdAt} /> · {r.reporter ? `${r.reporter}, ` : ''}
          {r.organisation}
        </dd>
        {r.briefing ? (
          <>
            <dt>{t('report.briefing')}</dt>
            <dd>
              <Link to={`/briefings/${r.briefing.id}`}>{r.briefing.title}</Link>
            </dd>
          </>
        ) : null}
        {r.step ? (
          <>
            <dt>{t('form.step')}</dt>
            <dd>{r.step}</dd>
          </>
        ) : null}
        <dt>{t('form.device')}</dt>
        <dd>
          {t(`devices.${r.device}`)}
          {r.os ? ` · ${r.os}` : ''}
        </dd>
        <dt>{t('form.frequency')}</dt>
        <dd>{t(`frequencies.${r.frequency}`)}</dd>
        <dt>{t('form.severity')}</dt>
        <dd>{t(`severities.${r.severity}`)}</dd>
        <dt>{t('report.seenBy')}</dt>
        <dd>{t('report.seenCount', { count: r.seenCount })}</dd>
      </dl>
      <section aria-labelledby="what-heading" className="section">
        <h2 id="what-heading">{t('form.whatHappened')}</h2>
        <div className="prose">
          {r.whatHappened.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        {r.screenshotId ? (
          <p>
            <a href={`/uploads/${r.screenshotId}`}>
              <img
                src={`/uploads/${r.screenshotId}?size=thumb`}
                alt={t('report.screenshotAlt')}
                className="thumbnail"
              />
            </a>
          </p>
        ) : null}
      </section>
      {!mine ? (
        <Form method="post" preventScrollReset className="actions-row">
          {seen ? (
            <p>
              <CheckIcon /> {t('report.youSawIt')}
            </p>
          ) : (
            <button type="submit" name="intent" value="seen" className="button button--secondary">
              {t('report.seenToo')}
            </button>
          )}
        </Form>
      ) : null}
      <section aria-labelledby="answers-heading" className="section">
        <h2 id="answers-heading">{t('report.answers')}</h2>
        {r.replies.length ? (
          <ol className="plain-list">
            {r.replies.map((reply) => (
              <li key={reply.id}>
                <p className="muted">
                  <PersonName name={reply.author.name} /> · <DateTime value={reply.createdAt} />
                  {reply.statusTo ? (
                    <>
                      {' · '}
                      {t('report.statusChange', {
                        from: t(`statuses.${reply.statusFrom}`),
                        to: t(`statuses.${reply.statusTo}`),
                      })}
                    </>
                  ) : null}
                </p>
                {reply.body ? <p>{reply.body}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('report.noAnswers')}</p>
        )}
      </section>
      {handler ? (
        <Form method="post" className="form section">
          <h2>{t('report.answer')}</h2>
          <input type="hidden" name="intent" value="respond" />
          <TextAreaField
            name="body"
            label={t('report.answerText')}
            rows={4}
            maxLength={3000}
            defaultValue={message ? '' : typed(values, 'body')}
            error={errors.body}
          />
          <SelectField
            name="status"
            label={t('report.status')}
            defaultValue={typed(values, 'status', r.status)}
            error={errors.status}
            options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
          <button type="submit" className="button">
            {t('report.send')}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feedback:report.pageTitle');
