// Forum demo content and the national-scale generator (20,000 threads, 400,000 posts).
import { db } from '~/db.server';
import { makeCategory, makeThread } from '../tests/factories';
import { DEMO_THREADS, FORUM_CATEGORIES } from './seed-forum-data';

const DAY = 86_400_000;

export async function seedForumDemo() {
  if (await db.forumThread.count()) return;
  const categoryId = new Map<string, string>();
  for (const [position, c] of FORUM_CATEGORIES.entries()) {
    const { description, ...names } = c;
    const existing = await db.forumCategory.findUnique({ where: { slug: c.slug }, select: { id: true } });
    categoryId.set(c.slug, existing?.id ?? (await makeCategory(db, { ...names, description, position })).id);
  }
  const users = await db.user.findMany({ select: { id: true, email: true } });
  const userId = (prefix: string) => {
    const found = users.find((u) => u.email.startsWith(`${prefix}@`));
    if (!found) throw new Error(`No demo member ${prefix}`);
    return found.id;
  };
  for (const t of DEMO_THREADS) {
    const createdAt = new Date(Date.now() - t.daysAgo * DAY - 3 * 3600_000);
    await makeThread(db, {
      categoryId: categoryId.get(t.category)!,
      authorId: userId(t.by),
      title: t.title,
      language: t.language,
      text: t.text,
      deviceTags: t.devices,
      tags: t.tags,
      createdAt,
      replies: t.replies.map((r, i) => ({
        authorId: userId(r.by),
        text: r.text,
        createdAt: new Date(createdAt.getTime() + (i + 1) * 47 * 60_000),
        verifiedById: r.verifiedBy ? userId(r.verifiedBy) : undefined,
      })),
      acceptedReply: t.accepted,
    });
  }
  console.log(`Seeded ${FORUM_CATEGORIES.length} forum categories and ${DEMO_THREADS.length} threads.`);
}

const NATIONAL_THREADS = 20_000;
const POSTS_PER_THREAD = 20;

/**
 * Generated in SQL (generate_series) so 400,000 posts take minutes, not hours; the words come
 * from the demo threads so search has real Finnish, Swedish and English to stem.
 */
export async function seedForumNational() {
  const existing = await db.forumThread.count();
  if (existing >= NATIONAL_THREADS) {
    console.log(`Already ${existing} threads; forum at national scale.`);
    return;
  }
  const sentences = DEMO_THREADS.flatMap((t) =>
    [t.text, ...t.replies.map((r) => r.text)].map((text) => ({ text, language: t.language })),
  );
  const titles = DEMO_THREADS.map((t) => ({ title: t.title, language: t.language }));
  await db.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS seed_text (n int, language text, body text)`);
  await db.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS seed_title (n int, language text, title text)`);
  await db.$executeRawUnsafe(`TRUNCATE seed_text, seed_title`);
  for (const [n, s] of sentences.entries()) {
    await db.$executeRaw`INSERT INTO seed_text VALUES (${n}, ${s.language}, ${s.text})`;
  }
  for (const [n, t] of titles.entries()) {
    await db.$executeRaw`INSERT INTO seed_title VALUES (${n}, ${t.language}, ${t.title})`;
  }
  const batch = 1000;
  for (let start = existing; start < NATIONAL_THREADS; start += batch) {
    const end = Math.min(start + batch, NATIONAL_THREADS);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        WITH users AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM app_user WHERE status = 'active'),
        user_count AS (SELECT count(*) AS c FROM users),
        cats AS (SELECT id, row_number() OVER (ORDER BY position, slug) AS n FROM forum_category),
        cat_count AS (SELECT count(*) AS c FROM cats)
        INSERT INTO forum_thread (id, category_id, author_id, title, language, device_tags, created_at, last_post_at, reply_count)
        SELECT gen_random_uuid(),
          (SELECT id FROM cats WHERE n = 1 + g % (SELECT c FROM cat_count)),
          (SELECT id FROM users WHERE n = 1 + (g * 7919) % (SELECT c FROM user_count)),
          t.title || ' #' || g, t.language,
          ARRAY[(ARRAY['android','iphone','tablet','computer'])[1 + g % 4]],
          now() - (${NATIONAL_THREADS} - g) * interval '25 minutes',
          now() - (${NATIONAL_THREADS} - g) * interval '25 minutes' + ${POSTS_PER_THREAD - 1} * interval '7 minutes',
          ${POSTS_PER_THREAD - 1}
        FROM generate_series(${start}::int, ${end - 1}::int) g
        JOIN seed_title t ON t.n = g % (SELECT count(*) FROM seed_title)`;
      await tx.$executeRaw`
        WITH threads AS (
          SELECT id, language, created_at, row_number() OVER (ORDER BY created_at) AS n FROM forum_thread
          WHERE NOT EXISTS (SELECT 1 FROM forum_post p WHERE p.thread_id = forum_thread.id)
        ),
        users AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM app_user WHERE status = 'active'),
        user_count AS (SELECT count(*) AS c FROM users),
        texts AS (SELECT language, body, row_number() OVER (PARTITION BY language ORDER BY n) AS k,
                   count(*) OVER (PARTITION BY language) AS c FROM seed_text)
        INSERT INTO forum_post (id, thread_id, author_id, is_question, body_json, body_html, body_text, created_at)
        SELECT gen_random_uuid(), th.id,
          (SELECT id FROM users WHERE n = 1 + (th.n * 31 + i * 104729) % (SELECT c FROM user_count)),
          i = 0,
          jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
            'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', x.body))))),
          '<p>' || replace(replace(replace(x.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>',
          x.body,
          th.created_at + i * interval '7 minutes'
        FROM threads th
        CROSS JOIN generate_series(0, ${POSTS_PER_THREAD - 1}) i
        JOIN texts x ON x.language = th.language AND x.k = 1 + (th.n + i) % x.c`;
      await tx.$executeRaw`
        INSERT INTO search_document (id, kind, source_id, group_id, container_id, language, title, body, context, url, author_id, published_at)
        SELECT gen_random_uuid(), 'forum_post', p.id, t.id, t.category_id, t.language,
          CASE WHEN p.is_question THEN t.title ELSE '' END, p.body_text, t.title, '/forum/p/' || p.id, p.author_id, p.created_at
        FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id
        WHERE NOT EXISTS (SELECT 1 FROM search_document d WHERE d.kind = 'forum_post' AND d.source_id = p.id)`;
    });
    process.stdout.write(`\r${end} threads`);
  }
  console.log('\nForum at national scale.');
}
