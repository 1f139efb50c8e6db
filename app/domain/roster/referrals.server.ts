import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { hitLimit, tooMany } from '~/auth/limits.server';
import { db } from '~/db.server';
import { part, readTogether } from '~/db/read-together.server';
import { placesPart } from '~/domain/support-points/place-choices.server';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';
import { eserviceName } from '~/domain/briefings/eservices.server';
import { crossesOrganisations, type ReportFilter } from '~/domain/reports/scope.server';
import { shown } from '~/domain/reports/small-groups';
import { isUniqueViolation } from '~/db/errors.server';
import { dayDate } from '~/utils/calendar-days';
import { NOT_FOUND, refuse, type Result } from '~/utils/result';
import { REFERRAL_DAYS } from './constants';
import { publicPoint, type PublicPoint } from './public.server';
import type { ReferralInput } from './schema.server';

// Referral slips (issue 17 item 5, ADR 032). An adviser sends a resident on: to another support
// point (its address and next staffed times in the resident's language), to an e-service's own
// help, or to a place written out (the bank's phone line). The slip is one page, /r/<code>,
// printed on A4 or A5 or opened from its QR code; it names no adviser. The dashboards count
// from → to, with the small-group rule where they cross organisations.

/** Makes a slip; the adviser is sent to it to print it. */
export async function makeReferral(actor: AuthUser, input: ReferralInput): Promise<Result<{ code: string }>> {
  if (!actor.permissions['guidance:log']) return NOT_FOUND;
  let toPointId: string | null = null;
  let toEserviceId: string | null = null;
  if (input.toKind === 'point') {
    const point = await db.supportPoint.findFirst({
      where: { slug: input.toPoint, active: true },
      select: { id: true },
    });
    if (!point) return refuse('validation.invalid', { field: 'toPoint' });
    toPointId = point.id;
  } else if (input.toKind === 'eservice') {
    const service = await db.eService.findFirst({
      where: { slug: input.toEservice, status: { not: 'retired' } },
      select: { id: true },
    });
    if (!service) return refuse('validation.invalid', { field: 'toEservice' });
    toEserviceId = service.id;
  }
  if (
    input.fromPoint &&
    !(await db.supportPoint.findFirst({ where: { id: input.fromPoint, active: true }, select: { id: true } }))
  )
    return refuse('validation.invalid', { field: 'fromPoint' });
  const rate = await hitLimit('referral', actor.id);
  if (!rate.allowed) return tooMany(rate, 'roster:referral.errors.tooMany');
  for (;;) {
    const code = newFeedbackCode();
    try {
      await db.referral.create({
        data: {
          code,
          createdById: actor.id,
          organisationId: actor.organisationId,
          fromPointId: input.fromPoint ?? null,
          toPointId,
          toEserviceId,
          toOther: input.toKind === 'other' ? input.toOther : '',
          language: input.language,
          bring: input.bring,
          bringOther: input.bringOther,
        },
      });
      return { ok: true, code };
    } catch (error) {
      // A code already taken (one in a trillion): draw another.
      if (!isUniqueViolation(error, 'referral_code_key')) throw error;
    }
  }
}

export type Slip = {
  code: string;
  language: string;
  createdAt: string;
  bring: string[];
  bringOther: string;
  destination:
    | { kind: 'point'; point: PublicPoint }
    | { kind: 'eservice'; name: { fi: string; sv: string; en: string }; url: string }
    | { kind: 'other'; text: string }
    | { kind: 'gone' };
};

/** A slip by its code while it may be opened (REFERRAL_DAYS), or null. */
export async function slipByCode(code: string, now = new Date()): Promise<Slip | null> {
  if (!/^[a-z0-9]{6,12}$/.test(code)) return null;
  const referral = await db.referral.findUnique({
    where: { code },
    select: {
      code: true,
      language: true,
      createdAt: true,
      bring: true,
      bringOther: true,
      toOther: true,
      toPoint: { select: { slug: true, active: true } },
      toEservice: { select: { nameFi: true, nameSv: true, nameEn: true, publicUrl: true } },
    },
  });
  if (!referral || referral.createdAt.getTime() < now.getTime() - REFERRAL_DAYS * 86_400_000) return null;
  const point = referral.toPoint?.active ? await publicPoint(referral.toPoint.slug) : null;
  const service = referral.toEservice;
  return {
    code: referral.code,
    language: referral.language,
    createdAt: referral.createdAt.toISOString(),
    bring: referral.bring,
    bringOther: referral.bringOther,
    destination: point
      ? { kind: 'point', point }
      : service
        ? {
            kind: 'eservice',
            name: {
              fi: eserviceName(service, 'fi'),
              sv: eserviceName(service, 'sv'),
              en: eserviceName(service, 'en'),
            },
            url: service.publicUrl,
          }
        : referral.toOther
          ? { kind: 'other', text: referral.toOther }
          : { kind: 'gone' },
  };
}

export type ReferralFlow = {
  from: string | null;
  to: string;
  kind: 'point' | 'eservice' | 'other';
  count: number | null;
};

/**
 * Referrals in a dashboard's period and scope, from → to, most first. Named by point and
 * e-service; places written out count together as "other". Where the view crosses
 * organisations a flow of 1–4 shows as "fewer than 5".
 */
export async function referralFlows(f: ReportFilter, language: string): Promise<ReferralFlow[]> {
  const where = [
    Prisma.sql`r.created_at >= ${dayDate(f.from)} AND r.created_at < ${new Date(dayDate(f.to).getTime() + 86_400_000)}`,
    f.scope === 'mine'
      ? Prisma.sql`r.created_by_id = ${f.viewerId}::uuid`
      : f.scope === 'organisation'
        ? Prisma.sql`r.organisation_id = ${f.viewerOrganisationId}::uuid`
        : f.organisationId
          ? Prisma.sql`r.organisation_id = ${f.organisationId}::uuid`
          : Prisma.sql`TRUE`,
    f.supportPointId ? Prisma.sql`r.from_point_id = ${f.supportPointId}::uuid` : Prisma.sql`TRUE`,
  ];
  const rows = await db.$queryRaw<
    {
      from_name: string | null;
      to_point: string | null;
      to_fi: string | null;
      to_sv: string | null;
      to_en: string | null;
      n: number;
    }[]
  >`
    SELECT fp.name AS from_name, tp.name AS to_point, e.name_fi AS to_fi, e.name_sv AS to_sv, e.name_en AS to_en,
           count(*)::int AS n
    FROM referral r
    LEFT JOIN support_point fp ON fp.id = r.from_point_id
    LEFT JOIN support_point tp ON tp.id = r.to_point_id
    LEFT JOIN eservice e ON e.id = r.to_eservice_id
    WHERE ${Prisma.join(where, ' AND ')}
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY n DESC, 1, 2, 3
    LIMIT 50`;
  const rule = crossesOrganisations(f);
  return rows.map((r) => ({
    from: r.from_name,
    to:
      r.to_point ??
      (r.to_fi !== null
        ? eserviceName({ nameFi: r.to_fi, nameSv: r.to_sv ?? '', nameEn: r.to_en ?? '' }, language)
        : ''),
    kind: r.to_point ? 'point' : r.to_fi !== null ? 'eservice' : 'other',
    count: shown(r.n, rule),
  }));
}

/**
 * The form's choices, in one statement: where to (active places; in a large network those near
 * the adviser's own places and `to`, see placesPart), e-services, and where from (in a large
 * network the adviser's own places; the form starts from their profile's first).
 */
export async function referralChoices(actor: AuthUser, language: string, to: string) {
  const [{ places, shortened }, services, usual] = await readTogether(
    placesPart(actor, [to], { near: true }),
    part(
      Prisma.sql`SELECT s.slug, s.name_fi AS "nameFi", s.name_sv AS "nameSv", s.name_en AS "nameEn"
        FROM eservice s WHERE s.status <> 'retired'`,
      Prisma.sql`r.slug`,
      (rows: { slug: string; nameFi: string; nameSv: string; nameEn: string }[]) => rows,
    ),
    part(
      Prisma.sql`SELECT usp.support_point_id AS id FROM user_support_point usp
        JOIN support_point p ON p.id = usp.support_point_id AND p.active
        WHERE usp.user_id = ${actor.id}::uuid LIMIT 1`,
      Prisma.sql`r.id`,
      (rows: { id: string }[]) => rows[0]?.id ?? null,
    ),
  );
  return {
    // By district, as the select's labels read ("Kallio: Kallion kirjasto").
    toPoints: [...places].sort(
      (a, b) => a.district.localeCompare(b.district, 'fi') || a.name.localeCompare(b.name, 'fi'),
    ),
    fromPoints: shortened ? places.filter((p) => p.own) : places,
    shortened,
    usualPointId: usual,
    services: services
      .map((s) => ({ slug: s.slug, name: eserviceName(s, language) }))
      .sort((a, b) => a.name.localeCompare(b.name, language)),
  };
}
