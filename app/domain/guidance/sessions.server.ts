import { Prisma } from '~/generated/prisma/client';
import { part, readTogether } from '~/db/read-together.server';
import { isUniqueViolation } from '~/db/errors.server';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate } from '~/utils/calendar-days';
import type { FieldErrors } from '~/utils/forms';
import { isUuid } from '~/utils/ids';
import { EDITABLE_DAYS, OLDEST_DAYS, SESSION_LANGUAGES } from './constants';
import { newFeedbackCode } from './feedback-link.server';
// The dashboards are kept briefly; a change here must show on the next view.
import { forgetDashboards } from '~/domain/reports/dashboard-cache.server';
import type { GuidanceInput } from './schema.server';
import { NOT_FOUND, type Result } from '~/utils/result';
import { placesPart, type PlaceChoice } from '~/domain/support-points/place-choices.server';

// The guidance log: an adviser's own entries. Nothing here names the resident; the only free
// text (where they were referred, a note) is the adviser's, and the form warns against names.

export type SaveResult = Result<{ id: string }>;

/** The dates a session may have: from OLDEST_DAYS ago to today. */
export function dateBounds() {
  const today = helsinkiToday();
  return { today, earliest: addDays(today, -OLDEST_DAYS) };
}

const editableSince = () => new Date(Date.now() - EDITABLE_DAYS * 86_400_000);

/** The checks that need the database or the clock; the schema did the rest. */
async function validate(input: GuidanceInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const today = helsinkiToday();
  if (input.date > today) errors.date = { key: 'reports:errors.future' };
  else if (input.date < addDays(today, -OLDEST_DAYS))
    errors.date = { key: 'reports:errors.tooOld', values: { days: OLDEST_DAYS } };
  if (input.supportPointId || input.eserviceId) {
    // One round trip for both (logging is the busiest write in the area).
    const [found] = await db.$queryRaw<{ point: boolean | null; service: boolean | null }[]>`
      SELECT (SELECT true FROM support_point WHERE id = ${input.supportPointId ?? null}::uuid AND active) AS point,
             (SELECT true FROM eservice WHERE id = ${input.eserviceId ?? null}::uuid) AS service`;
    if (input.supportPointId && !found?.point)
      errors.supportPointId = { key: 'reports:errors.unknownSupportPoint' };
    if (input.eserviceId && !found?.service) errors.eserviceId = { key: 'reports:errors.unknownEService' };
  }
  return errors;
}

function columns(input: GuidanceInput) {
  return {
    date: dayDate(input.date),
    supportPointId: input.supportPointId ?? null,
    eserviceId: input.eserviceId ?? null,
    device: input.device,
    topics: input.topics,
    channel: input.channel,
    serviceLevel: input.serviceLevel,
    durationMinutes: input.durationMinutes,
    language: input.language,
    ageGroup: input.ageGroup ?? null,
    outcome: input.outcome,
    referredTo: input.outcome === 'referred' ? input.referredTo : '',
    note: input.note,
  };
}

async function byKey(adviserId: string, idempotencyKey: string) {
  return db.guidanceSession.findUnique({
    where: { adviserId_idempotencyKey: { adviserId, idempotencyKey } },
    select: { id: true },
  });
}

/**
 * Logs a session once per form: the key the form was shown with makes a double tap, a retry
 * after a lost answer, or two racing requests return the same entry instead of a second one.
 * The insert itself finds out (the unique key), so a first submit costs no extra lookup.
 */
export async function logSession(adviser: AuthUser, input: GuidanceInput): Promise<SaveResult> {
  const errors = await validate(input);
  if (Object.keys(errors).length) {
    // Saved already (an answer lost on the way back) before, say, midnight made its date old?
    const saved = await byKey(adviser.id, input.idempotencyKey);
    return saved ? { ok: true, id: saved.id } : { ok: false, errors };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const saved = await db.guidanceSession.create({
        data: {
          ...columns(input),
          adviserId: adviser.id,
          organisationId: adviser.organisationId,
          idempotencyKey: input.idempotencyKey,
          feedbackCode: newFeedbackCode(),
        },
        select: { id: true },
      });
      forgetDashboards();
      return { ok: true, id: saved.id };
    } catch (error) {
      if (isUniqueViolation(error, 'guidance_session_adviser_id_idempotency_key_key')) {
        const raced = await byKey(adviser.id, input.idempotencyKey);
        if (raced) return { ok: true, id: raced.id };
      }
      // A feedback code drawn twice (once in ~10^11): draw again.
      if (attempt < 3 && isUniqueViolation(error, 'guidance_session_feedback_code_key')) continue;
      throw error;
    }
  }
}

/** An entry its adviser may still correct: their own, made in the last 14 days. */
function editableWhere(adviser: AuthUser, id: string) {
  return { id, adviserId: adviser.id, createdAt: { gte: editableSince() } };
}

export async function updateSession(
  adviser: AuthUser,
  id: string,
  input: GuidanceInput,
): Promise<SaveResult> {
  if (!isUuid(id)) return NOT_FOUND;
  const own = await db.guidanceSession.findFirst({ where: editableWhere(adviser, id), select: { id: true } });
  if (!own) return NOT_FOUND;
  const errors = await validate(input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const data = columns(input);
  await db.$transaction(async (tx) => {
    await tx.guidanceSession.update({ where: { id }, data, select: { id: true } });
    // The resident's answer is counted where the session is.
    await tx.residentFeedback.updateMany({
      where: { sessionId: id },
      data: { supportPointId: data.supportPointId, eserviceId: data.eserviceId, date: data.date },
    });
  });
  forgetDashboards();
  return { ok: true, id };
}

export async function deleteSession(adviser: AuthUser, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { count } = await db.guidanceSession.deleteMany({ where: editableWhere(adviser, id) });
  if (count) forgetDashboards();
  return count > 0;
}

/** An entry as the log lists it and corrects it. */
export type SessionEntry = {
  id: string;
  date: Date;
  device: string;
  topics: string[];
  channel: string;
  serviceLevel: number;
  durationMinutes: number;
  language: string;
  ageGroup: string | null;
  outcome: string;
  referredTo: string;
  note: string;
  feedbackCode: string;
  createdAt: Date;
  supportPointId: string | null;
  eserviceId: string | null;
  supportPoint: { name: string } | null;
  eservice: { slug: string; nameFi: string; nameSv: string; nameEn: string } | null;
  feedback: { rating: number } | null;
};

type EntryRow = Omit<SessionEntry, 'date' | 'createdAt'> & { date: string; createdAt: string };

/**
 * The adviser's entries they can still correct (`only`: one of them), newest first: a
 * readTogether part. Raw, with its place, e-service and resident's answer: as a Prisma query
 * with three relations, compiling it was a quarter of the log page's server CPU in a profile.
 */
function editableEntries(adviser: AuthUser, only?: string) {
  return part(
    Prisma.sql`
      SELECT g.id, g.date, g.device, g.topics, g.channel, g.service_level AS "serviceLevel",
        g.duration_minutes AS "durationMinutes", g.language, g.age_group AS "ageGroup", g.outcome,
        g.referred_to AS "referredTo", g.note, g.feedback_code AS "feedbackCode", g.created_at AS "createdAt",
        g.support_point_id AS "supportPointId", g.eservice_id AS "eserviceId",
        CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('name', p.name) END AS "supportPoint",
        CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('slug', s.slug, 'nameFi', s.name_fi,
          'nameSv', s.name_sv, 'nameEn', s.name_en) END AS eservice,
        CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('rating', f.rating) END AS feedback
      FROM guidance_session g
      LEFT JOIN support_point p ON p.id = g.support_point_id
      LEFT JOIN eservice s ON s.id = g.eservice_id
      LEFT JOIN resident_feedback f ON f.session_id = g.id
      WHERE g.adviser_id = ${adviser.id}::uuid AND g.created_at >= ${editableSince()}
        ${only ? Prisma.sql`AND g.id = ${only}::uuid` : Prisma.empty}
      ORDER BY g.created_at DESC
      LIMIT 200`,
    Prisma.sql`r."createdAt" DESC`,
    (rows: EntryRow[]): SessionEntry[] =>
      rows.map((r) => ({ ...r, date: dayDate(r.date), createdAt: new Date(r.createdAt) })),
  );
}

export async function findEditableSession(adviser: AuthUser, id: string): Promise<SessionEntry | null> {
  if (!isUuid(id)) return null;
  const [entries] = await readTogether(editableEntries(adviser, id));
  return entries[0] ?? null;
}

/** An adviser's own session, at any age: to file field feedback from it. */
export function findOwnSession(adviser: AuthUser, id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return db.guidanceSession.findFirst({
    where: { id, adviserId: adviser.id },
    select: { id: true, date: true, device: true, eserviceId: true },
  });
}

/**
 * What a new entry starts from: the adviser's last entry's place, language, channel and level;
 * without one, their first usual place and their own language. A readTogether part.
 */
function entryDefaults(adviser: AuthUser) {
  const me = Prisma.sql`${adviser.id}::uuid`;
  return part(
    Prisma.sql`
      SELECT 0 AS source, l.support_point_id AS "supportPointId", l.language, l.channel,
        l.service_level AS "serviceLevel"
      FROM (SELECT * FROM guidance_session WHERE adviser_id = ${me} ORDER BY created_at DESC LIMIT 1) l
      UNION ALL
      SELECT 1, up.support_point_id, NULL, NULL, NULL
      FROM (SELECT up.support_point_id FROM user_support_point up
            JOIN support_point p ON p.id = up.support_point_id AND p.active
            WHERE up.user_id = ${me} ORDER BY p.name LIMIT 1) up`,
    Prisma.sql`r.source`,
    (
      rows: {
        source: number;
        supportPointId: string | null;
        language: string;
        channel: string;
        serviceLevel: number;
      }[],
    ) => {
      const [first] = rows;
      if (first?.source === 0) {
        return {
          supportPointId: first.supportPointId ?? '',
          language: first.language,
          channel: first.channel,
          serviceLevel: String(first.serviceLevel),
        };
      }
      return {
        supportPointId: first?.supportPointId ?? '',
        language: (SESSION_LANGUAGES as readonly string[]).includes(adviser.locale) ? adviser.locale : 'fi',
        channel: 'support_point',
        // The usual case at a support point: the resident does it, the adviser shows how.
        serviceLevel: '1',
      };
    },
  );
}

/**
 * The log page's data in one statement: where a new entry starts from, the form's choices
 * (placesPart: `chosen` places listed whatever the network's size) and the entries the adviser
 * can still correct.
 */
export async function logPageData(adviser: AuthUser, language: string, chosen: string[]) {
  const [defaults, places, services, recent] = await readTogether(
    entryDefaults(adviser),
    placesPart(adviser, chosen),
    eservicesPart(language),
    editableEntries(adviser),
  );
  return { defaults, choices: { ...logPlaces(places), services }, recent };
}

/** The form's places (placesPart) as its select lists them. */
function logPlaces({ places, shortened }: { places: PlaceChoice[]; shortened: boolean }) {
  return { points: places.map(({ id, name }) => ({ id, name })), pointsShortened: shortened };
}

/** The e-services not retired, named and sorted in the reader's language: a readTogether part. */
function eservicesPart(language: string) {
  return part(
    Prisma.sql`SELECT s.id, s.name_fi AS "nameFi", s.name_sv AS "nameSv", s.name_en AS "nameEn"
      FROM eservice s WHERE s.status <> 'retired'`,
    Prisma.sql`r."nameFi", r.id`,
    (rows: { id: string; nameFi: string; nameSv: string; nameEn: string }[]) =>
      rows
        .map((s) => ({ id: s.id, name: eserviceName(s, language) }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
  );
}

/**
 * The log form's choices: support points (placesPart) and e-services, in one raw statement (as
 * two Prisma queries, compiling them and shaping the 1,500 points of the national data was a
 * tenth of a dashboard's server CPU in a profile). `chosen`: places to list whatever the size.
 */
export async function entryChoices(adviser: AuthUser, language: string, chosen: string[] = []) {
  const [places, services] = await readTogether(placesPart(adviser, chosen), eservicesPart(language));
  return { ...logPlaces(places), services };
}

/** The e-services a dashboard can be filtered by (its places come from dashboardPoints). */
export async function eserviceChoices(language: string) {
  const [services] = await readTogether(eservicesPart(language));
  return services;
}

/** An entry as the log's list shows it, names in the reader's language. */
export function listItem(entry: SessionEntry, language: string) {
  const service = entry.eservice;
  return {
    id: entry.id,
    date: entry.date.toISOString().slice(0, 10),
    device: entry.device,
    topics: entry.topics,
    outcome: entry.outcome,
    durationMinutes: entry.durationMinutes,
    supportPointName: entry.supportPoint?.name ?? null,
    eservice: service ? { slug: service.slug, name: eserviceName(service, language) } : null,
    rating: entry.feedback?.rating ?? null,
  };
}

/** An entry's stored answers as the form's values. */
export function formValuesOf(entry: SessionEntry) {
  return {
    date: entry.date.toISOString().slice(0, 10),
    supportPointId: entry.supportPointId ?? '',
    eserviceId: entry.eserviceId ?? '',
    device: entry.device,
    topics: entry.topics,
    channel: entry.channel,
    serviceLevel: String(entry.serviceLevel),
    durationMinutes: String(entry.durationMinutes),
    language: entry.language,
    ageGroup: entry.ageGroup ?? '',
    outcome: entry.outcome,
    referredTo: entry.referredTo,
    note: entry.note,
  };
}
