import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import {
  ConfirmPanel,
  DoneNotice,
  ErrorSummary,
  RadioGroup,
  typed,
  useFormResult,
} from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { cancelErasure, erasureState, GRACE_DAYS, requestErasure } from '~/domain/privacy/erasure.server';
import { ErasureRequestSchema } from '~/domain/privacy/schema.server';
import { confirmFirst, done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

// "Remove my account" (issue 16 item 3, ADR 027): the member asks, and has GRACE_DAYS to change
// their mind; an admin may do it sooner.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ state: await erasureState(user.id), graceDays: GRACE_DAYS });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(ErasureRequestSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const ip = requestMeta(request, context).ip;
  if (parsed.data.intent === 'cancel') {
    const result = await cancelErasure(user, ip);
    if (!result.ok) return refused(result);
    return done('profile:erasure.cancelled');
  }
  const ask = confirmFirst(form, 'request');
  if (ask) return ask;
  const result = await requestErasure(user, parsed.data.posts === 'delete', ip);
  if (!result.ok) return refused(result, parsed.values);
  return done('profile:erasure.requested');
}

export default function RemoveAccountPage() {
  const { t } = useTranslation('profile');
  const { state, graceDays } = useLoaderData<typeof loader>();
  const { errors, values, confirm } = useFormResult();
  const location = useLocation();
  const posts = typed(values, 'posts', 'keep');
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/profile">{t('title')}</Link>
      </p>
      <h1>{t('erasure.title')}</h1>
      <DoneNotice />
      <ErrorSummary errors={errors} />
      {state ? (
        <section aria-labelledby="pending-heading" className="card">
          <h2 id="pending-heading">{t('erasure.pendingTitle')}</h2>
          <p>
            {t('erasure.requestedOn')} <DateTime value={state.requestedAt} />. {t('erasure.dueOn')}{' '}
            <DateTime value={state.dueAt} dateOnly />.
          </p>
          <p>{t(state.deletesPosts ? 'erasure.postsDelete' : 'erasure.postsKeep')}</p>
          <Form method="post" className="form">
            <button type="submit" name="intent" value="cancel" className="button">
              {t('erasure.cancel')}
            </button>
          </Form>
        </section>
      ) : confirm === 'request' ? (
        <ConfirmPanel
          intent="request"
          values={values}
          question={t('erasure.confirm')}
          detail={t(posts === 'delete' ? 'erasure.postsDelete' : 'erasure.postsKeep')}
          confirmLabel={t('erasure.confirmSubmit')}
          cancelTo={location.pathname}
        />
      ) : (
        <>
          <p>{t('erasure.intro', { days: graceDays })}</p>
          <ul>
            <li>{t('erasure.goes')}</li>
            <li>{t('erasure.stays')}</li>
            <li>{t('erasure.guidance')}</li>
          </ul>
          <p>
            <Link to="/profile/data">{t('erasure.copyFirst')}</Link>
          </p>
          <Form method="post" className="form">
            <RadioGroup
              name="posts"
              legend={t('erasure.postsLegend')}
              defaultValue={posts}
              error={errors.posts}
              options={[
                { value: 'keep', label: t('erasure.postsKeepOption') },
                { value: 'delete', label: t('erasure.postsDeleteOption') },
              ]}
            />
            <button type="submit" name="intent" value="request" className="button button--danger">
              {t('erasure.submit')}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile:erasure.title');
