import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, notFound, requireUser } from '~/auth/guards.server';
import { FileSize } from '~/components/library/file-list';
import { Notice } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { backupStatus } from '~/domain/backup/schedule.server';
import { pageTitle } from '~/utils/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sections = [
    can(user, 'organisation:manage') && { to: '/admin/organisations', key: 'organisations' },
    can(user, 'security:manage') && { to: '/admin/security', key: 'security' },
    can(user, 'audit:read') && { to: '/admin/audit', key: 'audit' },
    can(user, 'outbox:read') && { to: '/admin/outbox', key: 'outbox' },
    can(user, 'outbox:read') && { to: '/admin/jobs', key: 'jobs' },
  ].filter((s): s is { to: string; key: string } => Boolean(s));
  if (!sections.length) throw notFound();
  // Operations: whoever sees the outbox and the job queue sees whether backups are being made.
  return json({ sections, backup: can(user, 'outbox:read') ? backupStatus() : null });
}

export default function AdminPage() {
  const { sections, backup } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <ul className="card-list">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <Link to={s.to}>{t(`${s.key}.title`)}</Link>
            <p>{t(`${s.key}.describe`)}</p>
          </li>
        ))}
      </ul>
      {backup ? (
        <section aria-labelledby="backups">
          <h2 id="backups">{t('backups.title')}</h2>
          {!backup.configured ? (
            <Notice tone="info">{t('backups.off')}</Notice>
          ) : (
            <>
              {backup.stale ? <Notice tone="error">{t('backups.stale')}</Notice> : null}
              <p>
                {backup.last ? (
                  <>
                    {t('backups.last')} <DateTime value={backup.last.at} />{' '}
                    <FileSize bytes={backup.last.bytes} />
                  </>
                ) : (
                  t('backups.none')
                )}
              </p>
              <p>{t('backups.describe', backup.keep)}</p>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin:title');
