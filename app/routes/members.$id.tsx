import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { Link } from '~/components/ui/link';
import { useTranslation } from '~/i18n/use-translation';
import { can, notFound, requirePermission } from '~/auth/guards.server';
import { requestMeta } from '~/auth/request-meta.server';
import { resetTwoFactor } from '~/auth/two-factor.server';
import { grantableRoles } from '~/auth/roles';
import { ConfirmPanel, DoneNotice, ErrorSummary, SelectField, useFormResult } from '~/components/ui/form';
import { DateTime } from '~/components/ui/misc';
import {
  changeMemberRoles,
  getMember,
  managesMember,
  setMemberActive,
} from '~/domain/members/members.server';
import { confirmFirst, done, invalid, parseForm, readForm, refused } from '~/utils/forms.server';
import { pageTitle } from '~/utils/meta';
import { MemberActionSchema } from '~/domain/members/schema.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requirePermission(request, 'member:read');
  const member = await getMember(user, scope, params.id ?? '');
  if (!member) throw notFound();
  const manages = managesMember(user, member);
  return json({
    member,
    isSelf: member.id === user.id,
    canDeactivate: can(user, 'member:deactivate') && manages,
    // The roles this viewer may give or take away here (none for a member they do not manage).
    grantable: can(user, 'member:change-role') && manages ? grantableRoles(user.roles) : [],
    // An admin removes a lost second factor (audited); never their own here.
    canResetSecondFactor: can(user, 'security:manage') && member.hasSecondFactor && member.id !== user.id,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = form.get('intent');
  const roleChange = intent === 'give-role' || intent === 'remove-role';
  const { user, scope } = await requirePermission(
    request,
    intent === 'reset-two-factor'
      ? 'security:manage'
      : roleChange
        ? 'member:change-role'
        : 'member:deactivate',
  );
  const parsed = parseForm(MemberActionSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const data = parsed.data;
  if (data.intent === 'deactivate' || data.intent === 'remove-role' || data.intent === 'reset-two-factor') {
    // Asked to confirm only about a member this person may see (otherwise 404, as always).
    if (!(await getMember(user, scope, params.id ?? ''))) throw notFound();
    const ask = confirmFirst(form, data.intent);
    if (ask) return ask;
  }
  const ip = requestMeta(request, context).ip;
  if (data.intent === 'reset-two-factor') {
    if (params.id === user.id || !(await resetTwoFactor(user, params.id ?? '', ip))) throw notFound();
    return done('members:done.reset-two-factor', { removedRole: null });
  }
  const result =
    data.intent === 'give-role' || data.intent === 'remove-role'
      ? await changeMemberRoles(
          user,
          scope,
          params.id ?? '',
          { give: data.intent === 'give-role', role: data.role },
          ip,
        )
      : await setMemberActive(user, scope, params.id ?? '', data.intent === 'reactivate', ip);
  if (!result.ok) return refused(result);
  // A removed role can be given back from the success message (undo).
  return done(`members:done.${data.intent}`, {
    removedRole: data.intent === 'remove-role' ? data.role : null,
  });
}

export default function MemberPage() {
  const { member, isSelf, canDeactivate, grantable, canResetSecondFactor } = useLoaderData<typeof loader>();
  const { t } = useTranslation('members');
  const { errors, confirm, values } = useFormResult();
  const removedRole = (useActionData<typeof action>() as { removedRole?: string | null } | undefined)
    ?.removedRole;
  const location = useLocation();
  const roleName = (role: string) => t(`common:roles.${role}`);
  const canGive = grantable.filter((r) => !member.roles.includes(r));
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/members">{t('title')}</Link>
      </p>
      <h1>{member.name}</h1>
      <DoneNotice>
        {removedRole && grantable.includes(removedRole as (typeof grantable)[number]) ? (
          <Form method="post">
            <input type="hidden" name="role" value={removedRole} />
            <button type="submit" name="intent" value="give-role" className="button button--secondary">
              {t('roles.undo', { role: roleName(removedRole) })}
            </button>
          </Form>
        ) : null}
      </DoneNotice>
      <ErrorSummary errors={errors} />
      <dl className="facts">
        <dt>{t('columns.email')}</dt>
        <dd>{member.email}</dd>
        <dt>{t('columns.organisation')}</dt>
        <dd>{member.organisation.name}</dd>
        <dt>{t('columns.status')}</dt>
        <dd>
          {t(`status.${member.status}`)}
          {member.erasureRequestedAt ? (
            <>
              {' · '}
              <Link to="/members/erasure">{t('erasureRequested')}</Link>
            </>
          ) : null}
        </dd>
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
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('roles.title')}</h2>
        <p className="muted">{t('roles.intro')}</p>
        <ul className="role-list">
          {member.roles.map((role) => (
            <li key={role}>
              <span>{roleName(role)}</span>
              {grantable.includes(role) && member.roles.length > 1 && confirm !== 'remove-role' ? (
                <Form method="post">
                  <input type="hidden" name="role" value={role} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove-role"
                    className="button button--secondary button--small"
                    aria-label={t('roles.remove', { role: roleName(role) })}
                  >
                    {t('roles.removeShort')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {confirm === 'remove-role' && typeof values.role === 'string' ? (
          <ConfirmPanel
            intent="remove-role"
            values={values}
            question={t('roles.confirm', { role: roleName(values.role), name: member.name })}
            detail={t('roles.explain')}
            confirmLabel={t('roles.confirmSubmit')}
            cancelTo={location.pathname}
          />
        ) : null}
        {grantable.length && !isSelf ? (
          canGive.length ? (
            <Form method="post" className="form form--inline">
              <SelectField
                name="role"
                label={t('roles.give')}
                defaultValue={canGive[0]}
                options={canGive.map((r) => ({ value: r, label: roleName(r) }))}
                error={errors.role}
              />
              <button type="submit" name="intent" value="give-role" className="button button--secondary">
                {t('roles.giveSubmit')}
              </button>
            </Form>
          ) : (
            <p>{t('roles.none')}</p>
          )
        ) : null}
      </section>
      {canResetSecondFactor ? (
        <section aria-labelledby="two-factor-heading">
          <h2 id="two-factor-heading">{t('twoFactor.title')}</h2>
          {confirm === 'reset-two-factor' ? (
            <ConfirmPanel
              intent="reset-two-factor"
              values={values}
              question={t('twoFactor.confirm', { name: member.name })}
              detail={t('twoFactor.explain')}
              confirmLabel={t('twoFactor.reset')}
              cancelTo={location.pathname}
            />
          ) : (
            <Form method="post" className="form">
              <p>{t('twoFactor.explain')}</p>
              <button type="submit" name="intent" value="reset-two-factor" className="button button--danger">
                {t('twoFactor.reset')}
              </button>
            </Form>
          )}
        </section>
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
