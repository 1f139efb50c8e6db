import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { removeDocument } from '~/domain/search/search.server';
import { materialBody, renderMaterial } from './body.server';
import { removeUnlinkedFiles, syncInlineImages } from './files.server';
import type { MaterialInput } from './schema.server';
import { LIBRARY_KIND, reindexMaterial } from './search-index.server';
import { uniqueSlug } from './slug.server';
import { NOT_FOUND, type Result } from '~/utils/result';

// Creating and editing the working copy of a material. Trainers' permission is checked by the
// route (library:manage); these commands check what depends on the data.

type Saved = Result<{ slug: string }>;

async function unknownOrganisations(ids: string[]) {
  if (!ids.length) return false;
  const found = await db.organisation.count({ where: { id: { in: ids } } });
  return found !== new Set(ids).size;
}

function catalogueFields(input: MaterialInput) {
  return {
    type: input.type,
    level: input.level ?? null,
    deviceTags: input.deviceTags,
    topicTags: input.topicTags,
    eserviceTags: input.eserviceTags,
    audience: input.audience,
    audienceOrgIds: input.audience === 'organisations' ? [...new Set(input.audienceOrgIds)] : [],
  };
}

function draftFields(input: MaterialInput) {
  const doc = materialBody(input);
  return {
    doc,
    data: {
      draftTitle: input.title,
      draftSummary: input.summary,
      draftBody: doc as unknown as Prisma.InputJsonValue,
      draftLinks: input.videoLinks as unknown as Prisma.InputJsonValue,
      draftChanged: true,
    },
  };
}

export type NewMaterial = MaterialInput & {
  language: string;
  /** Another language of this material: the new one joins its group and copies its files. */
  translationOf?: string;
  sourcePostId?: string;
};

export async function createMaterial(actor: AuthUser, input: NewMaterial): Promise<Saved> {
  if (await unknownOrganisations(input.audienceOrgIds)) {
    return { ok: false, errors: { audienceOrgIds: { key: 'library:errors.audienceOrgs' } } };
  }
  return db.$transaction(async (tx) => {
    let groupId: string;
    let sourceFiles: { uploadId: string; position: number }[] = [];
    if (input.translationOf) {
      const source = await tx.libraryMaterial.findUnique({
        where: { id: input.translationOf },
        select: {
          groupId: true,
          files: { where: { versionId: null, inline: false }, select: { uploadId: true, position: true } },
        },
      });
      if (!source) return { ok: false as const, errors: { language: { key: 'validation.invalid' } } };
      const taken = await tx.libraryMaterial.findFirst({
        where: { groupId: source.groupId, language: input.language },
        select: { id: true },
      });
      if (taken)
        return { ok: false as const, errors: { language: { key: 'library:errors.translationExists' } } };
      groupId = source.groupId;
      sourceFiles = source.files;
    } else {
      groupId = (await tx.libraryGroup.create({ data: {}, select: { id: true } })).id;
    }
    let source: { sourceThreadId: string; sourcePostId: string } | object = {};
    if (input.sourcePostId) {
      const post = await tx.forumPost.findUnique({
        where: { id: input.sourcePostId },
        select: { threadId: true },
      });
      if (post) source = { sourceThreadId: post.threadId, sourcePostId: input.sourcePostId };
    }
    const { doc, data } = draftFields(input);
    const material = await tx.libraryMaterial.create({
      data: {
        groupId,
        slug: await uniqueSlug(tx, input.title, input.language),
        language: input.language,
        title: input.title,
        summary: input.summary,
        ...data,
        ...catalogueFields(input),
        ...source,
        createdById: actor.id,
      },
      select: { id: true, slug: true },
    });
    if (sourceFiles.length) {
      await tx.libraryFileLink.createMany({
        data: sourceFiles.map((f) => ({
          uploadId: f.uploadId,
          position: f.position,
          materialId: material.id,
        })),
      });
    }
    await syncInlineImages(tx, material.id, renderMaterial(doc).imageIds);
    return { ok: true as const, slug: material.slug };
  });
}

export async function updateMaterial(materialId: string, input: MaterialInput): Promise<Saved> {
  if (await unknownOrganisations(input.audienceOrgIds)) {
    return { ok: false, errors: { audienceOrgIds: { key: 'library:errors.audienceOrgs' } } };
  }
  const { doc, data } = draftFields(input);
  const { slug, dropped } = await db.$transaction(async (tx) => {
    const material = await tx.libraryMaterial.update({
      where: { id: materialId },
      // Tags and audience are facts about the material, not its text: they apply at once.
      data: { ...data, ...catalogueFields(input) },
      select: { slug: true },
    });
    const removed = await syncInlineImages(tx, materialId, renderMaterial(doc).imageIds);
    await reindexMaterial(tx, materialId);
    return { slug: material.slug, dropped: removed };
  });
  await removeUnlinkedFiles(dropped);
  return { ok: true, slug };
}

export async function setArchived(actor: AuthUser, materialId: string, archived: boolean, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const material = await tx.libraryMaterial.findUniqueOrThrow({
      where: { id: materialId },
      select: { liveVersionId: true, versions: { where: { publishedAt: null }, select: { id: true } } },
    });
    const status = archived
      ? 'archived'
      : material.liveVersionId
        ? 'published'
        : material.versions.length
          ? 'scheduled'
          : 'draft';
    await tx.libraryMaterial.update({ where: { id: materialId }, data: { status } });
    await reindexMaterial(tx, materialId);
    await writeAudit(tx, {
      action: archived ? 'library_archive' : 'library_unarchive',
      actorId: actor.id,
      targetType: 'library_material',
      targetId: materialId,
      ip: meta.ip,
    });
  });
}

/** Deletes a material and its versions; files its translations still use stay. */
export async function deleteMaterial(actor: AuthUser, materialId: string, meta: RequestMeta) {
  const uploadIds = await db.$transaction(async (tx) => {
    const material = await tx.libraryMaterial.findUniqueOrThrow({
      where: { id: materialId },
      select: { groupId: true, slug: true, draftTitle: true, files: { select: { uploadId: true } } },
    });
    // The live pointer goes first: the version it names is deleted with the material.
    await tx.libraryMaterial.update({ where: { id: materialId }, data: { liveVersionId: null } });
    await tx.libraryMaterial.delete({ where: { id: materialId } });
    const left = await tx.libraryMaterial.count({ where: { groupId: material.groupId } });
    if (!left) await tx.libraryGroup.delete({ where: { id: material.groupId } });
    await removeDocument(tx, LIBRARY_KIND, materialId);
    await writeAudit(tx, {
      action: 'library_delete',
      actorId: actor.id,
      targetType: 'library_material',
      targetId: materialId,
      ip: meta.ip,
      details: { slug: material.slug, title: material.draftTitle },
    });
    return [...new Set(material.files.map((f) => f.uploadId))];
  });
  await removeUnlinkedFiles(uploadIds);
}

/** A trainer lifts a forum answer into a new draft; the draft remembers the thread. */
export async function promoteForumPost(actor: AuthUser, postId: string): Promise<Saved> {
  const post = await db.forumPost.findFirst({
    where: { id: postId, hiddenAt: null, deletedAt: null, thread: { hiddenAt: null } },
    select: { bodyJson: true, thread: { select: { title: true, language: true } } },
  });
  if (!post) return NOT_FOUND;
  return createMaterial(actor, {
    title: post.thread.title.slice(0, 200),
    summary: '',
    body: JSON.stringify(post.bodyJson),
    type: 'guide',
    level: undefined,
    deviceTags: [],
    topicTags: [],
    eserviceTags: [],
    audience: 'all',
    audienceOrgIds: [],
    videoLinks: [],
    language: post.thread.language,
    sourcePostId: postId,
  });
}
