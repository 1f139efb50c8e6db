import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { BriefingQuestions } from '~/components/briefings/briefing-questions';
import { BriefingReach } from '~/components/briefings/briefing-reach';
import { DoneNotice, Notice, useFormResult } from '~/components/ui/form';
import { DateTime, PersonName } from '~/components/ui/misc';
import { isConfidential } from '~/domain/briefings/access.server';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { requireBriefing } from '~/domain/briefings/guards.server';
import { liveVersion, myReadState, versionHistory } from '~/domain/briefings/queries.server';
import { answerQuestion, askQuestion, listQuestions, setInFaq } from '~/domain/briefings/questions.server';
import { acknowledge, briefingReach, remindUnread } from '~/domain/briefings/reads.server';
import { QuestionSchema } from '~/domain/briefings/schema.server';
import { eventTitle } from '~/domain/events/titles';
import { getLanguage } from '~/i18n/i18n.server';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { dataTitle } from '~/utils/meta';
import { CheckIcon } from '~/components/ui/icons';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { briefing: b, canWrite } = await requireBriefing(request, params.id);
  const language = await getLanguage(request);
  const [live, history, reach, questions] = await Promise.all([
    liveVersion(b),
    versionHistory(b.id),
    canWrite && b.liveNumber > 0 ? briefingReach(b) : null,
    listQuestions(b.id),
  ]);
  return json({
    briefing: {
      id: b.id,
      title: live?.title ?? b.title,
      language: b.language,
      status: b.status,
      launchAt: b.launchAt,
      confidential: isConfidential(b),
      eservice: { slug: b.eservice.slug, name: eserviceName(b.eservice, language) },
      event: b.event
        ? { id: b.event.id, title: eventTitle(b.event, language), startsAt: b.event.startsAt }
        : null,
      liveNumber: b.liveNumber,
      readVersion: b.reads[0]?.versionNumber ?? null,
      readAt: b.reads[0]?.readAt ?? null,
      remindedAt: b.remindedAt,
    },
    live,
    state: myReadState(b),
    history,
    reach,
    questions,
    canWrite,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, briefing, canWrite } = await requireBriefing(request, params.id);
  const form = await readForm(request);
  const intent = form.get('intent');
  const meta = requestMeta(request, context);
  if (intent === 'acknowledge') {
    if (briefing.liveNumber < 1) throw notFound();
    await acknowledge(user, briefing);
    return done('briefings:done.acknowledged');
  }
  if (intent === 'remind' && canWrite) {
    const result = await remindUnread(user, briefing, meta);
    if (!result.ok) return refused(result);
    return done('briefings:done.reminded');
  }
  if (intent === 'ask' || intent === 'answer' || intent === 'faq') {
    if (briefing.liveNumber < 1 || (intent !== 'ask' && !canWrite)) throw notFound();
    const parsed = parseForm(QuestionSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const input = parsed.data;
    if (input.intent === 'ask') {
      const asked = await askQuestion(user, briefing, input.question);
      if (!asked.ok) return refused(asked, parsed.values);
      return done('briefings:done.asked');
    }
    const result =
      input.intent === 'answer'
        ? await answerQuestion(user, briefing, input.questionId, input.answer)
        : await setInFaq(briefing, input.questionId, input.inFaq === 'true');
    if (!result.ok) return refused(result, parsed.values);
    return done(input.intent === 'answer' ? 'briefings:done.answered' : 'briefings:done.faq');
  }
  throw notFound();
}

function Paragraphs({ text, lang }: { text: string; lang: string }) {
  return (
    <div className="prose" lang={lang}>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export default function BriefingPage() {
  const { briefing: b, live, state, history, reach, questions, canWrite } = useLoaderData<typeof loader>();
  const { t } = useTranslation('briefings');
  const { errors, values, message } = useFormResult();
  const faq = questions.filter((q) => q.inFaq && q.answeredAt);
  return (
    <article className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/briefings">{t('title')}</Link>
      </p>
      <h1 lang={b.language}>{b.title}</h1>
      {b.confidential ? (
        <div className="callout callout--warning" role="note">
          <p>
            <strong>{t('confidential.title')}</strong> {t('confidential.until')}{' '}
            <DateTime value={b.launchAt} />. {t('confidential.doNotShare')}
          </p>
        </div>
      ) : null}
      <div role="status">
        <DoneNotice />
      </div>
      {state === 'updated' && live ? (
        <Notice tone="info">
          <p>
            <strong>{t('state.updated')}</strong> {t('changedIn', { number: live.number })} {live.changeNote}
          </p>
        </Notice>
      ) : null}
      <dl className="facts">
        <dt>{t('form.eservice')}</dt>
        <dd>
          <Link to={`/eservices/${b.eservice.slug}`}>{b.eservice.name}</Link>
        </dd>
        <dt>{b.confidential ? t('launchAt') : t('launched')}</dt>
        <dd>
          <DateTime value={b.launchAt} />
        </dd>
        {live?.forWhom ? (
          <>
            <dt>{t('form.forWhom')}</dt>
            <dd lang={b.language}>{live.forWhom}</dd>
          </>
        ) : null}
        {b.event ? (
          <>
            <dt>{t('session')}</dt>
            <dd>
              <Link to={`/events/${b.event.id}`} lang={b.event.title.lang}>
                {b.event.title.text}
              </Link>{' '}
              (<DateTime value={b.event.startsAt} />)
            </dd>
          </>
        ) : null}
        {live ? (
          <>
            <dt>{t('version')}</dt>
            <dd>
              {live.number} · <DateTime value={live.publishedAt} />
            </dd>
          </>
        ) : null}
      </dl>

      {!live ? (
        <Notice tone="info">
          <p>{t('draftNotice')}</p>
        </Notice>
      ) : (
        <>
          <section aria-labelledby="new-heading" className="section">
            <h2 id="new-heading">{t('form.body')}</h2>
            <div className="prose" lang={b.language} dangerouslySetInnerHTML={{ __html: live.bodyHtml }} />
          </section>
          {live.knownProblems ? (
            <section aria-labelledby="problems-heading" className="section">
              <h2 id="problems-heading">{t('form.knownProblems')}</h2>
              <Paragraphs text={live.knownProblems} lang={b.language} />
            </section>
          ) : null}
          {live.adviceToResidents ? (
            <section aria-labelledby="advice-heading" className="section">
              <h2 id="advice-heading">{t('form.adviceToResidents')}</h2>
              <Paragraphs text={live.adviceToResidents} lang={b.language} />
            </section>
          ) : null}
          {faq.length ? (
            <section aria-labelledby="faq-heading" className="section">
              <h2 id="faq-heading">{t('faq.title')}</h2>
              <dl className="faq">
                {faq.map((q) => (
                  <div key={q.id}>
                    <dt className="pre-line">{q.body}</dt>
                    <dd className="pre-line">{q.answer}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          <section aria-labelledby="read-heading" className="section">
            <h2 id="read-heading">{t('read.title')}</h2>
            {state === 'read' && b.readAt ? (
              <p>
                <CheckIcon /> {t('read.done', { number: b.readVersion })} <DateTime value={b.readAt} />
              </p>
            ) : (
              <Form method="post" preventScrollReset>
                <p>{state === 'updated' ? t('read.again') : t('read.ask')}</p>
                <button type="submit" name="intent" value="acknowledge" className="button">
                  {t('read.button')}
                </button>
              </Form>
            )}
          </section>
        </>
      )}

      {live ? (
        <BriefingQuestions
          briefingId={b.id}
          eserviceSlug={b.eservice.slug}
          questions={questions}
          canWrite={canWrite}
          errors={errors}
          values={values}
          message={message}
        />
      ) : null}

      {history.length ? (
        <section aria-labelledby="history-heading" className="section">
          <h2 id="history-heading">{t('history')}</h2>
          <ol className="version-list" reversed>
            {history.map((v) => (
              <li key={v.number}>
                {t('version')} {v.number} · <DateTime value={v.publishedAt} /> ·{' '}
                <PersonName name={v.publishedBy.name} />
                {v.changeNote ? `: ${v.changeNote}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {canWrite ? <BriefingReach briefing={b} reach={reach} errors={errors} /> : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.briefing.title, 'briefings:title');
