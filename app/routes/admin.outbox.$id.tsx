import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { DateTime } from '~/components/ui/misc';
import { getOutboxEmail, outboxBodiesVisible } from '~/domain/mail/outbox.server';
import { subPageTitle } from '~/utils/meta';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'outbox:read');
  // With real SMTP the bodies (reset and invite links) are the recipients' business only.
  if (!outboxBodiesVisible()) throw notFound();
  const email = await getOutboxEmail(params.id ?? '');
  if (!email) throw notFound();
  return json({ email });
}

export default function OutboxEmailPage() {
  const { email } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/admin/outbox">{t('outbox.title')}</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl className="facts">
        <dt>{t('outbox.columns.to')}</dt>
        <dd>{email.to}</dd>
        <dt>{t('outbox.columns.created')}</dt>
        <dd>
          <DateTime value={email.createdAt} />
        </dd>
        <dt>{t('outbox.columns.status')}</dt>
        <dd>{t(`outbox.status.${email.status}`)}</dd>
      </dl>
      <pre className="email-body">{email.text}</pre>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  subPageTitle(matches, 'admin:outbox.title', data?.email.subject);
