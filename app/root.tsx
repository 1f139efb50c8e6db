import { useTranslation } from '~/i18n/use-translation';
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { can, getUser } from '~/auth/guards.server';
import { openFlagCount } from '~/domain/forum/moderation.server';
import { unreadCount } from '~/domain/notifications/notifications.server';
import { AppShell } from '~/components/app-shell';
import { LinkNavigation } from '~/components/ui/link';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { navigationFor } from '~/components/navigation';
import { getLanguage } from '~/i18n/i18n.server';
import { stringsUrl } from '~/i18n/strings-script.server';
import { DEFAULT_LANGUAGE } from '~/i18n/config';
import { takeDone } from '~/utils/done-cookie.server';
import { pageTitle } from '~/utils/meta';
import { useNonce } from '~/utils/nonce';
import tokensHref from 'hds-design-tokens/lib/all.min.css';
import stylesHref from '~/styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: tokensHref },
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
  { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, language] = await Promise.all([getUser(request), getLanguage(request)]);
  const [unreadNotifications, moderation, { done, headers }] = await Promise.all([
    user ? unreadCount(request, user.id) : 0,
    can(user, 'forum:moderate') ? openFlagCount(request) : 0,
    takeDone(request),
  ]);
  return json(
    {
      language,
      stringsUrl: stringsUrl(language),
      user: user
        ? { id: user.id, name: user.name, roles: user.roles, organisationName: user.organisationName }
        : null,
      navigation: navigationFor(user, { moderation }),
      unreadNotifications,
      /** A success message from the action that redirected here (redirectDone). */
      done,
    },
    { headers },
  );
}

export type RootData = typeof loader;

/**
 * The shell's data is loaded again after a form, as Remix does, and also when a success message
 * waits in its cookie after a move a page's script made itself (done-cookie.server.ts).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate }) =>
  defaultShouldRevalidate || (typeof document !== 'undefined' && document.cookie.includes('tk_done='));

const ZOD_JITLESS = 'globalThis.__zod_globalConfig={jitless:true}';

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>('root');
  const nonce = useNonce();
  // Without the root loader's data (an error page while the database is down) the language is
  // the one the page was rendered in, and its strings come from the unversioned address.
  const { i18n } = useTranslation();
  const language = data?.language ?? i18n.language ?? DEFAULT_LANGUAGE;
  const strings = data?.stringsUrl ?? `/i18n/${language}.js`;
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <meta name="theme-color" content="#0000bf" />
        {/* The strings, cached by the browser across pages. Deferred: the page paints without
            waiting for them; entry.client.tsx waits for them before it hydrates. */}
        <script src={strings} nonce={nonce} defer data-strings="" />
        {/* zod, while it is still in some pages' bundles (issue 18), probes for eval when its
            first schema is built; the CSP refuses that and reports a violation. Its jitless mode
            (its documented z.config option, kept on this global) never probes. Set before any
            module script runs. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
        <Meta />
        <Links />
      </head>
      <body>
        <LinkNavigation>{children}</LinkNavigation>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

// Routes replace this with their own title; error pages keep at least the app's name.
export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, 'appName');

export function ErrorBoundary() {
  return (
    <AppShell>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
