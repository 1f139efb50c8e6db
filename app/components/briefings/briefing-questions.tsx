import { Form } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { TextAreaField, typed } from '~/components/ui/form';
import { DateTime, PersonName, usePersonName } from '~/components/ui/misc';
import type { FieldErrors, FormValues } from '~/utils/forms';
import type { Message } from '~/utils/result';

export type BriefingQuestionItem = {
  id: string;
  body: string;
  answer: string;
  inFaq: boolean;
  createdAt: string;
  answeredAt: string | null;
  author: { name: string };
  answeredBy: { name: string } | null;
};

/** Questions about a briefing: its audience asks, the writers answer and lift answers into the FAQ. */
export function BriefingQuestions({
  briefingId,
  eserviceSlug,
  questions,
  canWrite,
  errors,
  values,
  message,
}: {
  briefingId: string;
  eserviceSlug: string;
  questions: BriefingQuestionItem[];
  canWrite: boolean;
  errors: FieldErrors;
  values: FormValues;
  message?: Message;
}) {
  const { t } = useTranslation('briefings');
  const personName = usePersonName();
  return (
    <section aria-labelledby="questions-heading" className="section" id="questions">
      <h2 id="questions-heading">{t('questions.title')}</h2>
      {questions.length === 0 ? <p>{t('questions.none')}</p> : null}
      <ol className="plain-list question-list">
        {questions.map((q) => (
          <li key={q.id} id={`question-${q.id}`}>
            <p className="pre-line">
              <strong>{q.body}</strong>
            </p>
            <p className="muted">
              <PersonName name={q.author.name} /> · <DateTime value={q.createdAt} />
              {q.inFaq ? ` · ${t('questions.inFaq')}` : ''}
            </p>
            {q.answeredAt ? (
              <p className="pre-line">
                <span className="muted">
                  {t('questions.answeredBy', { name: personName(q.answeredBy?.name) })}:
                </span>{' '}
                {q.answer}
              </p>
            ) : (
              <p className="muted">{t('questions.unanswered')}</p>
            )}
            {canWrite ? (
              <div className="actions-row">
                <Form method="post" className="form" preventScrollReset>
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <TextAreaField
                    name="answer"
                    label={q.answeredAt ? t('questions.editAnswer') : t('questions.answer')}
                    rows={2}
                    maxLength={3000}
                    defaultValue={values.questionId === q.id ? typed(values, 'answer') : q.answer}
                    error={values.questionId === q.id ? errors.answer : undefined}
                  />
                  <button type="submit" className="button button--secondary">
                    {t('questions.saveAnswer')}
                    <span className="visually-hidden">: {q.body.slice(0, 60)}</span>
                  </button>
                </Form>
                {q.answeredAt ? (
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="faq" />
                    <input type="hidden" name="questionId" value={q.id} />
                    <input type="hidden" name="inFaq" value={q.inFaq ? 'false' : 'true'} />
                    <button type="submit" className="button button--secondary">
                      {q.inFaq ? t('questions.removeFromFaq') : t('questions.addToFaq')}
                      <span className="visually-hidden">: {q.body.slice(0, 60)}</span>
                    </button>
                  </Form>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <Form method="post" className="form" preventScrollReset>
        <input type="hidden" name="intent" value="ask" />
        <TextAreaField
          name="question"
          label={t('questions.ask')}
          hint={t('questions.askHint')}
          rows={3}
          maxLength={2000}
          defaultValue={message?.key === 'briefings:done.asked' ? '' : typed(values, 'question')}
          error={errors.question}
        />
        <button type="submit" className="button">
          {t('questions.send')}
        </button>
      </Form>
      <p>
        <Link to={`/eservices/${eserviceSlug}/feedback/new?briefing=${briefingId}`}>
          {t('reportProblem')}
        </Link>
      </p>
    </section>
  );
}
