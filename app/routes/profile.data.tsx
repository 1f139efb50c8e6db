import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useRevalidator } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useEffect } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { requireUser } from '~/auth/guards.server';
import { FileSize } from '~/components/library/file-list';
import { DoneNotice, ErrorSummary, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { listExports, requestExport } from '~/domain/privacy/export.server';
import { done, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';

// "Your data" (issue 16 item 2): a copy of everything held about the member, made in the background.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ exports: await listExports(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await requestExport(user);
  if (!result.ok) return refused(result);
  return done('profile:data.requested');
}

// While a copy is being made the page looks again every few seconds (without JavaScript: the link).
const POLL_MS = 3000;

export default function MyDataPage() {
  const { t } = useTranslation('profile');
  const { exports } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  const revalidator = useRevalidator();
  const inProgress = exports.some((e) => e.status === 'queued' || e.status === 'running');
  useEffect(() => {
    if (!inProgress) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [inProgress, revalidator]);
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/profile">{t('title')}</Link>
      </p>
      <h1>{t('data.title')}</h1>
      <DoneNotice />
      <p>{t('data.intro')}</p>
      <p>{t('data.how')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <button type="submit" className="button" disabled={inProgress}>
          {t('data.request')}
        </button>
      </Form>
      <section aria-labelledby="copies-heading">
        <h2 id="copies-heading">{t('data.listTitle')}</h2>
        {exports.length ? (
          <ul className="plain-list export-list" aria-live="polite">
            {exports.map((e) => (
              <li key={e.id} className="card">
                <p>
                  {t('data.madeAt')}: <DateTime value={e.createdAt} />
                </p>
                <p>
                  <strong>{t(`data.status.${e.status}`)}</strong>
                </p>
                {e.status === 'queued' || e.status === 'running' ? (
                  <p>
                    <label>
                      {t('data.progress')}{' '}
                      <progress max={100} value={e.progress}>
                        {e.progress} %
                      </progress>
                    </label>{' '}
                    <Link to=".">{t('data.refresh')}</Link>
                  </p>
                ) : null}
                {e.status === 'ready' && e.expiresAt ? (
                  <>
                    <p>
                      {/* A file download: the browser saves it, no page of ours follows. */}
                      <a href={`/profile/data/${e.id}`} className="button button--secondary" download>
                        {t('data.download')}
                      </a>{' '}
                      {e.byteSize ? <FileSize bytes={e.byteSize} /> : null}
                    </p>
                    <p className="muted">
                      {t('data.until')}: <DateTime value={e.expiresAt} />
                    </p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('data.none')}</p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'profile:data.title');
