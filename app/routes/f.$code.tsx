import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ResidentLanguages } from '~/components/resident/language-switch';
import { notFound } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ErrorSummary, RadioGroup, TextAreaField, typed, useFormResult } from '~/components/ui/form';
import { RATINGS } from '~/domain/guidance/constants';
import { RatingFace } from '~/components/guidance/rating-face';
import { findFeedbackTarget, giveResidentFeedback } from '~/domain/guidance/resident-feedback.server';
import { ResidentFeedbackSchema } from '~/domain/guidance/schema.server';
import { getLanguage } from '~/i18n/i18n.server';
import { invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

/** Shown without the app's navigation: residents answer here, often on the adviser's phone. */
export const handle = { bare: true };

async function requireTarget(code: string | undefined) {
  const target = await findFeedbackTarget(code ?? '');
  if (!target) throw notFound();
  return target;
}

/** A resident's five-face answer: no login, large targets, in Finnish, Swedish or English. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const target = await requireTarget(params.code);
  return json({
    code: params.code!,
    language: await getLanguage(request),
    place: target.supportPointName,
    answered: target.kind === 'session' && target.answered,
    expired: target.kind === 'session' && target.expired,
    thanks: new URL(request.url).searchParams.has('thanks'),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const target = await requireTarget(params.code);
  const language = await getLanguage(request);
  const parsed = parseForm(ResidentFeedbackSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await giveResidentFeedback(target, parsed.data, language, requestMeta(request, context).ip);
  if (!result.ok) return refused(result, parsed.values);
  // The page's whole content becomes the thanks (and its title), so it is a state of the page.
  return redirect(`/f/${params.code}?thanks=1&lng=${language}`);
}

export default function ResidentFeedbackPage() {
  const { code, language, place, answered, expired, thanks } = useLoaderData<typeof loader>();
  const { t } = useTranslation('reports');
  const { errors, values } = useFormResult();
  return (
    <div className="page page--narrow resident">
      <ResidentLanguages path={`/f/${code}`} current={language} />
      {expired && !thanks ? (
        <>
          <h1>{t('resident.expiredTitle')}</h1>
          <p className="lead">{t('resident.expired')}</p>
        </>
      ) : thanks || answered ? (
        <>
          <h1>{t('resident.thanksTitle')}</h1>
          <p className="lead">{thanks ? t('resident.thanks') : t('resident.alreadyAnswered')}</p>
        </>
      ) : (
        <>
          <h1>{t('resident.title')}</h1>
          {place ? <p className="lead">{t('resident.place', { place })}</p> : null}
          <ErrorSummary errors={errors} />
          <Form method="post" action={`/f/${code}?lng=${language}`} className="form">
            <RadioGroup
              name="rating"
              legend={t('resident.question')}
              tiles
              options={[...RATINGS].reverse().map((r) => ({
                value: String(r),
                label: (
                  <>
                    <RatingFace rating={r} />
                    {t(`resident.ratings.${r}`)}
                  </>
                ),
              }))}
              defaultValue={typed(values, 'rating')}
              error={errors.rating}
            />
            <TextAreaField
              name="comment"
              label={t('resident.comment')}
              hint={t('resident.commentHint')}
              rows={3}
              maxLength={1000}
              defaultValue={typed(values, 'comment')}
              error={errors.comment}
            />
            <button type="submit" className="button button--large">
              {t('resident.send')}
            </button>
          </Form>
          <p className="muted">{t('resident.privacy')}</p>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  // The title says what the page says: the question, thanks, or that the link has expired.
  ...pageTitle(
    matches,
    data?.expired && !data.thanks
      ? 'reports:resident.expiredTitle'
      : data?.thanks || data?.answered
        ? 'reports:resident.thanksTitle'
        : 'reports:resident.title',
  ),
  { name: 'robots', content: 'noindex' },
];
