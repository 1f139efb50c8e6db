import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { FilterDisclosure } from '~/components/ui/filter-disclosure';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { rolesText } from '~/utils/roles-text';
import { can, notFound, requirePermission } from '~/auth/guards.server';
import { withdrawInvite } from '~/auth/invites.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ROLE_KEYS } from '~/auth/roles';
import { DoneNotice, SelectField, TextField } from '~/components/ui/form';
import { DateTime, Pagination } from '~/components/ui/misc';
import { membersPage } from '~/domain/members/members.server';
import { MEMBER_STATUSES } from '~/domain/members/constants';
import { done, invalid, parseForm, readForm } from '~/utils/forms.server';
import { pageNumber } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { MemberFilterSchema, WithdrawInviteSchema } from '~/domain/members/schema.server';
import { TableWrap } from '~/components/ui/table-wrap';

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:read');
  const url = new URL(request.url);
  const filter = MemberFilterSchema.parse(Object.fromEntries(url.searchParams));
  const found = await membersPage(user, scope, {
    ...filter,
    q: filter.q || undefined,
    page: pageNumber(url),
  });
  return json({
    ...found,
    page: pageNumber(url),
    canInvite: can(user, 'member:invite'),
    canErase: can(user, 'member:erase'),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:invite');
  const parsed = parseForm(WithdrawInviteSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  if (!(await withdrawInvite(user, scope, parsed.data.inviteId, requestMeta(request, context).ip)))
    throw notFound();
  return done('members:invites.withdrawn');
}

export default function MembersPage() {
  const { members, total, page, pages, organisations, invites, canInvite, canErase } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('members');
  const [params] = useSearchParams();
  return (
    <div className="page">
      <DoneNotice />
      <div className="page-header">
        <h1>{t('title')}</h1>
        {canInvite ? (
          <Link to="/members/invite" className="button">
            {t('invite.open')}
          </Link>
        ) : null}
      </div>
      {canErase ? (
        <p>
          <Link to="/members/erasure">{t('admin:erasure.title')}</Link>
        </p>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label={t('filters.label')}>
        <TextField name="q" type="search" label={t('filters.search')} defaultValue={params.get('q') ?? ''} />
        <FilterDisclosure
          label={t('filters.more')}
          active={['organisationId', 'role', 'status'].filter((name) => params.get(name)).length}
        >
          {organisations.length ? (
            <SelectField
              name="organisationId"
              label={t('filters.organisation')}
              defaultValue={params.get('organisationId') ?? ''}
              options={[
                { value: '', label: t('filters.all') },
                ...organisations.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
          ) : null}
          <SelectField
            name="role"
            label={t('filters.role')}
            defaultValue={params.get('role') ?? ''}
            options={[
              { value: '', label: t('filters.all') },
              ...ROLE_KEYS.map((r) => ({ value: r, label: t(`common:roles.${r}`) })),
            ]}
          />
          <SelectField
            name="status"
            label={t('filters.status')}
            defaultValue={params.get('status') ?? ''}
            options={[
              { value: '', label: t('filters.all') },
              ...MEMBER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
        </FilterDisclosure>
        <button type="submit" className="button button--secondary">
          {t('filters.apply')}
        </button>
      </Form>
      <p role="status">{t('count', { count: total })}</p>
      <TableWrap label={t('title')}>
        <table>
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.organisation')}</th>
              <th scope="col">{t('columns.role')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/members/${m.id}`}>{m.name}</Link>
                  <span className="muted block">{m.email}</span>
                </th>
                <td>{m.organisation.name}</td>
                <td>{rolesText(t, i18n.language, m.roles)}</td>
                <td>{t(`status.${m.status}`)}</td>
                <td>{m.lastLoginAt ? <DateTime value={m.lastLoginAt} /> : t('never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={page} pages={pages} />
      {invites.length ? (
        <section aria-labelledby="pending-invites">
          <h2 id="pending-invites">{t('invites.title')}</h2>
          <ul className="plain-list">
            {invites.map((i) => (
              <li key={i.id} className="invite-row">
                <span>
                  {i.email} · {i.organisation.name} · {rolesText(t, i18n.language, i.roles)} ·{' '}
                  {t('invites.expires')} <DateTime value={i.expiresAt} />
                </span>
                {canInvite ? (
                  <Form method="post">
                    <input type="hidden" name="inviteId" value={i.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="withdraw-invite"
                      className="button button--secondary"
                    >
                      {t('invites.withdraw')}
                      <span className="visually-hidden">: {i.email}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'members:title');
