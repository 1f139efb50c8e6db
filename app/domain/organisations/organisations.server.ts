import type { AuthUser } from '~/auth/guards.server';
import { part } from '~/db/read-together.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { slugify as slugifyText } from '~/utils/slug';
import { writeAudit } from '~/domain/audit/audit.server';
import { checkProvider, ssoRedirectUri } from '~/auth/sso.server';
import { Prisma } from '~/generated/prisma/client';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';

export function listOrganisations() {
  return db.organisation.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      active: true,
      _count: { select: { users: true } },
    },
  });
}

/** For pickers: the ones a member can belong to. */
/** The same list as a part of a page's one statement (`readTogether`). */
export function activeOrganisationsPart() {
  return part<{ id: string; name: string }, { id: string; name: string }[]>(
    Prisma.sql`SELECT id, name FROM organisation WHERE active`,
    Prisma.sql`r.name, r.id`,
    (rows) => rows,
  );
}

export function activeOrganisations() {
  // Raw: compiling it as a Prisma query cost more CPU than the read (the network's dashboard).
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM organisation WHERE active ORDER BY name, id`;
}

export function getOrganisation(id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return db.organisation.findUnique({
    where: { id },
    select: { id: true, name: true, kind: true, active: true, slug: true },
  });
}

export function slugify(name: string): string {
  return slugifyText(name, 'organisation');
}

export type OrganisationInput = { name: string; kind: string; active: boolean };

export async function createOrganisation(
  actor: AuthUser,
  input: OrganisationInput,
  ip: string,
): Promise<Result<{ id: string }>> {
  const exists = await db.organisation.findFirst({
    where: { name: { equals: input.name, mode: 'insensitive' } },
    select: { id: true },
  });
  if (exists) return refuse('admin:organisations.errors.exists', { field: 'name' });
  return db.$transaction(async (tx) => {
    let slug = slugify(input.name);
    for (let n = 2; await tx.organisation.findUnique({ where: { slug }, select: { id: true } }); n++) {
      slug = `${slugify(input.name)}-${n}`;
    }
    const organisation = await tx.organisation.create({ data: { ...input, slug }, select: { id: true } });
    await writeAudit(tx, {
      action: 'organisation_create',
      actorId: actor.id,
      targetType: 'organisation',
      targetId: organisation.id,
      organisationId: organisation.id,
      ip,
      details: { name: input.name },
    });
    return { ok: true as const, id: organisation.id };
  });
}

export async function updateOrganisation(
  actor: AuthUser,
  id: string,
  input: OrganisationInput,
  ip: string,
): Promise<Result> {
  const current = await getOrganisation(id);
  if (!current) return NOT_FOUND;
  const clash = await db.organisation.findFirst({
    where: { name: { equals: input.name, mode: 'insensitive' }, id: { not: id } },
    select: { id: true },
  });
  if (clash) return refuse('admin:organisations.errors.exists', { field: 'name' });
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id }, data: input });
    await writeAudit(tx, {
      action: 'organisation_update',
      actorId: actor.id,
      targetType: 'organisation',
      targetId: id,
      organisationId: id,
      ip,
      details: { before: { name: current.name, kind: current.kind, active: current.active }, after: input },
    });
  });
  return { ok: true as const };
}

export type OrganisationSsoInput =
  | { intent: 'sso-remove' }
  | {
      intent: 'sso';
      ssoIssuer: string;
      ssoClientId: string;
      ssoClientSecret?: string;
      ssoEmailDomains: string[];
    };

/** What the admin page shows of an organisation's own sign-in: never the secret itself. */
export async function organisationSso(id: string) {
  const org = await db.organisation.findUnique({
    where: { id },
    select: { ssoIssuer: true, ssoClientId: true, ssoClientSecret: true, ssoEmailDomains: true },
  });
  if (!org) return null;
  const { ssoClientSecret, ...shown } = org;
  return { ...shown, hasSecret: Boolean(ssoClientSecret), redirectUri: ssoRedirectUri() };
}

/**
 * Sets the organisation's identity provider after asking it for its discovery document, so a
 * mistyped issuer is refused here rather than at a member's first sign-in. An e-mail domain
 * belongs to one organisation's provider only.
 */
export async function updateOrganisationSso(
  actor: AuthUser,
  id: string,
  input: OrganisationSsoInput,
  ip: string,
): Promise<Result> {
  const current = await db.organisation.findUnique({ where: { id }, select: { ssoClientSecret: true } });
  if (!current) return NOT_FOUND;
  let data: Prisma.OrganisationUpdateInput;
  if (input.intent === 'sso-remove') {
    data = { ssoIssuer: null, ssoClientId: null, ssoClientSecret: null, ssoEmailDomains: [] };
  } else {
    const secret = input.ssoClientSecret ?? current.ssoClientSecret;
    if (!secret) return refuse('validation.required', { field: 'ssoClientSecret' });
    const taken = await db.organisation.findFirst({
      where: { id: { not: id }, ssoEmailDomains: { hasSome: input.ssoEmailDomains } },
      select: { name: true, ssoEmailDomains: true },
    });
    if (taken)
      return refuse('admin:organisations.sso.errors.domainTaken', {
        field: 'ssoEmailDomains',
        values: {
          domain: input.ssoEmailDomains.find((d) => taken.ssoEmailDomains.includes(d)) ?? '',
          organisation: taken.name,
        },
      });
    const answers = await checkProvider({
      ssoIssuer: input.ssoIssuer,
      ssoClientId: input.ssoClientId,
      ssoClientSecret: secret,
    });
    if (!answers) return refuse('admin:organisations.sso.errors.unreachable', { field: 'ssoIssuer' });
    data = {
      ssoIssuer: input.ssoIssuer,
      ssoClientId: input.ssoClientId,
      ssoClientSecret: secret,
      ssoEmailDomains: input.ssoEmailDomains,
    };
  }
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id }, data });
    await writeAudit(tx, {
      action: 'organisation_sso_update',
      actorId: actor.id,
      targetType: 'organisation',
      targetId: id,
      organisationId: id,
      ip,
      // The secret never goes into the log; only whether it changed.
      details:
        input.intent === 'sso-remove'
          ? { removed: true }
          : {
              issuer: input.ssoIssuer,
              clientId: input.ssoClientId,
              domains: input.ssoEmailDomains,
              secretChanged: Boolean(input.ssoClientSecret),
            },
    });
  });
  return { ok: true };
}
