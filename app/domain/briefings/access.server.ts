import { Prisma } from '~/generated/prisma/client';
import { inAudienceSql } from '~/domain/members/audience.server';
import { can, type AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';

// Who may read and who may write a briefing. One rule for lists, the page, search, reach and the
// notifications, so a briefing cannot reach anyone outside its audience through one of them.

type Viewer = Pick<AuthUser, 'id' | 'roles' | 'organisationId' | 'permissions'>;

export function canManageBriefings(viewer: Viewer | null) {
  return can(viewer as AuthUser | null, 'briefings:manage');
}

/** Coordinators write for any e-service; a rep only for the e-services they are a contact of. */
export async function canWriteFor(viewer: Viewer, eserviceId: string) {
  if (canManageBriefings(viewer)) return true;
  if (!can(viewer as AuthUser, 'briefings:write')) return false;
  // Raw: as a Prisma query, compiling it cost more CPU than the read (the feedback queue's guard).
  const contacts = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM eservice_contact WHERE eservice_id = ${eserviceId}::uuid AND user_id = ${viewer.id}::uuid`;
  return contacts.length > 0;
}

/** The e-services this member writes briefings for. */
export async function writableEServiceIds(viewer: Viewer): Promise<string[] | 'all'> {
  if (canManageBriefings(viewer)) return 'all';
  if (!can(viewer as AuthUser, 'briefings:write')) return [];
  const rows = await db.eServiceContact.findMany({
    where: { userId: viewer.id },
    select: { eserviceId: true },
  });
  return rows.map((r) => r.eserviceId);
}

function inAudience(viewer: Viewer): Prisma.BriefingWhereInput {
  return {
    OR: [
      { audience: 'all' },
      { audience: 'organisations', audienceOrgIds: { has: viewer.organisationId } },
      { audience: 'roles', audienceRoles: { hasSome: viewer.roles } },
    ],
  };
}

/** Published briefings of this member's audience, and every briefing of the e-services they write for. */
export function visibleWhere(viewer: Viewer): Prisma.BriefingWhereInput {
  if (canManageBriefings(viewer)) return {};
  return {
    OR: [
      { status: 'published', ...inAudience(viewer) },
      { eservice: { contacts: { some: { userId: viewer.id } } } },
    ],
  };
}

/** The same rule in SQL, on a briefing row `b` (a test checks that both pick the same briefings). */
export function visibleSql(viewer: Viewer, b = 'b'): Prisma.Sql {
  if (canManageBriefings(viewer)) return Prisma.sql`true`;
  const t = Prisma.raw(b);
  return Prisma.sql`((${t}.status = 'published' AND ${inAudienceSql(b, viewer)})
    OR EXISTS (SELECT 1 FROM eservice_contact c WHERE c.eservice_id = ${t}.eservice_id AND c.user_id = ${viewer.id}::uuid))`;
}

/** Confidential until the launch: not to be shared, and nothing beyond the title leaves the page. */
export function isConfidential(b: { launchAt: Date }, now = new Date()) {
  return b.launchAt.getTime() > now.getTime();
}

/** A screenshot of a briefing: for its uploader, and for whoever may read a version showing it. */
export async function canReadBriefingFile(viewer: Viewer, upload: { id: string; ownerId: string }) {
  if (upload.ownerId === viewer.id || canManageBriefings(viewer)) return true;
  const shown = await db.briefing.findFirst({
    where: { ...visibleWhere(viewer), versions: { some: { imageIds: { has: upload.id } } } },
    select: { id: true },
  });
  return Boolean(shown);
}
