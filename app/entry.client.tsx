import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE } from '~/i18n/config';

type RootData = { language: string; resources: Record<string, Record<string, unknown>> };

// The root loader sends the current language's strings with the page, so hydration needs no
// extra request. Changing language is a full page load (see the language switcher).
const root = (window as unknown as { __remixContext: { state: { loaderData: { root?: RootData } } } })
  .__remixContext.state.loaderData.root;
const language = root?.language ?? document.documentElement.lang ?? DEFAULT_LANGUAGE;

void i18next
  .use(initReactI18next)
  .init({
    lng: language,
    fallbackLng: false,
    defaultNS: 'common',
    ns: Object.keys(root?.resources ?? { common: {} }),
    resources: { [language]: root?.resources ?? {} },
    interpolation: { escapeValue: false },
  })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });
