import { Form, useLocation, useMatches, useRouteLoaderData } from '@remix-run/react';
import { Link, NavLink } from '~/components/ui/link';
import type { ReactNode } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { SearchBox } from '~/components/search-box';
import type { RootData } from '~/root';
import { AppMenu } from './app-menu';
import { LanguageSwitcher } from './language-switcher';
import { KeptFormNote } from './kept-form';
import { RouteFocus } from './route-focus';
import { LANGUAGE_NAMES, type Language } from '~/i18n/config';
import { BellIcon, GlobeIcon, LogOutIcon, MenuIcon, SearchIcon } from './ui/icons';

/**
 * One compact bar on a phone (brand, search, bell, menu); on wider screens the navigation is
 * shown as a second row and the menu keeps only the member's own things (language, log out).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>('root');
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const user = data?.user;
  // A page for residents (quick feedback, often on an adviser's phone): no way into the app
  // from it, and no language switch that would change the logged-in adviser's profile.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  if (bare) {
    return (
      <>
        <header className="site-header">
          <div className="site-header__top">
            <span className="brand">
              <BrandMark />
              {t('appName')}
            </span>
          </div>
        </header>
        <Main>{children}</Main>
        <Footer />
      </>
    );
  }
  const navigation = data?.navigation ?? [];
  // On a phone the menu is closed: its button carries the number of what waits inside.
  const waiting = navigation.reduce((sum, item) => sum + (item.count ?? 0), 0);
  const navList = (
    <ul>
      {navigation.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.to === '/'}>
            {t(item.labelKey)}
            {item.count ? <WaitingCount count={item.count} /> : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__top">
          <Link className="brand" to="/">
            <BrandMark />
            {t('appName')}
          </Link>
          {user ? (
            <div className="header-tools">
              <form method="get" action="/search" role="search" className="header-search">
                <SearchBox
                  id="header-search"
                  label={t('shell.search')}
                  labelHidden
                  placeholder={t('shell.searchPlaceholder')}
                />
                <button type="submit" className="button button--secondary">
                  {t('shell.searchButton')}
                </button>
              </form>
              <Link to="/search" className="icon-link header-search-link">
                <SearchIcon />
                <span className="visually-hidden">{t('shell.search')}</span>
              </Link>
              <NavLink to="/notifications" className="icon-link bell">
                <BellIcon />
                <span className="visually-hidden">{t('shell.notifications')}</span>
                {data.unreadNotifications ? (
                  <span className="bell__count">
                    {data.unreadNotifications}
                    <span className="visually-hidden"> {t('shell.unread')}</span>
                  </span>
                ) : null}
              </NavLink>
              <AppMenu
                button={
                  <>
                    <MenuIcon />
                    <span className="app-menu__label">{t('shell.menu')}</span>
                    {waiting ? <WaitingCount count={waiting} /> : null}
                  </>
                }
              >
                <nav aria-label={t('nav.label')} className="menu-nav">
                  {navList}
                </nav>
                <p className="app-menu__who">
                  {t('shell.signedInAs')} <strong>{user.name}</strong>
                  {user.organisationName ? <span className="muted"> · {user.organisationName}</span> : null}
                </p>
                <LanguageSwitcher />
                <Form method="post" action="/logout" reloadDocument className="app-menu__logout">
                  <button type="submit" className="button button--secondary">
                    <LogOutIcon />
                    {t('nav.logout')}
                  </button>
                </Form>
              </AppMenu>
            </div>
          ) : (
            <div className="header-tools">
              {/* Before login the menu is the language choice, named in the page's language. */}
              <AppMenu
                button={
                  <>
                    <GlobeIcon />
                    <span className="visually-hidden">{t('shell.language')}: </span>
                    <span lang={i18n.language}>
                      {LANGUAGE_NAMES[i18n.language as Language] ?? i18n.language}
                    </span>
                  </>
                }
              >
                <LanguageSwitcher />
                {location.pathname !== '/login' ? (
                  <a className="button button--secondary" href="/login">
                    {t('nav.login')}
                  </a>
                ) : null}
              </AppMenu>
            </div>
          )}
        </div>
        {user ? (
          <nav aria-label={t('nav.label')} className="main-nav">
            {navList}
          </nav>
        ) : null}
      </header>
      <Main>{children}</Main>
      <Footer />
    </>
  );
}

function Main({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="main">
      <RouteFocus />
      <KeptFormNote />
      {children}
    </main>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('shell.footer')}</p>
      <ul className="site-footer__links">
        <li>
          <a href="/help">{t('shell.help')}</a>
        </li>
        <li>
          <a href="/accessibility">{t('shell.accessibility')}</a>
        </li>
        <li>
          <a href="/privacy">{t('shell.privacy')}</a>
        </li>
      </ul>
    </footer>
  );
}

/** The app's logo, the same drawing as the favicon. */
function BrandMark() {
  return (
    <svg
      className="brand__mark"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="6" fill="currentColor" />
      <path d="M16 5l11 11-11 11L5 16z" fill="#fff" />
    </svg>
  );
}

function WaitingCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span className="nav-count">
      {count}
      <span className="visually-hidden"> {t('shell.waiting', { count })}</span>
    </span>
  );
}
