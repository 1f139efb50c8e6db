import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound } from '~/auth/guards.server';
import { digestTokenHolder, unsubscribeDigest } from '~/domain/notifications/digest.server';
import { pageTitle } from '~/utils/meta';
import { done } from '~/utils/forms.server';

// The news digest's unsubscribe link. No login: the token in the address is the authority
// (it can only turn the digest off). Opening the link asks first, because mail scanners open
// links; the one-click POST of RFC 8058 (a mail program's "Unsubscribe") acts at once, and
// server.js lets it through without an Origin header.

/** Only the start of the address: enough for the member to recognise, little to a stranger. */
function masked(email: string) {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}…@${domain}`;
}

export const handle = { bare: true };

export async function loader({ params }: LoaderFunctionArgs) {
  const holder = await digestTokenHolder(params.token ?? '');
  if (!holder) throw notFound();
  return json({ email: masked(holder.email), off: holder.digestFrequency === 'off' });
}

export async function action({ params }: ActionFunctionArgs) {
  if (!(await unsubscribeDigest(params.token ?? ''))) throw notFound();
  return done();
}

export default function UnsubscribePage() {
  const { email, off } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.ok || off;
  const { t } = useTranslation('notifications');
  return (
    <div className="page page--narrow">
      <h1>{t(done ? 'unsubscribe.doneTitle' : 'unsubscribe.title')}</h1>
      {done ? (
        <>
          <p className="lead" role="status">
            {t('unsubscribe.done', { email })}
          </p>
          <p>
            {t('unsubscribe.again')} <Link to="/profile/notifications">{t('preferences.title')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('unsubscribe.ask', { email })}</p>
          <Form method="post">
            <button type="submit" className="button button--large">
              {t('unsubscribe.confirm')}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, 'notifications:unsubscribe.title'),
  { name: 'robots', content: 'noindex' },
];
