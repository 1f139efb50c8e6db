import { db } from '~/db.server';

export async function getProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      adviseLanguages: true,
      phone: true,
      knowDevices: true,
      knowTopics: true,
      directoryShows: true,
      organisation: { select: { name: true } },
      roles: { select: { role: { select: { key: true } } } },
      supportPoints: { select: { supportPointId: true } },
    },
  });
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
