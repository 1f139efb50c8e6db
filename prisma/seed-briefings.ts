// Demo e-service catalogue and briefings, and (national scale) a briefing read by 10,000 members.
import type { AuthUser } from '~/auth/guards.server';
import { memberById } from '~/auth/guards.server';
import { db } from '~/db.server';
import { createBriefing, publishBriefing } from '~/domain/briefings/briefings.server';
import type { BriefingInput } from '~/domain/briefings/schema.server';
import { answerQuestion, askQuestion, setInFaq } from '~/domain/briefings/questions.server';
import { acknowledge } from '~/domain/briefings/reads.server';
import { fileFeedback, findFeedback, markSeen, respond } from '~/domain/feedback/feedback.server';
import { helsinkiLocalInput } from '~/i18n/format';
import { ESERVICES } from './seed-briefings-data';
import { holdsRole } from '~/auth/roles.server';

const meta = { ip: '', userAgent: 'seed' };
const at = (days: number, time: string) =>
  `${helsinkiLocalInput(new Date(Date.now() + days * 86_400_000)).slice(0, 10)}T${time}`;
const text = (...paragraphs: string[]) =>
  JSON.stringify({
    type: 'doc',
    content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  });

async function member(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await memberById(user.id)) as AuthUser;
}

export async function seedBriefingsDemo() {
  if (await db.eService.count()) return;
  for (const s of ESERVICES) {
    await db.eService.create({
      data: { ...s, launchDate: s.launchDate ? new Date(`${s.launchDate}T00:00:00Z`) : null },
    });
  }
  const rep = await member('eservice_rep@demo.tukiverkko.test');
  const coordinator = await member('coordinator@demo.tukiverkko.test');
  const ids = new Map(
    (await db.eService.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]),
  );
  for (const slug of ['helsinki-sovellus', 'maisa', 'sahkoinen-ajanvaraus-neuvolat']) {
    await db.eServiceContact.create({ data: { eserviceId: ids.get(slug)!, userId: rep.id } });
  }
  const base = {
    language: 'fi' as const,
    forWhom: '',
    knownProblems: '',
    adviceToResidents: '',
    eventId: undefined,
    audience: 'all' as const,
    audienceOrgIds: [],
    audienceRoles: [],
  };
  const make = async (
    actor: AuthUser,
    input: Partial<BriefingInput> & Pick<BriefingInput, 'eserviceId' | 'title' | 'launchAt'>,
  ) => {
    const created = await createBriefing(actor, { ...base, ...input } as BriefingInput, meta);
    if (!created.ok) throw new Error(`Demo briefing ${input.title}: ${JSON.stringify(created.errors)}`);
    return created.id;
  };
  const meeting = await db.event.findFirst({
    where: { type: 'network_meeting', startsAt: { gte: new Date() } },
    orderBy: { startsAt: 'asc' },
    select: { id: true },
  });
  // Confidential until its launch in three weeks; presented at the next network meeting.
  const app = await make(rep, {
    eserviceId: ids.get('helsinki-sovellus')!,
    title: 'Helsinki-sovellus avautuu kaikille helmikuussa',
    launchAt: at(21, '09:00'),
    eventId: meeting?.id,
    forWhom: 'Kaikki helsinkiläiset, joilla on älypuhelin.',
    body: text(
      'Helsinki-sovellus kokoaa kaupungin palvelut yhteen sovellukseen: ajanvaraukset, kirjaston lainat ja kaupungin tiedotteet.',
      'Kirjautuminen tehdään Suomi.fi-tunnistuksella. Ensimmäisellä kerralla sovellus kysyy ilmoitusasetukset.',
    ),
    knownProblems: 'Vanhoissa Android-puhelimissa (Android 9 ja vanhemmat) sovellus ei asennu.',
    adviceToResidents:
      'Sovelluksen saa sovelluskaupasta nimellä Helsinki. Kirjautumiseen tarvitaan pankkitunnukset tai mobiilivarmenne.',
  });
  await publishBriefing(rep, app, '', meta);
  // Launched ten days ago and revised once since.
  const omakanta = await make(coordinator, {
    eserviceId: ids.get('omakanta')!,
    title: 'OmaKannan kirjautumissivu uudistui',
    launchAt: at(-10, '08:00'),
    body: text(
      'Kirjautumispainike on siirtynyt sivun oikeaan yläkulmaan. Muuten kirjautuminen toimii kuten ennenkin.',
    ),
    adviceToResidents: 'Etsi oikeasta yläkulmasta painike Kirjaudu sisään.',
  });
  await publishBriefing(coordinator, omakanta, '', meta);
  const readers = await db.user.findMany({
    where: {
      ...holdsRole('adviser'),
      status: 'active',
      email: { not: 'adviser@demo.tukiverkko.test' },
    },
    orderBy: { email: 'asc' },
    take: 10,
    select: { id: true },
  });
  for (const [i, r] of readers.entries()) {
    const reader = (await memberById(r.id)) as AuthUser;
    const live = await db.briefing.findUniqueOrThrow({
      where: { id: omakanta },
      select: { id: true, liveNumber: true },
    });
    await acknowledge(reader, live);
    if (i < 6) {
      const first = await db.briefing.findUniqueOrThrow({
        where: { id: app },
        select: { id: true, liveNumber: true },
      });
      await acknowledge(reader, first);
    }
  }
  await db.briefing.update({
    where: { id: omakanta },
    data: {
      body: JSON.parse(
        text(
          'Kirjautumispainike on siirtynyt sivun oikeaan yläkulmaan.',
          'Uutta: mobiilivarmenne näkyy nyt omana vaihtoehtonaan.',
        ),
      ),
    },
  });
  await publishBriefing(coordinator, omakanta, 'Mobiilivarmenne lisätty kirjautumistapoihin', meta);
  // Two questions from the field; one answered and lifted into the FAQ.
  const asker = (await memberById(readers[0]!.id)) as AuthUser;
  const live = await db.briefing.findUniqueOrThrow({ where: { id: omakanta } });
  await askQuestion(asker, live, 'Toimiiko vanha kirjautumislinkki vielä kirjanmerkeissä?');
  await askQuestion(asker, live, 'Näkyykö muutos myös OmaKanta-sovelluksessa?');
  const [firstQuestion] = await db.briefingQuestion.findMany({
    where: { briefingId: omakanta },
    orderBy: { createdAt: 'asc' },
  });
  await answerQuestion(coordinator, live, firstQuestion!.id, 'Toimii: vanha osoite ohjaa uudelle sivulle.');
  await setInFaq(live, firstQuestion!.id, true);
  // A draft the rep is still writing.
  await make(rep, {
    eserviceId: ids.get('sahkoinen-ajanvaraus-neuvolat')!,
    title: 'Neuvolan ajanvaraus siirtyy Maisaan',
    launchAt: at(60, '09:00'),
    body: text('Luonnos: aikataulu tarkentuu tammikuussa.'),
  });
  // Field feedback on the rep's services: some new, one answered and planned.
  const maisa = {
    id: ids.get('maisa')!,
    nameFi: 'Maisa-asiointipalvelu',
    nameSv: 'Maisa e-tjänst',
    nameEn: 'Maisa client portal',
  };
  const reports = [
    {
      whatHappened: 'Ajanvarauksen vahvistussivu jää latautumaan, kun asukas painaa Vahvista.',
      step: 'Vahvistus',
      device: 'android' as const,
      os: 'Android 12',
      frequency: 'often' as const,
      severity: 'blocks' as const,
    },
    {
      whatHappened: 'Viestin liitettä ei saa auki iPhonella: sivu näyttää tyhjää.',
      step: 'Viestit',
      device: 'iphone' as const,
      os: 'iOS 17',
      frequency: 'sometimes' as const,
      severity: 'slows' as const,
    },
    {
      whatHappened: 'Kirjautumisen jälkeen kieli vaihtuu suomeksi, vaikka asukas valitsi ruotsin.',
      step: 'Kirjautuminen',
      device: 'computer' as const,
      os: 'Windows 11',
      frequency: 'daily' as const,
      severity: 'slows' as const,
    },
  ];
  const filed: string[] = [];
  for (const [i, r] of reports.entries()) {
    const reporter = (await memberById(readers[i]!.id)) as AuthUser;
    const result = await fileFeedback(reporter, maisa, { ...r, briefingId: undefined }, null);
    if (result.ok) filed.push(result.id);
  }
  for (const r of readers.slice(3, 8)) {
    const found = await findFeedback((await memberById(r.id)) as AuthUser, filed[0]!);
    if (found) await markSeen((await memberById(r.id)) as AuthUser, found);
  }
  const first = await findFeedback(rep, filed[0]!);
  if (first) {
    await respond(rep, first, {
      intent: 'respond',
      status: 'planned',
      body: 'Kiitos! Korjaus tulee joulukuun päivityksessä.',
    });
  }
  // The demo announcements of publishing are queued jobs; nobody needs 40 e-mails at setup.
  await db.job.deleteMany({ where: { type: 'briefings.announce' } });
  console.log(
    `Seeded ${ESERVICES.length} e-services, 3 briefings (one confidential, one draft) and ${filed.length} problem reports.`,
  );
}

/** A briefing for everyone, read by each of the 10,000 members over a month (the reach bench). */
export async function seedBriefingsNational() {
  const title = 'Valtakunnallinen tiedote: uusi tunnistautumistapa';
  if (await db.briefing.findFirst({ where: { title }, select: { id: true } })) return;
  const coordinator = await member('coordinator@demo.tukiverkko.test');
  const eservice = await db.eService.findUniqueOrThrow({ where: { slug: 'suomi-fi' }, select: { id: true } });
  const created = await createBriefing(
    coordinator,
    {
      eserviceId: eservice.id,
      title,
      language: 'fi',
      launchAt: at(-30, '09:00'),
      forWhom: '',
      bodyText: 'Tunnistautumiseen tulee uusi vaihtoehto.',
      knownProblems: '',
      adviceToResidents: '',
      audience: 'all',
      audienceOrgIds: [],
      audienceRoles: [],
    },
    meta,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  await publishBriefing(coordinator, created.id, '', meta);
  await db.job.deleteMany({ where: { type: 'briefings.announce' } });
  await db.$executeRaw`
    INSERT INTO briefing_read (briefing_id, user_id, version_number, first_read_at, read_at)
    SELECT ${created.id}::uuid, id, 1, now() - (random() * interval '30 days'), now()
    FROM app_user WHERE status = 'active'
    ON CONFLICT DO NOTHING`;
  await db.$executeRawUnsafe('ANALYZE briefing_read');
  console.log(
    `Briefings at national scale: one read by ${await db.briefingRead.count({ where: { briefingId: created.id } })} members.`,
  );
}

const NATIONAL_REPORTS = 20_000;

/** A queue of 20,000 problem reports on one e-service (the queue bench), from national members. */
export async function seedFeedbackNational() {
  const service = await db.eService.findUniqueOrThrow({ where: { slug: 'maisa' }, select: { id: true } });
  const existing = await db.fieldFeedback.count({ where: { eserviceId: service.id } });
  if (existing >= NATIONAL_REPORTS) return;
  await db.$executeRaw`
    INSERT INTO field_feedback (id, eservice_id, reporter_id, what_happened, step, device, os, frequency, severity,
      status, seen_count, created_at, updated_at)
    SELECT gen_random_uuid(), ${service.id}::uuid, u.id,
      'Ongelma #' || g || ': ' || (ARRAY['sivu jää latautumaan','kirjautuminen katkeaa','liite ei aukea','kieli vaihtuu'])[1 + g % 4],
      (ARRAY['Kirjautuminen','Viestit','Ajanvaraus','Vahvistus'])[1 + g % 4],
      (ARRAY['android','iphone','tablet','computer','other'])[1 + g % 5], '',
      (ARRAY['first_time','sometimes','often','daily'])[1 + g % 4],
      (ARRAY['minor','slows','blocks'])[1 + g % 3],
      (ARRAY['new','acknowledged','planned','fixed','wont_fix'])[1 + g % 5],
      1 + (g * 7919) % 40, now() - (g * interval '37 minutes'), now()
    FROM generate_series(1, ${NATIONAL_REPORTS - existing}::int) g
    JOIN (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM app_user WHERE status = 'active') u
      ON u.n = 1 + (g * 13) % 9000`;
  await db.$executeRawUnsafe('ANALYZE field_feedback');
  console.log(
    `Feedback at national scale: ${await db.fieldFeedback.count({ where: { eserviceId: service.id } })} reports on Maisa.`,
  );
}
