import { Prisma } from '~/generated/prisma/client';
import { part } from '~/db/read-together.server';
import { db } from '~/db.server';

type Profile = {
  id: string;
  name: string;
  email: string;
  locale: string;
  adviseLanguages: string[];
  phone: string;
  knowDevices: string[];
  knowTopics: string[];
  directoryShows: string[];
  organisation: { name: string };
  roles: { role: { key: string } }[];
  supportPoints: { supportPointId: string }[];
};

/**
 * What the profile page shows and edits of a member: a part of the page's one statement with
 * its place list (as a Prisma query with its relations it was four statements).
 */
export function profilePart(userId: string) {
  return part<Profile, Profile>(
    Prisma.sql`
      SELECT u.id, u.name, u.email, u.locale, u.advise_languages AS "adviseLanguages", u.phone,
        u.know_devices AS "knowDevices", u.know_topics AS "knowTopics", u.directory_shows AS "directoryShows",
        json_build_object('name', o.name) AS organisation,
        (SELECT coalesce(json_agg(json_build_object('role', json_build_object('key', r.key)) ORDER BY r.key), '[]'::json)
         FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
        (SELECT coalesce(json_agg(json_build_object('supportPointId', us.support_point_id) ORDER BY us.support_point_id), '[]'::json)
         FROM user_support_point us WHERE us.user_id = u.id) AS "supportPoints"
      FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.id = ${userId}::uuid`,
    Prisma.sql`r.id`,
    (rows) => {
      if (!rows[0]) throw new Error(`no member ${userId}`);
      return rows[0];
    },
  );
}

export type ProfileInput = {
  name: string;
  locale: string;
  adviseLanguages: string[];
  supportPointIds: string[];
  phone: string;
  knowDevices: string[];
  knowTopics: string[];
  directoryShows: string[];
};

export async function updateProfile(userId: string, input: ProfileInput) {
  const validPoints = await db.supportPoint.findMany({
    where: { id: { in: input.supportPointIds }, active: true },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        locale: input.locale,
        adviseLanguages: input.adviseLanguages,
        phone: input.phone,
        knowDevices: input.knowDevices,
        knowTopics: input.knowTopics,
        directoryShows: input.directoryShows,
      },
    });
    await tx.userSupportPoint.deleteMany({ where: { userId } });
    await tx.userSupportPoint.createMany({
      data: validPoints.map((p) => ({ userId, supportPointId: p.id })),
    });
  });
}

export async function setPreferredLanguage(userId: string, locale: string) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

export async function listOwnSessions(userId: string) {
  return db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true },
  });
}

/** Ends one of the user's own sessions; someone else's session id simply matches nothing. */
export async function revokeOwnSession(userId: string, sessionId: string) {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

export async function revokeOtherSessions(userId: string, currentSessionId: string) {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
  return count;
}
