import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { can, requireUser } from '~/auth/guards.server';
import { SuggestQuerySchema } from '~/domain/search/schema.server';
import { similarQuestions, suggest, type Suggestion } from '~/domain/search/search.server';
import { supportPointsMatching } from '~/domain/support-points/support-points.server';

/** Fewer letters than this begin too many words to suggest anything useful. */
const MIN_LETTERS = 2;

// Suggestions for the search box while typing, and questions like the one being written
// (/forum/new): JSON for the page's script; the search page is the way without JavaScript.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { q, kind, any } = SuggestQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if ([...q].length < MIN_LETTERS) return json({ items: [] as Suggestion[] });
  if (any === '1') return json({ items: await similarQuestions(user, q) });
  const [found, points] = await Promise.all([
    suggest(user, q, kind),
    // Support points by name or address, unless the search is of one area.
    kind || !can(user, 'support-points:read') ? [] : supportPointsMatching(q),
  ]);
  const items: Suggestion[] = [
    ...found,
    ...points.map((p) => ({ kind: 'support_point', url: `/support-points/${p.slug}`, title: p.name })),
  ];
  return json({ items });
}
