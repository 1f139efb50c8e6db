import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db, type Tx } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { storedDoc, renderMaterial } from './body.server';
import { reindexMaterial } from './search-index.server';
import { refuse, type Result } from '~/utils/result';

// Publishing: the working copy becomes the next version, with a change note. Now, or at a time
// the trainer chose: then the version waits (one at a time; publishing again replaces it) and a
// job makes it live. Readers always see the live version; older ones stay readable.

export type PublishResult = Result<{ number: number; live: boolean }>;

export async function publishMaterial(
  actor: AuthUser,
  materialId: string,
  input: { changeNote: string; publishAt: Date | null },
  meta: RequestMeta,
  now = new Date(),
): Promise<PublishResult> {
  const publishAt = input.publishAt && input.publishAt > now ? input.publishAt : now;
  const result = await db.$transaction(async (tx) => {
    const material = await tx.libraryMaterial.findUniqueOrThrow({
      where: { id: materialId },
      select: {
        status: true,
        liveNumber: true,
        draftTitle: true,
        draftSummary: true,
        draftBody: true,
        draftLinks: true,
        files: { where: { versionId: null }, select: { uploadId: true, inline: true, position: true } },
      },
    });
    if (material.status === 'archived') return refuse('library:errors.archived', { field: 'changeNote' });
    const { html, text } = renderMaterial(storedDoc(material.draftBody));
    await tx.libraryVersion.deleteMany({ where: { materialId, publishedAt: null } });
    const version = await tx.libraryVersion.create({
      data: {
        materialId,
        number: material.liveNumber + 1,
        changeNote: input.changeNote,
        title: material.draftTitle,
        summary: material.draftSummary,
        bodyHtml: html,
        bodyText: text,
        links: material.draftLinks ?? [],
        publishAt,
        createdById: actor.id,
      },
      select: { id: true, number: true },
    });
    if (material.files.length) {
      await tx.libraryFileLink.createMany({
        data: material.files.map((f) => ({ ...f, materialId, versionId: version.id })),
      });
    }
    await tx.libraryMaterial.update({
      where: { id: materialId },
      data: { draftChanged: false, ...(material.status === 'draft' ? { status: 'scheduled' } : {}) },
    });
    const live = publishAt <= now;
    if (live) await makeLive(tx, version.id, now);
    else {
      await enqueueJob(tx, { type: 'library.publish', payload: { versionId: version.id }, runAt: publishAt });
    }
    await writeAudit(tx, {
      action: 'library_publish',
      actorId: actor.id,
      targetType: 'library_material',
      targetId: materialId,
      ip: meta.ip,
      details: { version: version.number, publishAt: publishAt.toISOString() },
    });
    return { ok: true as const, number: version.number, live };
  });
  return result;
}

async function makeLive(tx: Tx, versionId: string, now: Date) {
  // The row lock taken here decides: of two instances publishing the same version, one wins.
  const claimed = await tx.libraryVersion.updateMany({
    where: { id: versionId, publishedAt: null },
    data: { publishedAt: now },
  });
  if (!claimed.count) return;
  const version = await tx.libraryVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { materialId: true, number: true, title: true, summary: true },
  });
  const material = await tx.libraryMaterial.findUniqueOrThrow({
    where: { id: version.materialId },
    select: { status: true },
  });
  await tx.libraryMaterial.update({
    where: { id: version.materialId },
    data: {
      liveVersionId: versionId,
      liveNumber: version.number,
      title: version.title,
      summary: version.summary,
      publishedAt: now,
      // An archived material stays archived; its newer text waits there for a restore.
      ...(material.status === 'archived' ? {} : { status: 'published' }),
    },
  });
  await reindexMaterial(tx, version.materialId);
}

/** Makes every scheduled version whose time has come live; safe to run any number of times. */
export async function publishDueVersions(now = new Date()) {
  const due = await db.libraryVersion.findMany({
    where: { publishedAt: null, publishAt: { lte: now } },
    select: { id: true },
    orderBy: { publishAt: 'asc' },
  });
  for (const { id } of due) {
    await db.$transaction((tx) => makeLive(tx, id, now));
  }
  return due.length;
}
