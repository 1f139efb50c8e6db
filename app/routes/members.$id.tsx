import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { can, notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { ROLE_KEYS } from '~/auth/roles';
import { ConfirmPanel, ErrorSummary, Notice, SelectField, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import { changeMemberRole, getMember, setMemberActive } from '~/domain/members/members.server';
import { confirmFirst, invalid, parseForm, readForm } from '~/utils/forms.server';
import { invariantResponse } from '~/utils/http';
import { pageTitle } from '~/utils/meta';
import { MemberActionSchema } from '~/domain/members/schema.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:read');
  const member = await getMember(user, scope, params.id ?? '');
  invariantResponse(member, 'Not found', { status: 404 });
  return json({
    member,
    isSelf: member.id === user.id,
    canDeactivate: can(user, 'member:deactivate') && member.role.rank <= user.roleRank,
    canChangeRole: can(user, 'member:change-role'),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = form.get('intent');
  const { user, scope } = await requirePermission(
    request,
    intent === 'change-role' ? 'member:change-role' : 'member:deactivate',
  );
  const parsed = parseForm(MemberActionSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  if (parsed.data.intent === 'deactivate') {
    // Asked to confirm only about a member this person may see (otherwise 404, as always).
    if (!(await getMember(user, scope, params.id ?? ''))) throw notFound();
    const ask = confirmFirst(form, 'deactivate');
    if (ask) return ask;
  }
  const ip = requestMeta(request, context).ip;
  const result =
    parsed.data.intent === 'change-role'
      ? await changeMemberRole(user, params.id ?? '', parsed.data.role, ip)
      : await setMemberActive(user, scope, params.id ?? '', parsed.data.intent === 'reactivate', ip);
  if (!result) throw notFound();
  if (!result.ok) return invalid({ form: { key: result.key } });
  return json({ ok: true as const, message: `members:done.${parsed.data.intent}` });
}

export default function MemberPage() {
  const { member, isSelf, canDeactivate, canChangeRole } = useLoaderData<typeof loader>();
  const { t } = useTranslation('members');
  const { errors, message, confirm, values } = useFormResult();
  const location = useLocation();
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/members">{t('title')}</Link>
      </p>
      <h1>{member.name}</h1>
      {message ? (
        <Notice tone="success">
          <p>{t(message)}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="facts">
        <dt>{t('columns.email')}</dt>
        <dd>{member.email}</dd>
        <dt>{t('columns.organisation')}</dt>
        <dd>{member.organisation.name}</dd>
        <dt>{t('columns.role')}</dt>
        <dd>{t(`common:roles.${member.role.key}`)}</dd>
        <dt>{t('columns.status')}</dt>
        <dd>{t(`status.${member.status}`)}</dd>
        <dt>{t('columns.adviseLanguages')}</dt>
        <dd>{member.adviseLanguages.map((l) => t(`profile:languages.${l}`)).join(', ') || '–'}</dd>
        <dt>{t('columns.supportPoints')}</dt>
        <dd>{member.supportPoints.map((s) => s.supportPoint.name).join(', ') || '–'}</dd>
        <dt>{t('columns.joined')}</dt>
        <dd>
          <DateTime value={member.createdAt} />
        </dd>
        <dt>{t('columns.lastLogin')}</dt>
        <dd>{member.lastLoginAt ? <DateTime value={member.lastLoginAt} /> : t('never')}</dd>
        <dt>{t('columns.sessions')}</dt>
        <dd>{member._count.sessions}</dd>
      </dl>
      {canChangeRole && !isSelf ? (
        <Form method="post" className="form">
          <SelectField
            name="role"
            label={t('changeRole.label')}
            defaultValue={member.role.key}
            options={ROLE_KEYS.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            error={errors.role}
          />
          <button type="submit" name="intent" value="change-role" className="button button--secondary">
            {t('changeRole.submit')}
          </button>
        </Form>
      ) : null}
      {canDeactivate && !isSelf && confirm === 'deactivate' && member.status === 'active' ? (
        <ConfirmPanel
          intent="deactivate"
          values={values}
          question={t('deactivate.confirm', { name: member.name })}
          detail={t('deactivate.explain')}
          confirmLabel={t('deactivate.submit')}
          cancelTo={location.pathname}
        />
      ) : canDeactivate && !isSelf ? (
        <Form method="post" className="form">
          {member.status === 'active' ? (
            <>
              <p>{t('deactivate.explain')}</p>
              <button type="submit" name="intent" value="deactivate" className="button button--danger">
                {t('deactivate.submit')}
              </button>
            </>
          ) : (
            <button type="submit" name="intent" value="reactivate" className="button">
              {t('reactivate.submit')}
            </button>
          )}
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [base] = pageTitle(matches, 'members:title') as [{ title: string }];
  return [{ title: data ? `${data.member.name} – ${base.title}` : base.title }];
};
