// Factories shared by the seed and the tests: one way to make a member, an organisation, a
// support point, so demo data and test data have the same shape.
import { hashPassword } from '~/auth/password.server';
import type { RoleKey } from '~/auth/roles';
import type { Tx } from '~/db.server';

export const DEMO_PASSWORD = 'Tukiverkko-demo-2026';

let demoHash: Promise<string> | undefined;
/** Hashing is deliberately slow; members made with the demo password share one hash. */
export function demoPasswordHash() {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeOrganisation(
  db: Tx,
  data: Partial<{ name: string; slug: string; kind: string; active: boolean }> = {},
) {
  const id = unique();
  return db.organisation.create({
    data: {
      name: data.name ?? `Organisaatio ${id}`,
      slug: data.slug ?? `org-${id}`,
      kind: data.kind ?? 'association',
      active: data.active ?? true,
    },
    select: { id: true, name: true, slug: true },
  });
}

export async function makeSupportPoint(
  db: Tx,
  data: Partial<{ name: string; slug: string; kind: string; address: string; district: string }> = {},
) {
  const id = unique();
  return db.supportPoint.create({
    data: {
      name: data.name ?? `Tukipiste ${id}`,
      slug: data.slug ?? `point-${id}`,
      kind: data.kind ?? 'library',
      address: data.address ?? 'Testikatu 1, 00100 Helsinki',
      district: data.district ?? 'Keskusta',
    },
    select: { id: true, name: true },
  });
}

export type MakeUser = {
  role: RoleKey;
  organisationId: string;
  email?: string;
  name?: string;
  password?: string;
  locale?: string;
  status?: 'active' | 'deactivated';
  adviseLanguages?: string[];
  supportPointIds?: string[];
};

export async function makeUser(db: Tx, data: MakeUser) {
  const role = await db.role.findUniqueOrThrow({ where: { key: data.role }, select: { id: true } });
  const id = unique();
  return db.user.create({
    data: {
      email: (data.email ?? `member-${id}@example.test`).toLowerCase(),
      name: data.name ?? `Jäsen ${id}`,
      passwordHash: data.password ? await hashPassword(data.password) : await demoPasswordHash(),
      roleId: role.id,
      organisationId: data.organisationId,
      locale: data.locale ?? 'fi',
      status: data.status ?? 'active',
      adviseLanguages: data.adviseLanguages ?? [],
      deactivatedAt: data.status === 'deactivated' ? new Date() : null,
      supportPoints: data.supportPointIds?.length
        ? { create: data.supportPointIds.map((supportPointId) => ({ supportPointId })) }
        : undefined,
    },
    select: { id: true, email: true, name: true, organisationId: true },
  });
}
