import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { TIME_ZONE } from '~/i18n/config';
import { readableWhere } from './access.server';

// What a reader has done with materials: views (one per reader and Helsinki day, for the
// trainers' figures and "most used"), and "done" marks, which remember the version read.

/** One statement: the first view of the day adds a row and bumps the count; reloads do nothing. */
export async function recordView(viewer: AuthUser, materialId: string) {
  await db.$executeRaw`
    WITH added AS (
      INSERT INTO library_view (material_id, user_id, day, organisation_id)
      VALUES (${materialId}::uuid, ${viewer.id}::uuid, (now() AT TIME ZONE ${TIME_ZONE})::date, ${viewer.organisationId}::uuid)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    UPDATE library_material SET view_count = view_count + 1
    WHERE id = ${materialId}::uuid AND EXISTS (SELECT 1 FROM added)`;
}

/** Marks the live version read; marking again after an update records the newer version. */
export async function markDone(viewer: AuthUser, materialId: string) {
  return db.$transaction(async (tx) => {
    const material = await tx.libraryMaterial.findFirst({
      where: { id: materialId, status: 'published', ...readableWhere(viewer) },
      select: { liveNumber: true },
    });
    if (!material || !material.liveNumber) return false;
    const existing = await tx.libraryCompletion.findUnique({
      where: { userId_materialId: { userId: viewer.id, materialId } },
      select: { versionNumber: true },
    });
    if (existing) {
      await tx.libraryCompletion.update({
        where: { userId_materialId: { userId: viewer.id, materialId } },
        data: { versionNumber: material.liveNumber, completedAt: new Date() },
      });
    } else {
      await tx.libraryCompletion.create({
        data: { userId: viewer.id, materialId, versionNumber: material.liveNumber },
      });
      await tx.libraryMaterial.update({
        where: { id: materialId },
        data: { completionCount: { increment: 1 } },
      });
    }
    return true;
  });
}

export async function unmarkDone(viewer: AuthUser, materialId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.libraryCompletion.deleteMany({ where: { userId: viewer.id, materialId } });
    if (count) {
      await tx.libraryMaterial.update({
        where: { id: materialId },
        data: { completionCount: { decrement: count } },
      });
    }
  });
}

/** Materials the reader finished that have a newer version since: for their home page. */
export async function updatedSinceRead(viewer: AuthUser, take = 10) {
  const rows = await db.$queryRaw<
    { slug: string; title: string; published_at: Date; version_number: number; live_number: number }[]
  >`
    SELECT m.slug, m.title, m.published_at, c.version_number, m.live_number
    FROM library_completion c JOIN library_material m ON m.id = c.material_id
    WHERE c.user_id = ${viewer.id}::uuid AND m.live_number > c.version_number AND m.status = 'published'
    ORDER BY m.published_at DESC LIMIT ${take}::int`;
  // The audience may have changed since they read it: check it the one way it is checked.
  const readable = new Set(
    (
      await db.libraryMaterial.findMany({
        where: { slug: { in: rows.map((r) => r.slug) }, ...readableWhere(viewer) },
        select: { slug: true },
      })
    ).map((m) => m.slug),
  );
  return rows
    .filter((r) => readable.has(r.slug))
    .map((r) => ({ slug: r.slug, title: r.title, publishedAt: r.published_at, liveNumber: r.live_number }));
}
