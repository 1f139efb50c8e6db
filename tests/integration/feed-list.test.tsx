// The feed's "New" badges and its "seen up to here" divider, rendered as the server renders them.
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '~/i18n/resources.server';
import { NAMESPACES } from '~/i18n/config';
import { FeedList, type FeedEntry } from '~/components/home/feed-list';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', ns: [...NAMESPACES], defaultNS: 'common', resources });
});

const item = (key: string, at: string): FeedEntry => ({
  key,
  kind: 'thread',
  at,
  actor: 'Maija',
  title: `Ketju ${key}`,
  lang: 'fi',
  url: `/forum/t/${key}`,
});

function render(items: FeedEntry[], seenAt: string | null) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouter location="/">
        <FeedList items={items} seenAt={seenAt} />
      </StaticRouter>
    </I18nextProvider>,
  );
}

const items = [
  item('c', '2026-12-01T10:00:00Z'),
  item('b', '2026-12-01T09:00:00Z'),
  item('a', '2026-12-01T08:00:00Z'),
];

describe('FeedList', () => {
  it('marks what came after "seen" new and puts the divider where the seen items begin', () => {
    const html = render(items, '2026-12-01T09:30:00Z');
    expect(html.match(/badge--new/g)).toHaveLength(1);
    expect(html).toContain('Maija started a thread in a category you follow');
    const divider = html.indexOf('Seen up to here');
    expect(divider).toBeGreaterThan(html.indexOf('Ketju c'));
    expect(divider).toBeLessThan(html.indexOf('Ketju b'));
  });

  it('has no divider when all is new or all is seen', () => {
    expect(render(items, null)).not.toContain('feed__divider');
    expect(render(items, null).match(/badge--new/g)).toHaveLength(3);
    const seen = render(items, '2026-12-02T00:00:00Z');
    expect(seen).not.toContain('feed__divider');
    expect(seen).not.toContain('badge--new');
  });
});
