import { db } from '~/db.server';
import type { JobPayload } from '~/domain/jobs/registry.server';
import { notify } from '~/domain/notifications/notify.server';
import type { NotificationType } from '~/domain/notifications/constants';
import { audienceMembersWhere } from '~/domain/members/audience.server';
import { NOTIFY_BATCH } from './constants';
import { reindexBriefing } from './search-index.server';

// Background work of briefings: telling the audience (a national audience is 10,000 members, so
// in batches, each its own transaction) and the launch, when the search row gains the text.
// Notifications carry the title and the address only, never the confidential text.

type Kind = 'published' | 'updated' | 'reminder';
const TYPE: Record<Kind, NotificationType> = {
  published: 'briefing_published',
  updated: 'briefing_updated',
  reminder: 'briefing_reminder',
};

type AnnouncePayload = JobPayload<'briefings.announce'>;

/**
 * Tells everyone this kind of message is for, batch by batch. A member told already (by the
 * notification's `key`) is skipped, so a job that runs again after a crash tells nobody twice.
 */
export async function announce(p: AnnouncePayload) {
  const b = await db.briefing.findUnique({
    where: { id: p.briefingId },
    select: {
      id: true,
      title: true,
      status: true,
      audience: true,
      audienceOrgIds: true,
      audienceRoles: true,
      liveNumber: true,
    },
  });
  if (!b || b.status !== 'published') return;
  const live = await db.briefingVersion.findUniqueOrThrow({
    where: { briefingId_number: { briefingId: b.id, number: b.liveNumber } },
    select: { title: true },
  });
  const type = TYPE[p.kind];
  const key = p.key ?? `${p.kind}:${p.number}`;
  const url = `/briefings/${b.id}`;
  let after = '';
  for (;;) {
    const batch = await db.user.findMany({
      where: {
        ...audienceMembersWhere(b),
        id: { gt: after || undefined },
        notifications: { none: { type, url, data: { path: ['key'], equals: key } } },
        ...(p.kind === 'updated'
          ? { briefingReads: { some: { briefingId: b.id, versionNumber: { lt: p.number } } } }
          : p.kind === 'reminder'
            ? { briefingReads: { none: { briefingId: b.id } } }
            : {}),
      },
      orderBy: { id: 'asc' },
      take: NOTIFY_BATCH,
      select: { id: true },
    });
    if (!batch.length) return;
    await db.$transaction(async (tx) => {
      await notify(tx, {
        type,
        recipientIds: batch.map((u) => u.id),
        actorName: p.actorName,
        title: live.title,
        url,
        data: { key },
      });
    });
    after = batch.at(-1)!.id;
  }
}

/** At the launch the search row gains the text. */
export async function launchBriefing({ briefingId }: JobPayload<'briefings.launch'>) {
  await db.$transaction((tx) => reindexBriefing(tx, briefingId));
}
