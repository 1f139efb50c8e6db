import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { requestMeta } from '~/auth/request-meta.server';
import {
  DoneNotice,
  ErrorSummary,
  TextAreaField,
  TextField,
  typed,
  useFormResult,
} from '~/components/ui/form';
import {
  AccessibilityFeedbackSchema,
  sendAccessibilityFeedback,
} from '~/domain/accessibility/feedback.server';
import { done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

// The accessibility statement (Act on the Provision of Digital Services 306/2019): public, for
// members and residents alike, with a feedback form that reaches the coordinators.
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(AccessibilityFeedbackSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const sent = await sendAccessibilityFeedback(parsed.data, requestMeta(request, context));
  if (!sent.ok) return refused(sent, parsed.values);
  return done('accessibility:sent');
}

export default function AccessibilityStatementPage() {
  const { t } = useTranslation('accessibility');
  const { errors, values, message } = useFormResult();
  const gaps = t('gaps', { returnObjects: true }) as string[];
  return (
    <div className="page page--narrow prose-page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('statusTitle')}</h2>
      <p>{t('status')}</p>
      <h2>{t('gapsTitle')}</h2>
      <ul>
        {gaps.map((gap) => (
          <li key={gap}>{gap}</li>
        ))}
      </ul>
      <h2>{t('howTitle')}</h2>
      <p>{t('how')}</p>
      <section aria-labelledby="feedback-heading" className="section">
        <h2 id="feedback-heading">{t('feedbackTitle')}</h2>
        <p>{t('feedbackIntro')}</p>
        {message ? (
          <DoneNotice />
        ) : (
          <Form method="post" className="form" noValidate>
            <ErrorSummary errors={errors} />
            <TextAreaField
              name="message"
              label={t('message')}
              hint={t('messageHint')}
              rows={5}
              maxLength={4000}
              required
              defaultValue={typed(values, 'message')}
              error={errors.message}
            />
            <TextField
              name="page"
              label={t('page')}
              maxLength={300}
              defaultValue={typed(values, 'page')}
              error={errors.page}
            />
            <TextField
              name="contact"
              type="email"
              label={t('contact')}
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              defaultValue={typed(values, 'contact')}
              error={errors.contact}
            />
            <button type="submit" className="button">
              {t('send')}
            </button>
          </Form>
        )}
      </section>
      <h2>{t('authorityTitle')}</h2>
      <p>{t('authority')}</p>
      <p>
        <a href={t('authorityUrl')}>{t('authorityLink')}</a>
      </p>
      <p className="muted">{t('updated')}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'accessibility:title');
