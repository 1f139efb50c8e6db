// Library demo content, written through the library's own commands so versions, files and the
// search index are exactly what the app itself would have made.
import { Prisma } from '~/generated/prisma/client';
import type { AuthUser } from '~/auth/guards.server';
import { db } from '~/db.server';
import { TRAINERS_ONLY } from '~/domain/library/access.server';
import { attachFile, extractPdfText } from '~/domain/library/files.server';
import { createMaterial } from '~/domain/library/materials.server';
import { publishMaterial } from '~/domain/library/publish.server';
import { receivedFromBytes } from '~/domain/uploads/files.server';
import { textPdf } from '../tests/fixtures/pdf';
import { DEMO_MATERIALS, DEMO_PATHS, demoDoc } from './seed-library-data';

const DAY = 86_400_000;
const seedMeta = { ip: '', userAgent: 'seed' };

export async function seedLibraryDemo() {
  if (await db.libraryMaterial.count()) return;
  const trainer = await db.user.findUniqueOrThrow({ where: { email: 'trainer@demo.tukiverkko.test' } });
  const actor = { id: trainer.id } as AuthUser;
  const organisations = await db.organisation.findMany({ select: { id: true, slug: true } });
  const groupOf = new Map<string, string>();
  const idOf = new Map<string, string>();

  for (const m of DEMO_MATERIALS) {
    let first: string | undefined;
    for (const tr of m.translations) {
      const orgSlug = typeof m.audience === 'object' ? m.audience.organisation : null;
      const created = await createMaterial(actor, {
        language: tr.language,
        translationOf: first,
        title: tr.versions[0]!.title ?? tr.title,
        summary: tr.summary,
        body: JSON.stringify(demoDoc(tr.versions[0]!.blocks)),
        type: m.type,
        level: m.level,
        deviceTags: m.devices ?? [],
        topicTags: m.topics,
        eserviceTags: m.eservices ?? [],
        audience: orgSlug ? 'organisations' : m.audience === 'trainers' ? 'trainers' : 'all',
        audienceOrgIds: orgSlug ? organisations.filter((o) => o.slug === orgSlug).map((o) => o.id) : [],
        videoLinks: m.videos
          ? [{ title: m.videos.replace(/\s*https:.*$/, ''), url: m.videos.replace(/^.*(https:\S+)$/, '$1') }]
          : [],
      });
      if (!created.ok)
        throw new Error(`Demo material ${m.key}/${tr.language}: ${JSON.stringify(created.errors)}`);
      const material = await db.libraryMaterial.findUniqueOrThrow({ where: { slug: created.slug } });
      first ??= material.id;
      groupOf.set(m.key, material.groupId);
      idOf.set(`${m.key}/${tr.language}`, material.id);
      if (tr.pdf) {
        const file = await receivedFromBytes(textPdf(tr.pdf.lines), tr.pdf.name);
        await attachFile(actor, material.id, file);
      }
      if (m.draftOnly) continue;
      for (const [i, version] of tr.versions.entries()) {
        if (i > 0) {
          await db.libraryMaterial.update({
            where: { id: material.id },
            data: { draftTitle: version.title ?? tr.title, draftBody: demoDoc(version.blocks) },
          });
        }
        await publishMaterial(
          actor,
          material.id,
          { changeNote: version.note, publishAt: null },
          seedMeta,
          new Date(Date.now() - version.daysAgo * DAY),
        );
      }
    }
  }
  for (const upload of await db.upload.findMany({
    where: { mime: 'application/pdf' },
    select: { id: true },
  })) {
    await extractPdfText(upload.id);
  }

  for (const [position, p] of DEMO_PATHS.entries()) {
    const { materials, ...fields } = p;
    await db.learningPath.create({
      data: {
        ...fields,
        position,
        createdById: trainer.id,
        items: { create: materials.map((key, i) => ({ groupId: groupOf.get(key)!, position: i })) },
      },
    });
  }

  // The demo adviser read the first OmaKanta version and two onboarding materials: her home
  // page shows "updated since you read it".
  const adviser = await db.user.findUniqueOrThrow({ where: { email: 'adviser@demo.tukiverkko.test' } });
  const read = [
    ['omakanta/fi', 1],
    ['etiikka/fi', 1],
    ['ensimmainen-vuoro/fi', 1],
  ] as const;
  for (const [key, versionNumber] of read) {
    const materialId = idOf.get(key)!;
    await db.libraryCompletion.create({ data: { userId: adviser.id, materialId, versionNumber } });
    await db.libraryMaterial.update({
      where: { id: materialId },
      data: { completionCount: { increment: 1 } },
    });
  }
  console.log(`Seeded ${idOf.size} library materials and ${DEMO_PATHS.length} learning paths.`);
}

const NATIONAL_GROUPS = 2_000; // fi for all, sv and en for three in four: 5,000 materials
const VERSIONS = 3; // 15,000 versions
const FILES = 4; // 20,000 attachments (metadata only: no bytes on disk)

/**
 * The library at national scale, in SQL: ids are derived from the row numbers (md5 -> uuid), so
 * each table is one INSERT … SELECT per batch with no lookups back. Words come from the demo.
 */
export async function seedLibraryNational() {
  const existing = await db.libraryMaterial.count();
  if (existing >= 5_000) {
    console.log(`Already ${existing} library materials; library at national scale.`);
    return;
  }
  const trainer = await db.user.findUniqueOrThrow({ where: { email: 'trainer@demo.tukiverkko.test' } });
  const org = await db.organisation.findFirstOrThrow({ select: { id: true } });
  const texts = DEMO_MATERIALS.flatMap((m) =>
    m.translations.map((t) => ({
      language: t.language,
      title: t.title,
      summary: t.summary,
      body: t.versions
        .at(-1)!
        .blocks.map((b) => Object.values(b).flat(2).join(' '))
        .join('\n'),
    })),
  );
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS seed_library_text`);
  await db.$executeRawUnsafe(
    `CREATE TABLE seed_library_text (language text, k int, title text, summary text, body text, PRIMARY KEY (language, k))`,
  );
  const perLanguage = new Map<string, number>();
  for (const t of texts) {
    const k = perLanguage.get(t.language) ?? 0;
    perLanguage.set(t.language, k + 1);
    await db.$executeRaw`INSERT INTO seed_library_text VALUES (${t.language}, ${k}, ${t.title}, ${t.summary}, ${t.body})`;
  }
  const count = (l: string) => perLanguage.get(l) ?? 1;
  const batch = 250;
  for (let start = 0; start < NATIONAL_GROUPS; start += batch) {
    const end = Math.min(start + batch, NATIONAL_GROUPS) - 1;
    const materials = Prisma.sql`
      SELECT g, l.language, md5('lm' || g || l.language)::uuid AS id, md5('lg' || g)::uuid AS group_id,
        x.title || ' #' || g AS title, x.summary, x.body,
        now() - (${NATIONAL_GROUPS}::int - g) * interval '3 hours' AS published_at
      FROM generate_series(${start}::int, ${end}::int) g
      CROSS JOIN (VALUES ('fi'), ('sv'), ('en')) AS l(language)
      JOIN seed_library_text x ON x.language = l.language
        AND x.k = g % (CASE l.language WHEN 'fi' THEN ${count('fi')}::int WHEN 'sv' THEN ${count('sv')}::int ELSE ${count('en')}::int END)
      WHERE l.language = 'fi' OR (l.language = 'sv' AND g % 4 <> 3) OR (l.language = 'en' AND g % 4 <> 2)`;
    await db.$executeRaw`
      INSERT INTO library_group (id) SELECT md5('lg' || g)::uuid FROM generate_series(${start}::int, ${end}::int) g`;
    await db.$executeRaw`
      INSERT INTO library_material (id, group_id, slug, language, status, title, summary, live_number, published_at,
        draft_title, draft_summary, draft_body, draft_changed, type, level, device_tags, topic_tags, eservice_tags,
        audience, audience_org_ids, view_count, completion_count, created_by_id, created_at, updated_at)
      SELECT m.id, m.group_id, 'aineisto-' || m.g || '-' || m.language, m.language, 'published', m.title, m.summary,
        ${VERSIONS}::int, m.published_at, m.title, m.summary,
        jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
          'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', m.body))))),
        false,
        (ARRAY['guide','checklist','handout','slides','video','exercise'])[1 + m.g % 6],
        (ARRAY['new','experienced',NULL])[1 + m.g % 3],
        ARRAY[(ARRAY['android','iphone','tablet','computer'])[1 + m.g % 4]],
        ARRAY[(ARRAY['tunnistautuminen','turvallisuus','etiikka','terveys','liikkuminen','etuudet'])[1 + m.g % 6]],
        ARRAY[(ARRAY['omakanta','kela','suomi-fi','hsl-sovellus','pankit'])[1 + m.g % 5]],
        CASE WHEN m.g % 20 = 0 THEN 'trainers' WHEN m.g % 20 = 1 THEN 'organisations' ELSE 'all' END,
        CASE WHEN m.g % 20 = 1 THEN ARRAY[${org.id}::text] ELSE ARRAY[]::text[] END,
        (m.g * 7919) % 500, (m.g * 104729) % 50, ${trainer.id}::uuid, m.published_at, m.published_at
      FROM (${materials}) m`;
    await db.$executeRaw`
      INSERT INTO library_version (id, material_id, number, change_note, title, summary, body_html, body_text,
        publish_at, published_at, created_by_id, created_at)
      SELECT md5('lv' || m.g || m.language || v)::uuid, m.id, v, 'Versio ' || v, m.title, m.summary,
        '<p>' || replace(replace(replace(m.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>', m.body,
        m.published_at - (${VERSIONS}::int - v) * interval '30 days', m.published_at - (${VERSIONS}::int - v) * interval '30 days',
        ${trainer.id}::uuid, m.published_at
      FROM (${materials}) m CROSS JOIN generate_series(1, ${VERSIONS}::int) v`;
    await db.$executeRaw`
      UPDATE library_material lm SET live_version_id = md5('lv' || m.g || m.language || ${VERSIONS}::int)::uuid
      FROM (${materials}) m WHERE lm.id = m.id`;
    await db.$executeRaw`
      INSERT INTO upload (id, owner_id, scope, file_name, mime, byte_size, sha256, thumbnail, text_content, created_at)
      SELECT md5('lu' || m.g || m.language || k)::uuid, ${trainer.id}::uuid, 'library', 'ohje-' || m.g || '-' || k || '.pdf',
        'application/pdf', 100000 + k * 7919, md5('bytes' || m.g || k), false, '', m.published_at
      FROM (${materials}) m CROSS JOIN generate_series(1, ${FILES}::int) k`;
    await db.$executeRaw`
      INSERT INTO library_file_link (id, upload_id, material_id, version_id, inline, position)
      SELECT gen_random_uuid(), md5('lu' || m.g || m.language || k)::uuid, m.id,
        CASE WHEN v = 0 THEN NULL ELSE md5('lv' || m.g || m.language || v)::uuid END, false, k
      FROM (${materials}) m CROSS JOIN generate_series(1, ${FILES}::int) k CROSS JOIN generate_series(0, ${VERSIONS}::int) v`;
    await db.$executeRaw`
      INSERT INTO search_document (id, kind, source_id, group_id, language, title, body, url, author_id, flags,
        min_role_rank, org_ids, published_at)
      SELECT gen_random_uuid(), 'library_material', m.id, m.group_id, m.language, m.title,
        m.summary || E'\n' || m.body || E'\n' || 'ohje ' || m.g, '/library/aineisto-' || m.g || '-' || m.language,
        ${trainer.id}::uuid, ARRAY[]::text[],
        CASE WHEN m.g % 20 = 0 THEN ${TRAINERS_ONLY}::int ELSE 0 END,
        CASE WHEN m.g % 20 = 1 THEN ARRAY[${org.id}::uuid] ELSE ARRAY[]::uuid[] END, m.published_at
      FROM (${materials}) m`;
    process.stdout.write(`\r${Math.min(start + batch, NATIONAL_GROUPS)} material groups`);
  }
  await db.$executeRawUnsafe(`DROP TABLE seed_library_text`);
  await db.$executeRawUnsafe(
    'ANALYZE library_group, library_material, library_version, library_file_link, upload, search_document',
  );
  console.log(`\nLibrary at national scale: ${await db.libraryMaterial.count()} materials.`);
}
