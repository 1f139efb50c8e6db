import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { DoneNotice } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { endAnnouncement, reachByOrganisation } from '~/domain/announcements/announcements.server';
import { dataTitle } from '~/utils/meta';
import { done } from '~/utils/forms.server';
import { TableWrap } from '~/components/ui/table-wrap';

/** How far an announcement has reached, per organisation; taking it down. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'announcements:manage');
  const reach = await reachByOrganisation(params.id ?? '');
  if (!reach) throw notFound();
  return json(reach);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, 'announcements:manage');
  const reach = await reachByOrganisation(params.id ?? '');
  if (!reach) throw notFound();
  await endAnnouncement(user, reach.announcement.id, requestMeta(request, context));
  return done();
}

export default function AnnouncementPage() {
  const { announcement, rows } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('events');
  const total = rows.reduce((s, r) => s + r.members, 0);
  const read = rows.reduce((s, r) => s + r.read, 0);
  const pct = (part: number, all: number) =>
    (all ? Math.round((part / all) * 100) : 0).toLocaleString(i18n.language);
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/announcements">{t('announcements.title')}</Link>
      </p>
      <DoneNotice />
      <h1>{announcement.title}</h1>
      <p className="muted">
        <DateTime value={announcement.createdAt} />
        {announcement.endedAt ? ` · ${t('announcements.ended')}` : ''}
      </p>
      <p>{announcement.body}</p>
      <p role="status">{t('announcements.readBy', { read, total })}</p>
      <TableWrap label={t('announcements.byOrganisation')}>
        <table>
          <caption>{t('announcements.byOrganisation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organiser.organisation')}</th>
              <th scope="col">{t('announcements.members')}</th>
              <th scope="col">{t('announcements.readers')}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.organisation}>
                <th scope="row">{r.organisation}</th>
                <td>{r.members}</td>
                <td>{r.read}</td>
                <td>{pct(r.read, r.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {!announcement.endedAt ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t('announcements.end')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.announcement.title, 'events:announcements.title');
