import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { isUuid } from '~/utils/ids';
import { slugify as slugifyText } from '~/utils/slug';
import { writeAudit } from '~/domain/audit/audit.server';

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
export function activeOrganisations() {
  return db.organisation.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
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

export async function createOrganisation(actor: AuthUser, input: OrganisationInput, ip: string) {
  const exists = await db.organisation.findFirst({
    where: { name: { equals: input.name, mode: 'insensitive' } },
    select: { id: true },
  });
  if (exists) return { ok: false as const, key: 'admin:organisations.errors.exists' };
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

export async function updateOrganisation(actor: AuthUser, id: string, input: OrganisationInput, ip: string) {
  const current = await getOrganisation(id);
  if (!current) return null;
  const clash = await db.organisation.findFirst({
    where: { name: { equals: input.name, mode: 'insensitive' }, id: { not: id } },
    select: { id: true },
  });
  if (clash) return { ok: false as const, key: 'admin:organisations.errors.exists' };
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
