import { createCookie } from '@remix-run/node';
import { db } from '~/db.server';
import { isHttpsDeployment } from '~/env.server';
import { helsinkiToday } from '~/i18n/format';

// How often "Has this been asked already?" saves a question (issue 21): a similar question or
// material opened from a new question's page counts as opened; a question asked afterwards
// from the same browser (a one-hour cookie that holds nothing but "1") counts as asked after.
// Opened minus asked after is about how many questions were not needed. Day totals only.

/** Set when a similar question is opened; read (and cleared) when a question is asked. */
export const openedSuggestion = createCookie('tk_asked_before', {
  path: '/forum',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60,
  secure: isHttpsDeployment(),
});

/** Where a suggestion may lead: a forum post or a library material, nothing else. */
const SUGGESTED = /^\/(forum\/p\/[0-9a-f-]{36}|library\/[a-z0-9-]{1,120})$/;

export function isSuggestedPath(path: string): boolean {
  return SUGGESTED.test(path);
}

/** The Helsinki day of an instant, as the date column stores it. */
const dayOf = (instant: Date) => new Date(`${helsinkiToday(instant)}T00:00:00Z`);

async function addOne(column: 'opened' | 'askedAfter', now: Date) {
  const day = dayOf(now);
  await db.similarQuestionDay.upsert({
    where: { day },
    create: { day, [column]: 1 },
    update: { [column]: { increment: 1 } },
  });
}

export const countOpened = (now = new Date()) => addOne('opened', now);
export const countAskedAfter = (now = new Date()) => addOne('askedAfter', now);

/** The last `days` days' totals, for the moderators' view of the forum. */
export async function similarQuestionTotals(days = 30, now = new Date()) {
  const since = dayOf(new Date(now.getTime() - days * 86_400_000));
  const { _sum } = await db.similarQuestionDay.aggregate({
    where: { day: { gt: since } },
    _sum: { opened: true, askedAfter: true },
  });
  const opened = _sum.opened ?? 0;
  const askedAfter = _sum.askedAfter ?? 0;
  return { days, opened, askedAfter, notAsked: Math.max(0, opened - askedAfter) };
}
