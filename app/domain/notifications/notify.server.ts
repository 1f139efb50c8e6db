import { appOrigin } from '~/env.server';
import type { Prisma } from '~/generated/prisma/client';
import type { Tx } from '~/db.server';
import { notificationEmail } from '~/domain/mail/templates.server';
import { queueEmail } from '~/domain/mail/outbox.server';
import { channelOf, type Channel, type NotificationType } from './constants';

export type NewNotification = {
  type: NotificationType;
  recipientIds: string[];
  actorName: string;
  /**
   * What it is about, shown in the bell and the e-mail (a thread title), or one per language
   * when what it names is written in several (an event, an e-service): each recipient reads theirs.
   */
  title: string | { fi: string; sv: string; en: string };
  /** A path inside the app; e-mail makes it absolute. */
  url: string;
  /** A sentence more, e.g. a moderator's reason; shown in the list and the e-mail. */
  detail?: string;
  data?: Prisma.InputJsonObject;
};

/**
 * Tells each recipient the way they chose for this type; called inside the transaction of the
 * change it reports, so a rolled-back reply notifies nobody. E-mail goes to the outbox queue.
 */
export async function notify(tx: Tx, n: NewNotification) {
  const ids = [...new Set(n.recipientIds)];
  if (!ids.length) return;
  const recipients = await tx.user.findMany({
    where: { id: { in: ids }, status: 'active' },
    select: {
      id: true,
      email: true,
      locale: true,
      notificationPreferences: { where: { type: n.type }, select: { channel: true } },
    },
  });
  const chosen = recipients
    .map((r) => ({
      ...r,
      channel: channelOf(n.type, r.notificationPreferences[0]?.channel as Channel | undefined),
    }))
    .filter((r) => r.channel !== 'off');
  // One insert for everyone told (a busy thread has many followers), then mail for those who want it now.
  const titleFor = (locale: string) =>
    typeof n.title === 'string' ? n.title : (n.title[locale as 'fi'] ?? n.title.fi);
  await tx.notification.createMany({
    data: chosen.map((r) => ({
      userId: r.id,
      type: n.type,
      delivery: r.channel,
      actorName: n.actorName,
      title: titleFor(r.locale),
      url: n.url,
      data: { ...n.data, ...(n.detail ? { detail: n.detail } : {}) },
    })),
  });
  for (const { channel, ...r } of chosen) {
    if (channel === 'email') {
      await queueEmail(
        tx,
        await notificationEmail(r.locale, r.email, {
          type: n.type,
          actorName: n.actorName,
          title: titleFor(r.locale),
          detail: n.detail,
          url: `${appOrigin()}${n.url}`,
        }),
      );
    }
  }
}
