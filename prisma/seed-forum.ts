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
  // Numbered lookup tables, so every generated row finds its author, category and words by an
  // indexed number instead of scanning (which is slow on the embedded database).
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS seed_text, seed_title, seed_user, seed_category`);
  await db.$executeRawUnsafe(
    `CREATE TABLE seed_text (language text, k int, body text, PRIMARY KEY (language, k))`,
  );
  await db.$executeRawUnsafe(`CREATE TABLE seed_title (n int PRIMARY KEY, language text, title text)`);
  await db.$executeRawUnsafe(
    `CREATE TABLE seed_user AS SELECT (row_number() OVER (ORDER BY id))::int - 1 AS n, id FROM app_user WHERE status = 'active'`,
  );
  await db.$executeRawUnsafe(`ALTER TABLE seed_user ADD PRIMARY KEY (n)`);
  await db.$executeRawUnsafe(
    `CREATE TABLE seed_category AS SELECT (row_number() OVER (ORDER BY position, slug))::int - 1 AS n, id FROM forum_category`,
  );
  const perLanguage = new Map<string, number>();
  for (const s of sentences) {
    const k = perLanguage.get(s.language) ?? 0;
    perLanguage.set(s.language, k + 1);
    await db.$executeRaw`INSERT INTO seed_text VALUES (${s.language}, ${k}, ${s.text})`;
  }
  for (const [n, t] of titles.entries()) {
    await db.$executeRaw`INSERT INTO seed_title VALUES (${n}, ${t.language}, ${t.title})`;
  }
  const users = await db.user.count({ where: { status: 'active' } });
  const categories = await db.forumCategory.count();
  const batch = 500;
  for (let start = existing; start < NATIONAL_THREADS; start += batch) {
    const end = Math.min(start + batch, NATIONAL_THREADS);
    // Threads, their posts and the posts' search rows in one statement per batch.
    await db.$executeRaw`
      WITH new_threads AS (
        INSERT INTO forum_thread (id, category_id, author_id, title, language, device_tags, created_at, last_post_at, reply_count)
        SELECT gen_random_uuid(), c.id, u.id, t.title || ' #' || g, t.language,
          ARRAY[(ARRAY['android','iphone','tablet','computer'])[1 + g % 4]],
          now() - (${NATIONAL_THREADS}::int - g) * interval '25 minutes',
          now() - (${NATIONAL_THREADS}::int - g) * interval '25 minutes' + ${POSTS_PER_THREAD - 1}::int * interval '7 minutes',
          ${POSTS_PER_THREAD - 1}::int
        FROM generate_series(${start}::int, ${end - 1}::int) g
        JOIN seed_title t ON t.n = g % ${titles.length}::int
        JOIN seed_category c ON c.n = g % ${categories}::int
        JOIN seed_user u ON u.n = (g * 7919) % ${users}::int
        RETURNING id, category_id, language, title, created_at
      ),
      numbered AS (SELECT *, row_number() OVER (ORDER BY created_at)::int AS n FROM new_threads),
      new_posts AS (
        INSERT INTO forum_post (id, thread_id, author_id, is_question, body_json, body_html, body_text, created_at)
        SELECT gen_random_uuid(), th.id, u.id, i = 0,
          jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
            'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', x.body))))),
          '<p>' || replace(replace(replace(x.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</p>',
          x.body,
          th.created_at + i * interval '7 minutes'
        FROM numbered th
        CROSS JOIN generate_series(0, ${POSTS_PER_THREAD - 1}::int) i
        JOIN seed_user u ON u.n = (th.n * 31 + i * 104729 + ${start}::int) % ${users}::int
        JOIN seed_text x ON x.language = th.language
          AND x.k = (th.n + i) % (CASE th.language WHEN 'fi' THEN ${perLanguage.get('fi') ?? 1}::int
            WHEN 'sv' THEN ${perLanguage.get('sv') ?? 1}::int ELSE ${perLanguage.get('en') ?? 1}::int END)
        RETURNING id, thread_id, author_id, is_question, body_text, created_at
      )
      INSERT INTO search_document (id, kind, source_id, group_id, container_id, language, title, body, context, url, author_id, published_at)
      SELECT gen_random_uuid(), 'forum_post', p.id, t.id, t.category_id, t.language,
        CASE WHEN p.is_question THEN t.title ELSE '' END, p.body_text, t.title, '/forum/p/' || p.id, p.author_id, p.created_at
      FROM new_posts p JOIN new_threads t ON t.id = p.thread_id`;
    process.stdout.write(`\r${end} threads`);
  }
  await db.$executeRawUnsafe(`DROP TABLE seed_text, seed_title, seed_user, seed_category`);
  // The demo adviser follows the 200 busiest threads and every category: the home feed's worst
  // case, which the bench's home page then measures (issue 14).
  await db.$executeRaw`
    INSERT INTO forum_thread_follow (user_id, thread_id)
    SELECT u.id, t.id FROM app_user u
    CROSS JOIN (SELECT id FROM forum_thread ORDER BY last_post_at DESC LIMIT 200) t
    WHERE u.email = 'adviser@demo.tukiverkko.test'
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO forum_category_follow (user_id, category_id)
    SELECT u.id, c.id FROM app_user u CROSS JOIN forum_category c
    WHERE u.email = 'adviser@demo.tukiverkko.test'
    ON CONFLICT DO NOTHING`;
  // Fresh statistics, so the planner knows which words are common (search picks its plan by them).
  await db.$executeRawUnsafe('ANALYZE forum_thread, forum_post, search_document');
  console.log('\nForum at national scale.');
}
