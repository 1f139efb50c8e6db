import type { AuthUser } from '~/auth/guards.server';
import type { RequestMeta } from '~/auth/request-meta.server';
import { Prisma } from '~/generated/prisma/client';
import { db } from '~/db.server';
import { part, type Part } from '~/db/read-together.server';
import { writeAudit } from '~/domain/audit/audit.server';
import { helsinkiToday } from '~/i18n/format';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { ROSTER_DAYS_SHOWN } from './constants';
import { addDays, dayDate } from '~/utils/calendar-days';
import { RULE_COLUMNS, ruleOf, slotDates, slotTimes } from './recurrence';
import type { SlotInput } from './schema.server';
import { forgetPublicRoster } from './public.server';

// Help slots (issue 17, ADR 030): when residents can get help at a support point, how many
// advisers it needs and which organisation staffs it. Coordinators keep every point's slots;
// an org admin keeps the slots their organisation staffs.

/** Whether the member may add or change a slot staffed by `organisationId`. */
export function mayManageSlot(user: AuthUser, organisationId: string | null): boolean {
  const scope = user.permissions['roster:manage'];
  return scope === 'all' || (scope === 'organisation' && organisationId === user.organisationId);
}

/** Whether the member may add slots at all (to a point, for some organisation). */
export const mayAddSlots = (user: AuthUser) => Boolean(user.permissions['roster:manage']);

const slotSelect = {
  id: true,
  supportPointId: true,
  organisationId: true,
  ...RULE_COLUMNS,
  languages: true,
  topics: true,
  needed: true,
  createdById: true,
  organisation: { select: { name: true } },
} as const;

export async function findSlot(id: string) {
  return db.helpSlot.findUnique({ where: { id }, select: slotSelect });
}

/** A slot as its form shows it. */
export function slotFormValues(slot: NonNullable<Awaited<ReturnType<typeof findSlot>>>) {
  const rule = ruleOf(slot);
  return {
    weekdays: rule.weekdays.map(String),
    startsAt: rule.startsAt,
    endsAt: rule.endsAt,
    validFrom: rule.validFrom,
    validUntil: rule.validUntil ?? '',
    exceptions: rule.exceptions.join('\n'),
    languages: slot.languages,
    topics: slot.topics,
    needed: String(slot.needed),
    organisationId: slot.organisationId ?? '',
  };
}

/** Adds (no `slotId`) or changes a slot at a point; audited. */
export async function saveSlot(
  actor: AuthUser,
  pointId: string,
  slotId: string | null,
  input: SlotInput,
  meta: RequestMeta,
): Promise<Result<{ id: string }>> {
  const organisationId = input.organisationId ?? null;
  if (slotId) {
    const before = await db.helpSlot.findUnique({
      where: { id: slotId },
      select: { supportPointId: true, organisationId: true },
    });
    if (!before || before.supportPointId !== pointId || !mayManageSlot(actor, before.organisationId))
      return NOT_FOUND;
  }
  if (!mayManageSlot(actor, organisationId))
    return refuse('roster:errors.notYourOrganisation', { field: 'organisationId', status: 403 });
  if (
    organisationId &&
    !(await db.organisation.findFirst({ where: { id: organisationId, active: true }, select: { id: true } }))
  )
    return refuse('validation.invalid', { field: 'organisationId' });
  const data = {
    organisationId,
    weekdays: input.weekdays,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    validFrom: dayDate(input.validFrom),
    validUntil: input.validUntil ? dayDate(input.validUntil) : null,
    exceptions: input.exceptions.map(dayDate),
    languages: input.languages,
    topics: input.topics,
    needed: input.needed,
  };
  const id = await db.$transaction(async (tx) => {
    const saved = slotId
      ? await tx.helpSlot.update({ where: { id: slotId }, data, select: { id: true } })
      : await tx.helpSlot.create({
          data: { ...data, supportPointId: pointId, createdById: actor.id },
          select: { id: true },
        });
    await writeAudit(tx, {
      action: slotId ? 'help_slot_update' : 'help_slot_create',
      actorId: actor.id,
      targetType: 'help_slot',
      targetId: saved.id,
      organisationId: organisationId ?? undefined,
      ip: meta.ip,
      details: { pointId, weekdays: input.weekdays, startsAt: input.startsAt, needed: input.needed },
    });
    return saved.id;
  });
  forgetPublicRoster();
  return { ok: true, id };
}

export type Occurrence = {
  slotId: string;
  date: string;
  start: Date;
  end: Date;
  startsAt: string;
  endsAt: string;
  languages: string[];
  topics: string[];
  needed: number;
  organisation: string | null;
  advisers: { id: string; name: string }[];
  mayManage: boolean;
};

type RosterSlotRow = {
  id: string;
  organisationId: string | null;
  organisation: string | null;
  weekdays: number[];
  startsAt: string;
  endsAt: string;
  validFrom: string;
  validUntil: string | null;
  exceptions: string[];
  languages: string[];
  topics: string[];
  needed: number;
  /** Live shifts in the period, first signed up first. */
  shifts: { date: string; id: string; name: string }[];
};

/**
 * A point's help times from today for `days` days, each with who has signed up, as a part of a
 * page's one statement (`readTogether`): `pointId` is an SQL expression for the point's id, so a
 * page that finds its point by address asks in one go.
 */
export function pointRosterPart(
  viewer: AuthUser,
  pointId: Prisma.Sql,
  days = ROSTER_DAYS_SHOWN,
  now = new Date(),
): Part<Occurrence[]> {
  const today = helsinkiToday(now);
  const last = addDays(today, days - 1);
  return part<RosterSlotRow, Occurrence[]>(
    Prisma.sql`
      SELECT h.id, h.organisation_id AS "organisationId", o.name AS organisation, h.weekdays,
        h.starts_at AS "startsAt", h.ends_at AS "endsAt",
        to_char(h.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(h.valid_until, 'YYYY-MM-DD') AS "validUntil",
        ARRAY(SELECT to_char(x, 'YYYY-MM-DD') FROM unnest(h.exceptions) AS x) AS exceptions,
        h.languages, h.topics, h.needed,
        (SELECT coalesce(json_agg(json_build_object('date', to_char(s.date, 'YYYY-MM-DD'), 'id', u.id, 'name', u.name)
                 ORDER BY s.created_at, s.id), '[]'::json)
         FROM shift s JOIN app_user u ON u.id = s.user_id
         WHERE s.slot_id = h.id AND s.cancelled_at IS NULL AND s.date BETWEEN ${today}::date AND ${last}::date) AS shifts
      FROM help_slot h
      LEFT JOIN organisation o ON o.id = h.organisation_id
      WHERE h.support_point_id = ${pointId} AND h.valid_from <= ${last}::date
        AND (h.valid_until IS NULL OR h.valid_until >= ${today}::date)`,
    Prisma.sql`r.id`,
    (slots) =>
      slots
        .flatMap((slot) =>
          slotDates(slot, today, last).map((date): Occurrence => ({
            slotId: slot.id,
            date,
            ...slotTimes(slot, date),
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            languages: slot.languages,
            topics: slot.topics,
            needed: slot.needed,
            organisation: slot.organisation,
            advisers: slot.shifts.filter((s) => s.date === date).map(({ id, name }) => ({ id, name })),
            mayManage: mayManageSlot(viewer, slot.organisationId),
          })),
        )
        // Today's times that are over are no use to anyone.
        .filter((o) => o.end > now)
        .sort((a, b) => a.start.getTime() - b.start.getTime()),
  );
}

/** The organisations a member may put in charge of a slot: all for coordinators, else their own. */
export async function slotOrganisations(user: AuthUser) {
  const all = await db.organisation.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  return user.permissions['roster:manage'] === 'all' ? all : all.filter((o) => o.id === user.organisationId);
}

/** A new slot's form: the point's languages, its host (or the org admin's own organisation). */
export function newSlotValues(
  user: AuthUser,
  point: { languages: string[]; hostOrganisationId: string | null },
  today = helsinkiToday(),
) {
  return {
    weekdays: [] as string[],
    startsAt: '10:00',
    endsAt: '12:00',
    validFrom: today,
    validUntil: '',
    exceptions: '',
    languages: point.languages,
    topics: [] as string[],
    needed: '2',
    organisationId:
      user.permissions['roster:manage'] === 'all' ? (point.hostOrganisationId ?? '') : user.organisationId,
  };
}
