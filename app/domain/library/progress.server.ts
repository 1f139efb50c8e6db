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
