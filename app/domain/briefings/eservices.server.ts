import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { grantsOfRoles, sortedRoles } from '~/auth/roles';
import { db, type Tx } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import type { FieldErrors } from '~/utils/forms';
import { writtenIn } from '~/i18n/written-in';
import type { EServiceInput } from './schema.server';
import type { Result } from '~/utils/result';
import { reindexEServices } from './eservice-index.server';

// The e-service catalogue: what advisers meet, who owns it and whom to ask. Coordinators keep
// it; contact people (eservice_rep members) write the service's briefings.

export function eserviceName(s: { nameFi: string; nameSv: string; nameEn: string }, language: string) {
  return writtenIn(s, 'name', language).text;
}

export function eserviceHelp(s: { helpFi: string; helpSv: string; helpEn: string }, language: string) {
  return writtenIn(s, 'help', language);
}

export async function listEServices(filter: { q: string; status?: string }) {
  const q = filter.q.trim();
  return db.eService.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(q
        ? {
            OR: [
              { nameFi: { contains: q, mode: 'insensitive' } },
              { nameSv: { contains: q, mode: 'insensitive' } },
              { nameEn: { contains: q, mode: 'insensitive' } },
              { owner: { contains: q, mode: 'insensitive' } },
            ],
          }
        : {}),
    },
    orderBy: { nameFi: 'asc' },
    select: {
      id: true,
      slug: true,
      nameFi: true,
      nameSv: true,
      nameEn: true,
      owner: true,
      status: true,
      launchDate: true,
    },
  });
}

export async function findEService(slug: string) {
  return db.eService.findUnique({
    where: { slug },
    include: {
      contacts: {
        orderBy: { user: { name: 'asc' } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}
export type FoundEService = NonNullable<Awaited<ReturnType<typeof findEService>>>;

/** An e-service's id, address and names, for its pages that need no more (the feedback queue). */
export async function eserviceBySlug(slug: string) {
  // Raw: every page under /eservices/<slug> starts here, and compiling it as a Prisma query cost
  // more CPU than the read.
  const [service] = await db.$queryRaw<
    { id: string; slug: string; nameFi: string; nameSv: string; nameEn: string }[]
  >`SELECT id, slug, name_fi AS "nameFi", name_sv AS "nameSv", name_en AS "nameEn" FROM eservice WHERE slug = ${slug}`;
  return service ?? null;
}

type Saved = Result<{ slug: string }>;

/** Creates (no `id`) or changes an e-service with its contact people. */
export async function saveEService(
  actor: AuthUser,
  id: string | null,
  input: EServiceInput,
  meta: RequestMeta,
): Promise<Saved> {
  const errors: FieldErrors = {};
  const taken = await db.eService.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken && taken.id !== id) errors.slug = { key: 'briefings:errors.slugTaken' };
  const people = input.contacts.length
    ? await db.user.findMany({
        where: { email: { in: input.contacts }, status: 'active' },
        select: { id: true, email: true, roles: { select: { role: { select: { key: true } } } } },
      })
    : [];
  const unknown = input.contacts.filter(
    // A contact person writes the e-service's briefings: they must hold a role that may.
    (e) =>
      !people.some(
        (p) => p.email === e && grantsOfRoles(sortedRoles(p.roles.map((r) => r.role.key)))['briefings:write'],
      ),
  );
  if (unknown.length)
    errors.contacts = { key: 'briefings:errors.contacts', values: { emails: unknown.join(', ') } };
  if (Object.keys(errors).length) return { ok: false, errors };
  const data = {
    slug: input.slug,
    nameFi: input.nameFi,
    nameSv: input.nameSv,
    nameEn: input.nameEn,
    helpFi: input.helpFi,
    helpSv: input.helpSv,
    helpEn: input.helpEn,
    owner: input.owner,
    status: input.status,
    launchDate: input.launchDate ? new Date(`${input.launchDate}T00:00:00Z`) : null,
    publicUrl: input.publicUrl,
  };
  await db.$transaction(async (tx) => {
    const saved = id
      ? await tx.eService.update({ where: { id }, data, select: { id: true } })
      : await tx.eService.create({ data, select: { id: true } });
    await tx.eServiceContact.deleteMany({ where: { eserviceId: saved.id } });
    if (people.length) {
      await tx.eServiceContact.createMany({
        data: people.map((p) => ({ eserviceId: saved.id, userId: p.id })),
      });
    }
    await reindexEServices(tx, [saved.id]);
    await writeAudit(tx, {
      action: id ? 'eservice_update' : 'eservice_create',
      actorId: actor.id,
      targetType: 'eservice',
      targetId: saved.id,
      ip: meta.ip,
      details: { slug: input.slug, contacts: people.length },
    });
  });
  return { ok: true, slug: input.slug };
}

/** The e-service's contact people other than `except`: whom its questions and reports reach. */
export async function contactIdsOf(tx: Tx, eserviceId: string, except: string) {
  const contacts = await tx.eServiceContact.findMany({ where: { eserviceId }, select: { userId: true } });
  return contacts.map((c) => c.userId).filter((id) => id !== except);
}
