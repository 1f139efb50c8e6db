import { Prisma } from '~/generated/prisma/client';
import { inAudienceSql } from '~/domain/members/audience.server';
import { can, type AuthUser } from '~/auth/guards.server';
import { TRAINING_TYPES, type EventType } from './constants';

// Who sees an event and who may change it. One rule for lists, the month view, the event page,
// the calendar feed and the search index, so an audience restriction cannot leak through one.

export type EventViewer = Pick<AuthUser, 'id' | 'roles' | 'organisationId' | 'permissions'>;

export function canManageAllEvents(viewer: EventViewer | null) {
  return can(viewer as AuthUser | null, 'events:manage');
}

export function canCreateEvents(viewer: EventViewer | null) {
  return canManageAllEvents(viewer) || can(viewer as AuthUser | null, 'events:create-training');
}

/** The types this member may announce: coordinators any, trainers trainings and webinars. */
export function creatableTypes(viewer: EventViewer, all: readonly EventType[]): EventType[] {
  return canManageAllEvents(viewer) ? [...all] : all.filter((t) => TRAINING_TYPES.includes(t));
}

export function visibleWhere(viewer: EventViewer): Prisma.EventWhereInput {
  if (canManageAllEvents(viewer)) return {};
  return {
    OR: [
      { audience: 'all' },
      { audience: 'organisations', audienceOrgIds: { has: viewer.organisationId } },
      { audience: 'roles', audienceRoles: { hasSome: viewer.roles } },
      { createdById: viewer.id },
      { organisers: { some: { userId: viewer.id } } },
    ],
  };
}

/** The same rule in SQL, on an event row `e` (a test checks that both pick the same events). */
export function visibleSql(viewer: EventViewer, e = 'e'): Prisma.Sql {
  if (canManageAllEvents(viewer)) return Prisma.sql`true`;
  const t = Prisma.raw(e);
  return Prisma.sql`(${inAudienceSql(e, viewer)} OR ${t}.created_by_id = ${viewer.id}::uuid
    OR EXISTS (SELECT 1 FROM event_organiser o WHERE o.event_id = ${t}.id AND o.user_id = ${viewer.id}::uuid))`;
}

/** Coordinators change any event; a trainer the trainings they created or organise. */
export function canEditEvent(
  viewer: EventViewer,
  event: { type: string; createdById: string; organiserIds: string[] },
) {
  if (canManageAllEvents(viewer)) return true;
  return (
    can(viewer as AuthUser, 'events:create-training') &&
    TRAINING_TYPES.includes(event.type as EventType) &&
    (event.createdById === viewer.id || event.organiserIds.includes(viewer.id))
  );
}
