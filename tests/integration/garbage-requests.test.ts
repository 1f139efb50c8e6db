// Every action in app/routes, found by walking the folder, against bodies no form of ours sends:
// each is answered 4xx (400, 413, 415 …), never a 500 and never a crash.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '~/db.server';
import { makeCategory, makeMaterial, makeOrganisation, makeSupportPoint, makeThread } from '#tests/factories';
import { callAction, cookieFor, loginAs, ORIGIN, type WithAction } from '#tests/helpers';

type Route = Partial<WithAction>;
const modules = import.meta.glob<Route>('../../app/routes/*.{ts,tsx}');
const NUL = encodeURIComponent('\u0000');
// Route files whose action reads a form with readForm (the shared guard), by their source.
const sources = import.meta.glob<string>('../../app/routes/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const readsForm = new Set(
  Object.entries(sources)
    .filter(([, source]) => source.includes('readForm(request)'))
    .map(([path]) => path.split('/').pop()!),
);
const anonymousOnly = new Set(
  Object.entries(sources)
    .filter(([, source]) => source.includes('requireAnonymous(request)'))
    .map(([path]) => path.split('/').pop()!),
);

const BODIES: { name: string; type?: string; body: string }[] = [
  { name: 'text/plain', type: 'text/plain', body: 'title=Hei&name=Hei' },
  { name: 'JSON', type: 'application/json', body: '{"title":"Hei","intent":"reply"}' },
  { name: 'no content type', body: 'title=Hei' },
  {
    name: 'broken multipart',
    type: 'multipart/form-data; boundary=raja',
    body: '--raja\r\nContent-Disposition: form-data; name="title"\r\n\r\nHei',
  },
  { name: 'multipart without boundary', type: 'multipart/form-data', body: 'title=Hei' },
  {
    name: 'multipart with a NUL in a file name',
    type: 'multipart/form-data; boundary=raja',
    body: '--raja\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--raja--\r\n',
  },
  {
    name: 'NUL in every usual field',
    type: 'application/x-www-form-urlencoded',
    body: [
      'intent',
      'title',
      'titleFi',
      'name',
      'body',
      'bodyText',
      'description',
      'descriptionFi',
      'summary',
      'tags',
      'note',
      'comment',
      'question',
      'answer',
      'whatHappened',
      'email',
      'q',
    ]
      .map((field) => `${field}=a${NUL}b`)
      .join('&'),
  },
  {
    name: 'broken percent-encoding',
    type: 'application/x-www-form-urlencoded',
    body: 'title=%E0%A4%A&name=%',
  },
];

let params: Record<string, string>;
let adminId: string;

beforeAll(async () => {
  const orgId = (await makeOrganisation(db)).id;
  const admin = await loginAs('admin', orgId);
  adminId = admin.user.id;
  const category = await makeCategory(db);
  const thread = await makeThread(db, {
    categoryId: category.id,
    authorId: admin.user.id,
    title: 'Roskapyynnöt',
    text: 'Kysymys',
    replies: [{ authorId: admin.user.id, text: 'Vastaus' }],
  });
  const material = await makeMaterial({ actorId: admin.user.id, title: 'Roskaohje' });
  const point = await makeSupportPoint(db);
  params = {
    id: thread.id,
    slug: material.slug,
    token: 'x'.repeat(32),
    code: point.feedbackCode,
    number: '1',
    file: 'fi.js',
    '*': 'nothing',
  };
  // The same file name means a different thing per area: give each area one of its own.
  Object.assign(params, { categorySlug: category.slug, pointSlug: point.slug, postId: thread.replyIds[0]! });
});

function paramsFor(file: string): Record<string, string> {
  const p = { ...params };
  if (file.startsWith('forum.$slug')) p.slug = params.categorySlug!;
  if (file.startsWith('support-points.$slug')) p.slug = params.pointSlug!;
  if (file.startsWith('forum.p.$id')) p.id = params.postId!;
  return p;
}

// One test per route file with an action (read from its source), so none runs long.
const ACTION_FILES = Object.entries(sources)
  .filter(([, source]) => /export (async )?function action\b|export const action\b/.test(source))
  .map(([path]) => path.split('/').pop()!)
  .sort();

describe('garbage request bodies', () => {
  it('reach every action in app/routes', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(80);
    expect(ACTION_FILES.length).toBeGreaterThan(40);
  });

  it.each(ACTION_FILES)('never get a 500 from %s', async (file) => {
    const { action } = await modules[`../../app/routes/${file}`]!();
    expect(action, file).toBeTypeOf('function');
    const route = { action: action! };
    const problems: string[] = [];
    // A session of its own: logging out or deactivating must not spoil the next route's run.
    // Login and password reset are for those not logged in: their garbage comes anonymously.
    const cookie = anonymousOnly.has(file) ? '' : await cookieFor(adminId);
    const refused = new Set<number>();
    const url = `/${file
      .replace(/\.tsx?$/, '')
      .replace(/\._index$|^_index$/, '')
      .replaceAll('.', '/')}`;
    for (const body of BODIES) {
      const headers: Record<string, string> = { Origin: ORIGIN };
      if (cookie) headers.Cookie = cookie;
      if (body.type) headers['Content-Type'] = body.type;
      const request = new Request(`${ORIGIN}${url}`, { method: 'POST', headers, body: body.body });
      try {
        const response = await callAction(route, request, paramsFor(file));
        if (response.status >= 500) problems.push(`${body.name}: ${response.status}`);
        refused.add(response.status);
      } catch (error) {
        problems.push(`${body.name}: threw ${String(error).slice(0, 120)}`);
      }
      // Garbage is not what the rate limits are tested with.
      await db.rateLimit.deleteMany({});
    }
    // A route that never reads a body (log out) may just do its job; one that reads a form refuses.
    if (readsForm.has(file) && ![...refused].some((status) => status >= 400))
      problems.push(`no garbage body was refused (${[...refused].join(', ')})`);
    expect(problems).toEqual([]);
  });
});
