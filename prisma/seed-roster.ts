// Demo help slots and shifts (issue 17): a few points with weekly times, some staffed, some
// short, one empty, so the roster has something to show on a new installation.
import { db } from '~/db.server';
import { helsinkiToday } from '~/i18n/format';
import { addDays, dayDate, isoWeekday } from '~/utils/calendar-days';
import { slotDates } from '~/domain/roster/recurrence';

const SLOTS = [
  {
    point: 'oodi',
    weekdays: [2, 4],
    startsAt: '10:00',
    endsAt: '12:00',
    needed: 2,
    languages: ['fi', 'en'],
    topics: ['smartphones', 'banking'],
  },
  {
    point: 'oodi',
    weekdays: [6],
    startsAt: '12:00',
    endsAt: '14:00',
    needed: 1,
    languages: ['fi', 'ar'],
    topics: ['smartphones'],
  },
  {
    point: 'kallio-kirjasto',
    weekdays: [3],
    startsAt: '14:00',
    endsAt: '16:00',
    needed: 2,
    languages: ['fi', 'sv'],
    topics: ['identification', 'kela_omakanta'],
  },
  {
    point: 'arbis',
    weekdays: [1],
    startsAt: '13:00',
    endsAt: '15:00',
    needed: 1,
    languages: ['sv', 'fi'],
    topics: ['computers', 'city_services'],
  },
  {
    point: 'kontula-palvelukeskus',
    weekdays: [5],
    startsAt: '09:30',
    endsAt: '11:30',
    needed: 2,
    languages: ['fi', 'ru'],
    topics: ['security', 'banking'],
  },
] as const;

export async function seedRosterDemo() {
  if (await db.helpSlot.count()) return;
  const today = helsinkiToday();
  const validFrom = addDays(today, -28);
  const coordinator = await db.user.findUnique({
    where: { email: 'coordinator@demo.tukiverkko.test' },
    select: { id: true },
  });
  // The usual holidays: no help on Christmas Eve, Christmas, Boxing Day and New Year's Day.
  const year = Number(today.slice(0, 4));
  const holidays = [`${year}-12-24`, `${year}-12-25`, `${year}-12-26`, `${year + 1}-01-01`];
  for (const [i, s] of SLOTS.entries()) {
    const point = await db.supportPoint.findUnique({
      where: { slug: s.point },
      select: { id: true, hostOrganisationId: true, users: { select: { userId: true } } },
    });
    if (!point) continue;
    const slot = await db.helpSlot.create({
      data: {
        supportPointId: point.id,
        organisationId: point.hostOrganisationId,
        weekdays: [...s.weekdays],
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        validFrom: dayDate(validFrom),
        exceptions: holidays.map(dayDate),
        languages: [...s.languages],
        topics: [...s.topics],
        needed: s.needed,
        createdById: coordinator?.id ?? null,
      },
      select: { id: true },
    });
    // The point's usual advisers take turns; the last slot is left empty to show a gap.
    if (i === SLOTS.length - 1) continue;
    const people = point.users.map((u) => u.userId);
    const dates = slotDates(
      { ...s, validFrom, validUntil: null, exceptions: holidays },
      validFrom,
      addDays(today, 35),
    );
    const data = dates.flatMap((date, d) =>
      people
        .filter((_, p) => (d + p + isoWeekday(date)) % 3 !== 0)
        .slice(0, s.needed)
        .map((userId) => ({ slotId: slot.id, date: dayDate(date), userId })),
    );
    await db.shift.createMany({ data });
  }
}
