import type { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { db, type Tx } from '~/db.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { audienceErrors } from '~/domain/members/audience.server';
import { enqueueJob } from '~/domain/jobs/queue.server';
import { materialBody, renderMaterial, storedDoc } from '~/domain/library/body.server';
import { helsinkiDateTime } from '~/i18n/format';
import type { FieldErrors } from '~/utils/forms';
import { canWriteFor } from './access.server';
import type { BriefingInput } from './schema.server';
import { reindexBriefing } from './search-index.server';
import type { Result } from '~/utils/result';

// Writing and publishing briefings. The working copy is saved as often as the writer likes;
// publishing makes it the next numbered version, which readers see. The first publish tells the
// audience; a revision tells those who had read an earlier version.

type Saved = Result<{ id: string }>;

async function check(actor: AuthUser, input: BriefingInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!(await canWriteFor(actor, input.eserviceId))) errors.eserviceId = { key: 'briefings:errors.eservice' };
  Object.assign(errors, await audienceErrors(input, 'briefings'));
  if (input.eventId && !(await db.event.findUnique({ where: { id: input.eventId }, select: { id: true } })))
    errors.eventId = { key: 'briefings:errors.event' };
  return errors;
}

function columns(input: BriefingInput) {
  return {
    eserviceId: input.eserviceId,
    eventId: input.eventId ?? null,
    language: input.language,
    title: input.title,
    forWhom: input.forWhom,
    body: materialBody(input) as unknown as Prisma.InputJsonValue,
    knownProblems: input.knownProblems,
    adviceToResidents: input.adviceToResidents,
    launchAt: helsinkiDateTime(input.launchAt),
    audience: input.audience,
    audienceOrgIds: input.audience === 'organisations' ? [...new Set(input.audienceOrgIds)] : [],
    audienceRoles: input.audience === 'roles' ? [...new Set(input.audienceRoles)] : [],
  };
}

export async function createBriefing(
  actor: AuthUser,
  input: BriefingInput,
  meta: RequestMeta,
): Promise<Saved> {
  const errors = await check(actor, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const id = await db.$transaction(async (tx) => {
    const briefing = await tx.briefing.create({
      data: { ...columns(input), createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: 'briefing_create',
      actorId: actor.id,
      targetType: 'briefing',
      targetId: briefing.id,
      ip: meta.ip,
    });
    return briefing.id;
  });
  return { ok: true, id };
}

/** Saves the working copy; readers keep seeing the live version until the next publish. */
export async function saveBriefing(
  actor: AuthUser,
  briefingId: string,
  input: BriefingInput,
  meta: RequestMeta,
): Promise<Saved> {
  const errors = await check(actor, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  await db.$transaction(async (tx) => {
    await tx.briefing.update({ where: { id: briefingId }, data: columns(input) });
    // Audience and launch time take effect at once, also for the live version.
    await reindexBriefing(tx, briefingId);
    await scheduleLaunch(tx, briefingId);
    await writeAudit(tx, {
      action: 'briefing_update',
      actorId: actor.id,
      targetType: 'briefing',
      targetId: briefingId,
      ip: meta.ip,
    });
  });
  return { ok: true, id: briefingId };
}

/** At the launch the search row gains the text (it holds only the title while confidential). */
async function scheduleLaunch(tx: Tx, briefingId: string) {
  const { launchAt, status } = await tx.briefing.findUniqueOrThrow({
    where: { id: briefingId },
    select: { launchAt: true, status: true },
  });
  if (status !== 'published' || launchAt <= new Date()) return;
  await enqueueJob(tx, {
    type: 'briefings.launch',
    payload: { briefingId },
    runAt: launchAt,
  });
}

export type PublishResult = Result<{ number: number }>;

export async function publishBriefing(
  actor: AuthUser,
  briefingId: string,
  changeNote: string,
  meta: RequestMeta,
): Promise<PublishResult> {
  return db.$transaction(async (tx) => {
    // Locked: two publishes at once must not both become version N + 1.
    await tx.$queryRaw`SELECT id FROM briefing WHERE id = ${briefingId}::uuid FOR UPDATE`;
    const b = await tx.briefing.findUniqueOrThrow({ where: { id: briefingId } });
    if (b.liveNumber > 0 && !changeNote) {
      return { ok: false as const, errors: { changeNote: { key: 'briefings:errors.changeNote' } } };
    }
    const { html, text, imageIds } = renderMaterial(storedDoc(b.body));
    const number = b.liveNumber + 1;
    await tx.briefingVersion.create({
      data: {
        briefingId,
        number,
        title: b.title,
        forWhom: b.forWhom,
        bodyHtml: html,
        bodyText: text,
        knownProblems: b.knownProblems,
        adviceToResidents: b.adviceToResidents,
        imageIds,
        changeNote,
        publishedById: actor.id,
      },
    });
    await tx.briefing.update({
      where: { id: briefingId },
      data: { liveNumber: number, status: 'published', publishedAt: b.publishedAt ?? new Date() },
    });
    await reindexBriefing(tx, briefingId);
    await scheduleLaunch(tx, briefingId);
    // Telling 10,000 members is a job (in batches), not part of the writer's request.
    await enqueueJob(tx, {
      type: 'briefings.announce',
      payload: {
        briefingId,
        number,
        kind: number === 1 ? 'published' : 'updated',
        actorName: actor.name,
      },
    });
    await writeAudit(tx, {
      action: 'briefing_publish',
      actorId: actor.id,
      targetType: 'briefing',
      targetId: briefingId,
      ip: meta.ip,
      details: { number },
    });
    return { ok: true as const, number };
  });
}
