import { createInstance } from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { expect, it, vi } from 'vitest';
import { useTranslation, type Translation } from './use-translation';

async function instance(lng: string) {
  const i18n = createInstance();
  await i18n.init({
    lng,
    ns: ['common', 'forum', 'profile'],
    defaultNS: 'common',
    resources: {
      fi: { common: { save: 'Tallenna' }, forum: { reply: 'Vastaa' }, profile: { name: 'Nimi' } },
      sv: { common: { save: 'Spara' }, forum: { reply: 'Svara' }, profile: { name: 'Namn' } },
    },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

/** Renders components that each call the hook, and returns what they got and the HTML. */
function render(i18n: Awaited<ReturnType<typeof instance>>, namespaces: (string | string[] | undefined)[]) {
  const got: Translation[] = [];
  function Line({ ns, k }: { ns: string | string[] | undefined; k: string }) {
    const translation = useTranslation(ns);
    got.push(translation);
    return <li>{translation.t(k)}</li>;
  }
  const keys = { common: 'save', forum: 'reply', profile: 'name' } as Record<string, string>;
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <ul>
        {namespaces.map((ns, i) => (
          <Line key={i} ns={ns} k={keys[(Array.isArray(ns) ? ns[0] : ns) ?? 'common']!} />
        ))}
      </ul>
    </I18nextProvider>,
  );
  return { got, html };
}

it("translates in the provider's language and the namespace asked for (the first of several, else the default)", async () => {
  const { html } = render(await instance('fi'), ['forum', undefined, ['profile', 'common']]);
  expect(html).toBe('<ul><li>Vastaa</li><li>Tallenna</li><li>Nimi</li></ul>');
  const { html: swedish } = render(await instance('sv'), ['forum', undefined]);
  expect(swedish).toBe('<ul><li>Svara</li><li>Spara</li></ul>');
});

it('hands every component and every page the same translation for a language and namespace, made once', async () => {
  const fi = await instance('fi');
  const made = vi.spyOn(fi, 'getFixedT');
  const first = render(fi, ['forum', 'forum', 'common', undefined]);
  const second = render(fi, ['forum', 'common']);
  expect(first.got[0]).toBe(first.got[1]);
  expect(second.got[0]).toBe(first.got[0]);
  expect(second.got[1]).toBe(first.got[2]);
  expect(first.got[0]!.i18n).toBe(fi);
  // forum, common, and the default (no namespace named): three, whatever the number of renders.
  expect(made).toHaveBeenCalledTimes(3);
  // Another instance (another language) has translations of its own.
  const sv = render(await instance('sv'), ['forum']);
  expect(sv.got[0]).not.toBe(first.got[0]);
});
