// The sentence that says what a feed item is, as an i18n key and its values: one wording for
// the home page (components/home/feed-list.tsx) and the news digest e-mail. Client-safe.

type Line = { kind: string; actor: string; state?: string };

export function feedLine(item: Line): { key: string; values: Record<string, string>; statusKey?: string } {
  if (item.kind === 'material') return { key: `common:home.feed.kind.material_${item.state}`, values: {} };
  if (item.kind === 'briefing') return { key: `common:home.feed.kind.briefing_${item.state}`, values: {} };
  if (item.kind === 'feedback')
    return {
      key: 'common:home.feed.kind.feedback',
      values: {},
      statusKey: `feedback:statuses.${item.state}`,
    };
  return { key: `common:home.feed.kind.${item.kind}`, values: { actor: item.actor } };
}

/** Puts the line together with a translate function (react-i18next's or a fixed server one). */
export function feedLineText(t: (key: string, values?: Record<string, string>) => string, item: Line) {
  const line = feedLine(item);
  return t(line.key, line.statusKey ? { status: t(line.statusKey) } : line.values);
}
