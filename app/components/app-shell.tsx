import { Form, NavLink, useLocation, useMatches, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RootData } from '~/root';
import { LanguageSwitcher } from './language-switcher';

export function AppShell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>('root');
  const { t } = useTranslation();
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
              <span aria-hidden="true" className="brand__mark">
                ◆
              </span>{' '}
              {t('appName')}
            </span>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="main">
          {children}
        </main>
      </>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__top">
          <a className="brand" href="/">
            <span aria-hidden="true" className="brand__mark">
              ◆
            </span>{' '}
            {t('appName')}
          </a>
          <LanguageSwitcher />
        </div>
        {user ? (
          <div className="site-header__bar">
            <nav aria-label={t('nav.label')} className="main-nav">
              <ul>
                {data.navigation.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="user-menu">
              <form method="get" action="/search" role="search" className="header-search">
                <label htmlFor="header-search" className="visually-hidden">
                  {t('shell.search')}
                </label>
                <input
                  id="header-search"
                  type="search"
                  name="q"
                  maxLength={200}
                  placeholder={t('shell.searchPlaceholder')}
                />
                <button type="submit" className="button button--secondary">
                  {t('shell.searchButton')}
                </button>
              </form>
              <NavLink to="/notifications" className="bell">
                <span aria-hidden="true">🔔</span>
                <span className="visually-hidden">{t('shell.notifications')}</span>
                {data.unreadNotifications ? (
                  <span className="bell__count">
                    {data.unreadNotifications}
                    <span className="visually-hidden"> {t('shell.unread')}</span>
                  </span>
                ) : null}
              </NavLink>
              <span className="user-menu__name">{user.name}</span>
              <Form method="post" action="/logout" reloadDocument>
                <button type="submit" className="button button--secondary">
                  {t('nav.logout')}
                </button>
              </Form>
            </div>
          </div>
        ) : location.pathname !== '/login' ? (
          <div className="site-header__bar">
            <a className="button button--secondary" href="/login">
              {t('nav.login')}
            </a>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </>
  );
}
