// Demo and benchmark data. `npm run seed` makes the demo network once (re-running changes
// nothing); `npm run seed -- --scale national` grows it to 10,000 members, 20,000 forum
// threads and 400,000 posts for benchmarks.
import { seedRosterDemo, seedRosterNational } from './seed-roster';
import { setSecondFactorRoles, syncRolesAndPermissions } from '~/auth/roles.server';
import { generateToken, hashToken } from '~/auth/tokens.server';
import { ROLE_KEYS, type RoleKey } from '~/auth/roles';
import { db } from '~/db.server';
import { stopBackgroundWork } from '~/domain/jobs/background.server';
import { DEMO_PASSWORD, USUAL_ROLES, demoPasswordHash, makeUser } from '../tests/factories';
import {
  DEACTIVATED_EMAIL,
  DEMO_ACCOUNTS,
  DISTRICTS,
  FIRST_NAMES,
  LAST_NAMES,
  ORGANISATIONS,
  OTHER_MEMBERS,
  SUPPORT_POINTS,
} from './seed-data';
import { seedForumDemo, seedForumNational } from './seed-forum';
import { seedLibraryDemo, seedLibraryNational } from './seed-library';
import { seedEventsDemo, seedEventsNational } from './seed-events';
import { seedBriefingsDemo, seedBriefingsNational, seedFeedbackNational } from './seed-briefings';
import { seedGuidanceDemo, seedGuidanceNational } from './seed-guidance';
import { newFeedbackCode } from '~/domain/guidance/feedback-link.server';
import { indexUnindexedSupportPoints } from '~/domain/support-points/search-index.server';
import { indexUnindexedEServices } from '~/domain/briefings/eservice-index.server';

const NATIONAL_MEMBERS = 10_000;

async function seedDemo() {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0]!.email }, select: { id: true } })) {
    console.log('Demo data is already there; nothing to add.');
    return;
  }
  // The six demo accounts sign in in one step; a real installation keeps the second factor
  // for coordinators and admins (README, "Two-step verification").
  await db.$transaction((tx) => setSecondFactorRoles(tx, []));
  for (const org of ORGANISATIONS) {
    await db.organisation.upsert({ where: { slug: org.slug }, create: org, update: {} });
  }
  const orgId = new Map(
    (await db.organisation.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]),
  );
  for (const { host, hours, ...point } of SUPPORT_POINTS) {
    await db.supportPoint.upsert({
      where: { slug: point.slug },
      create: {
        ...point,
        hostOrganisationId: orgId.get(host)!,
        hoursFi: hours[0],
        hoursSv: hours[1],
        hoursEn: hours[2],
        feedbackCode: newFeedbackCode(),
      },
      update: {},
    });
  }
  const pointId = new Map(
    (await db.supportPoint.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]),
  );
  for (const person of [...DEMO_ACCOUNTS, ...OTHER_MEMBERS]) {
    await makeUser(db, {
      email: person.email,
      name: person.name,
      role: person.role,
      organisationId: orgId.get(person.org)!,
      locale: person.locale,
      adviseLanguages: person.advise,
      supportPointIds: person.points.map((slug) => pointId.get(slug)!),
      status: person.email === DEACTIVATED_EMAIL ? 'deactivated' : 'active',
    });
  }
  // A few members show more in the directory than the defaults (issue 21): where, and what they know.
  await db.user.update({
    where: { email: 'olena.kovalenko@demo.tukiverkko.test' },
    data: {
      knowDevices: ['android', 'iphone'],
      knowTopics: ['kela', 'banking'],
      directoryShows: ['organisation', 'languages', 'supportPoints', 'skills'],
    },
  });
  await db.user.update({
    where: { email: 'trainer@demo.tukiverkko.test' },
    data: {
      phone: '+358 40 123 4567',
      knowDevices: ['iphone', 'tablet'],
      knowTopics: ['omakanta', 'suomifi', 'safety'],
      directoryShows: ['organisation', 'languages', 'supportPoints', 'skills', 'email', 'phone'],
    },
  });
  // One invitation still waiting, as there usually is: its link was "e-mailed" to nobody.
  const coordinator = await db.user.findUniqueOrThrow({
    where: { email: 'coordinator@demo.tukiverkko.test' },
  });
  await db.invite.create({
    data: {
      tokenHash: hashToken(generateToken()),
      email: 'uusi.neuvoja@example.test',
      organisationId: orgId.get('enter-ry')!,
      roles: ['adviser'],
      invitedById: coordinator.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    },
  });
  console.log(
    `Seeded ${ORGANISATIONS.length} organisations, ${SUPPORT_POINTS.length} support points, ${DEMO_ACCOUNTS.length + OTHER_MEMBERS.length} members.`,
  );
}

async function seedNational() {
  const existing = await db.user.count();
  if (existing >= NATIONAL_MEMBERS) {
    console.log(`Already ${existing} members; national scale reached.`);
    return;
  }
  // Associations and support points across the country, then members in batches.
  const regions = [
    'Espoo',
    'Vantaa',
    'Tampere',
    'Turku',
    'Oulu',
    'Jyväskylä',
    'Kuopio',
    'Lahti',
    'Pori',
    'Vaasa',
  ];
  for (const region of regions) {
    const slug = `enter-${region.toLowerCase().replace(/[^a-z]/g, '')}`;
    await db.organisation.upsert({
      where: { slug },
      create: { slug, name: `Enter ry, ${region}`, kind: 'association' },
      update: {},
    });
    for (let i = 1; i <= 30; i++) {
      const pointSlug = `${slug}-piste-${i}`;
      await db.supportPoint.upsert({
        where: { slug: pointSlug },
        create: {
          slug: pointSlug,
          name: `${region}, tukipiste ${i}`,
          kind: i % 3 ? 'library' : 'service_centre',
          address: `Kirjastokatu ${i}`,
          district: region,
          languages: ['fi'],
          feedbackCode: newFeedbackCode(),
        },
        update: {},
      });
    }
  }
  const organisations = await db.organisation.findMany({ select: { id: true } });
  const roles = new Map(
    (await db.role.findMany({ select: { id: true, key: true } })).map((r) => [r.key as RoleKey, r.id]),
  );
  const passwordHash = await demoPasswordHash();
  const batch = 1000;
  for (let start = existing; start < NATIONAL_MEMBERS; start += batch) {
    const rows = [];
    const held: { email: string; key: RoleKey }[] = [];
    for (let n = start; n < Math.min(start + batch, NATIONAL_MEMBERS); n++) {
      const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
      const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]!;
      // Mostly advisers, as in the real network; a few of every other role.
      const role = n % 50 === 0 ? ROLE_KEYS[1 + ((n / 50) % 4)]! : 'adviser';
      held.push(...USUAL_ROLES[role].map((key) => ({ email: `member${n}@national.tukiverkko.test`, key })));
      rows.push({
        email: `member${n}@national.tukiverkko.test`,
        name: `${first} ${last} ${DISTRICTS[n % DISTRICTS.length]}`,
        passwordHash,
        organisationId: organisations[n % organisations.length]!.id,
        locale: n % 7 === 0 ? 'sv' : n % 11 === 0 ? 'en' : 'fi',
        adviseLanguages: ['fi'],
      });
    }
    await db.user.createMany({ data: rows, skipDuplicates: true });
    const ids = new Map(
      (
        await db.user.findMany({
          where: { email: { in: rows.map((r) => r.email) } },
          select: { id: true, email: true },
        })
      ).map((u) => [u.email, u.id]),
    );
    await db.userRole.createMany({
      data: held.map((h) => ({ userId: ids.get(h.email)!, roleId: roles.get(h.key)! })),
      skipDuplicates: true,
    });
    process.stdout.write(`\r${Math.min(start + batch, NATIONAL_MEMBERS)} members`);
  }
  console.log('\nNational-scale data ready.');
}

function printAccounts() {
  console.log('\nDemo accounts (password for all: %s):', DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(13)} ${account.email}`);
}

async function main() {
  const scaleIndex = process.argv.indexOf('--scale');
  const scale = scaleIndex >= 0 ? process.argv[scaleIndex + 1] : 'demo';
  if (scale !== 'demo' && scale !== 'national')
    throw new Error(`Unknown --scale "${scale}" (demo or national)`);
  await db.$transaction((tx) => syncRolesAndPermissions(tx));
  if (process.env.NODE_ENV === 'production' && process.env.SEED_DEMO !== 'true') {
    console.log(
      'Production: roles and permissions synced; demo data is never added (set SEED_DEMO=true to override).',
    );
    return;
  }
  await seedDemo();
  await seedForumDemo();
  await seedLibraryDemo();
  await seedEventsDemo();
  await seedBriefingsDemo();
  await seedGuidanceDemo();
  await seedRosterDemo();
  if (scale === 'national') {
    await seedNational();
    await seedForumNational();
    await seedLibraryNational();
    await seedEventsNational();
    await seedBriefingsNational();
    await seedFeedbackNational();
    await seedGuidanceNational();
    await seedRosterNational();
  }
  // Points and e-services are written by SQL above (and by upsert); their search rows come here.
  await db.$transaction(
    async (tx) => {
      await indexUnindexedSupportPoints(tx);
      await indexUnindexedEServices(tx);
    },
    { timeout: 300_000 },
  );
  // The national points' 4,500 search rows came last: without fresh statistics PostgreSQL took
  // `support_point` for a rare kind and matched the directory row by row (suggestions 2.5 ms in
  // the database instead of 1.6), which a settled database would not do.
  if (scale === 'national') await db.$executeRawUnsafe('ANALYZE search_document');
  printAccounts();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopBackgroundWork());
