// The relevance suite (issue 13): realistic queries in Finnish, Swedish and English with
// inflected forms, compound parts, typos and phone-keyboard slips, each with what it must
// find among the first five results and what it must not find. Prints recall@5 and MRR.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import * as searchRoute from '~/routes/search';
import { makeCategory, makeMaterial, makeOrganisation, makeThread, makeUser } from '#tests/factories';
import { MATERIALS, QUERIES, THREADS } from '#tests/fixtures/search-corpus';
import { callLoader, json, loginAs, makeRequest } from '#tests/helpers';

let cookie: string;
/** Every address a result for a key may have (a thread: any of its posts). */
const urlsOf = new Map<string, string[]>();
const keyOf = new Map<string, string>();

beforeAll(async () => {
  const orgId = (await makeOrganisation(db)).id;
  const author = await makeUser(db, { role: 'adviser', organisationId: orgId });
  const trainer = await makeUser(db, { role: 'trainer', organisationId: orgId });
  const categoryId = (await makeCategory(db)).id;
  cookie = (await loginAs('adviser', orgId)).cookie;
  for (const [i, t] of THREADS.entries()) {
    const made = await makeThread(db, {
      categoryId,
      authorId: author.id,
      language: t.language,
      title: t.title,
      text: t.text,
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      replies: (t.replies ?? []).map((text) => ({ authorId: trainer.id, text })),
    });
    urlsOf.set(
      t.key,
      [made.questionId, ...made.replyIds].map((id) => `/forum/p/${id}`),
    );
  }
  for (const m of MATERIALS) {
    const made = await makeMaterial({
      actorId: trainer.id,
      title: m.title,
      text: m.text,
      language: m.language,
    });
    urlsOf.set(m.key, [`/library/${made.slug}`]);
  }
  for (const [key, urls] of urlsOf) for (const url of urls) keyOf.set(url, key);
});

async function ranked(q: string): Promise<string[]> {
  const result = await json<{ hits: { url: string }[] }>(
    await callLoader(searchRoute, makeRequest(`/search?${new URLSearchParams({ q })}`, { cookie })),
  );
  // One entry per thread: a second post of a thread already listed does not count again.
  return [...new Set(result.hits.map((h) => keyOf.get(h.url) ?? h.url))];
}

describe('search relevance', () => {
  it(`${QUERIES.length} realistic queries find what they must in the first five, and not what they must not`, async () => {
    let found = 0;
    let wanted = 0;
    let reciprocal = 0;
    const misses: string[] = [];
    for (const { q, find, not = [] } of QUERIES) {
      const keys = await ranked(q);
      const top = keys.slice(0, 5);
      for (const key of find) {
        wanted += 1;
        if (top.includes(key)) found += 1;
        else misses.push(`${q} → ${key} (got ${top.join(', ') || 'nothing'})`);
      }
      const first = keys.findIndex((k) => find.includes(k));
      reciprocal += first === -1 ? 0 : 1 / (first + 1);
      for (const key of not) if (keys.includes(key)) misses.push(`${q} must not find ${key}`);
    }
    const recall = found / wanted;
    const mrr = reciprocal / QUERIES.length;
    console.log(
      `search relevance: ${QUERIES.length} queries, recall@5 ${recall.toFixed(3)} (${found}/${wanted}), MRR ${mrr.toFixed(3)}`,
    );
    expect(misses).toEqual([]);
  });
});
