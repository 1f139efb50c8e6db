import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guards.server';
import { SuggestQuerySchema } from '~/domain/search/schema.server';
import { similarQuestions, suggest, type Suggestion } from '~/domain/search/search.server';

/** Fewer letters than this begin too many words to suggest anything useful. */
const MIN_LETTERS = 2;

// Suggestions for the search box while typing, and questions like the one being written
// (/forum/new): JSON for the page's script; the search page is the way without JavaScript.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { q, kind, any } = SuggestQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if ([...q].length < MIN_LETTERS) return json({ items: [] as Suggestion[] });
  if (any === '1') return json({ items: await similarQuestions(user, q) });
  // Threads, materials, events, briefings, support points and e-services: all from the index.
  return json({ items: await suggest(user, q, kind) });
}
