import { appOrigin } from '~/env.server';
import { db, type Tx } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { writeAudit } from '~/domain/audit/audit.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { inviteEmail } from '~/domain/mail/templates.server';
import type { AuthUser } from './guards.server';
import { passwordProblem, type PasswordProblem } from './password-policy.server';
import { hashPassword } from './password.server';
import type { RequestMeta } from './request-meta.server';
import { grantableRoles, isRoleKey, sortedRoles, type PermissionScope, type RoleKey } from './roles';
import { holdingRoles } from './roles.server';
import { createSession } from './session.server';
import { generateToken, hashToken } from './tokens.server';
import { refuse, type Result } from '~/utils/result';

export const INVITE_VALID_DAYS = 7;

export type InviteInput = { email: string; organisationId: string; roles: readonly string[]; locale: string };

export type InviteResult = Result<{ inviteId: string | null }>;

export async function createInvite(
  inviter: AuthUser,
  scope: PermissionScope,
  input: InviteInput,
  meta: RequestMeta,
): Promise<InviteResult> {
  // The roles an inviter may hand out: those they could give on a member's page.
  const grantable = grantableRoles(inviter.roles);
  const roles = sortedRoles(input.roles);
  if (
    !roles.length ||
    roles.length !== new Set(input.roles).size ||
    roles.some((r) => !grantable.includes(r))
  ) {
    return refuse('members:invite.errors.role', { field: 'roles' });
  }
  if (scope === 'organisation' && input.organisationId !== inviter.organisationId) {
    return refuse('members:invite.errors.organisation', { field: 'organisationId' });
  }
  const [organisation, existing] = await Promise.all([
    db.organisation.findFirst({
      where: { id: input.organisationId, active: true },
      select: { id: true, name: true },
    }),
    db.user.findUnique({ where: { email: input.email }, select: { id: true, organisationId: true } }),
  ]);
  if (!organisation) return refuse('members:invite.errors.organisation', { field: 'organisationId' });
  if (existing && (scope === 'all' || existing.organisationId === inviter.organisationId))
    return refuse('members:invite.errors.exists', { field: 'email' });
  // Someone in another organisation: an org admin may not learn who has an account elsewhere,
  // so the answer is the one a new address gets, and the e-mail tells the member to log in.
  if (existing) {
    const message = await inviteEmail(
      input.locale,
      input.email,
      { inviterName: inviter.name, organisationName: organisation.name, url: `${appOrigin()}/login` },
      { existing: true },
    );
    await db.$transaction(async (tx) => {
      await queueEmail(tx, message);
      await writeAudit(tx, {
        action: 'invite',
        actorId: inviter.id,
        targetType: 'user',
        targetId: existing.id,
        organisationId: organisation.id,
        ip: meta.ip,
        details: { email: input.email, roles, existingAccount: true },
      });
    });
    return { ok: true, inviteId: null };
  }

  const token = generateToken();
  const message = await inviteEmail(input.locale, input.email, {
    inviterName: inviter.name,
    organisationName: organisation.name,
    // The page opens in the language chosen for the invitation (the invitee can switch there).
    url: `${appOrigin()}/invite/${token}?lng=${input.locale}`,
  });
  const inviteId = await db.$transaction(async (tx) => {
    // Only the newest invitation to an address works; older links say they were replaced.
    await tx.invite.updateMany({
      where: { email: input.email, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invite = await tx.invite.create({
      data: {
        tokenHash: hashToken(token),
        email: input.email,
        organisationId: organisation.id,
        roles,
        invitedById: inviter.id,
        locale: input.locale,
        expiresAt: new Date(Date.now() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000),
      },
      select: { id: true },
    });
    await queueEmail(tx, message);
    await writeAudit(tx, {
      action: 'invite',
      actorId: inviter.id,
      targetType: 'invite',
      targetId: invite.id,
      organisationId: organisation.id,
      ip: meta.ip,
      details: { email: input.email, roles },
    });
    return invite.id;
  });
  return { ok: true, inviteId };
}

/** Withdraws a pending invitation within the actor's reach; its link then says it is no longer valid. */
export async function withdrawInvite(actor: AuthUser, scope: PermissionScope, inviteId: string, ip: string) {
  if (!isUuid(inviteId)) return false;
  const invite = await db.invite.findFirst({
    where: {
      id: inviteId,
      usedAt: null,
      revokedAt: null,
      ...(scope === 'all' ? {} : { organisationId: actor.organisationId }),
    },
    select: { id: true, email: true, organisationId: true },
  });
  if (!invite) return false;
  await db.$transaction(async (tx) => {
    await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      action: 'invite_revoked',
      actorId: actor.id,
      targetType: 'invite',
      targetId: invite.id,
      organisationId: invite.organisationId,
      ip,
      details: { email: invite.email },
    });
  });
  return true;
}

export type InviteState =
  | { status: 'valid'; email: string; organisationName: string; roles: RoleKey[]; locale: string }
  | { status: 'expired' | 'used' | 'revoked' | 'invalid' };

async function findInvite(token: string) {
  return db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      locale: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      organisationId: true,
      invitedById: true,
      roles: true,
      organisation: { select: { name: true, active: true } },
    },
  });
}

function stateOf(invite: Awaited<ReturnType<typeof findInvite>>): InviteState {
  if (!invite || !invite.organisation.active || !invite.roles.some(isRoleKey)) return { status: 'invalid' };
  if (invite.usedAt) return { status: 'used' };
  if (invite.revokedAt) return { status: 'revoked' };
  if (invite.expiresAt.getTime() <= Date.now()) return { status: 'expired' };
  return {
    status: 'valid',
    email: invite.email,
    organisationName: invite.organisation.name,
    roles: sortedRoles(invite.roles),
    locale: invite.locale,
  };
}

export async function inviteState(token: string): Promise<InviteState> {
  return stateOf(await findInvite(token));
}

export type AcceptResult =
  | { status: 'ok'; token: string; expiresAt: Date; persistent: boolean }
  | { status: 'weak'; problem: PasswordProblem }
  | { status: 'expired' | 'used' | 'revoked' | 'invalid' | 'exists' };

/** Creates the member, uses up the link and logs them in. */
export async function acceptInvite(
  token: string,
  input: { name: string; password: string; locale: string },
  meta: RequestMeta,
): Promise<AcceptResult> {
  const invite = await findInvite(token);
  const state = stateOf(invite);
  if (state.status !== 'valid' || !invite)
    return { status: state.status === 'valid' ? 'invalid' : state.status };
  const problem = passwordProblem(input.password, { email: invite.email, name: input.name });
  if (problem) return { status: 'weak', problem };
  const passwordHash = await hashPassword(input.password);
  const userId = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } }))
      return 'exists' as const;
    return createMemberFromInvite(tx, invite, { name: input.name, locale: input.locale, passwordHash }, meta);
  });
  if (userId === null) return { status: 'used' };
  if (userId === 'exists') return { status: 'exists' };
  const session = await createSession(userId, meta);
  return { status: 'ok', ...session };
}

// Accounts joining through an organisation's identity provider have no password here: this is
// no argon2 hash, so no password ever matches it.
const NO_PASSWORD = '!sso';

/**
 * The invited member's account, with the invitation's roles; the invitation is used up. Null
 * when it was used meanwhile (two submissions at once). Inside the caller's transaction.
 */
export async function createMemberFromInvite(
  tx: Tx,
  invite: { id: string; email: string; organisationId: string; roles: string[]; invitedById: string },
  data: { name: string; locale: string; passwordHash?: string },
  meta: RequestMeta,
): Promise<string | null> {
  const { count } = await tx.invite.updateMany({
    where: { id: invite.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count === 0) return null;
  const user = await tx.user.create({
    data: {
      email: invite.email,
      name: data.name,
      passwordHash: data.passwordHash ?? NO_PASSWORD,
      roles: await holdingRoles(tx, sortedRoles(invite.roles), invite.invitedById),
      organisationId: invite.organisationId,
      locale: data.locale,
    },
    select: { id: true },
  });
  await tx.invite.update({ where: { id: invite.id }, data: { userId: user.id } });
  await writeAudit(tx, {
    action: 'invite_accepted',
    actorId: user.id,
    targetType: 'user',
    targetId: user.id,
    organisationId: invite.organisationId,
    ip: meta.ip,
  });
  return user.id;
}
