import { type JSX, useCallback, useEffect, useRef, useState } from 'react';
import { Notice } from './components/Notice.tsx';
import { localized, useI18n } from './i18n.tsx';
import { MetaGate, useOptionalMeta } from './meta.tsx';
import { CheckEmailPage } from './pages/CheckEmailPage.tsx';
import { DirectoryPage } from './pages/DirectoryPage.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MePage } from './pages/MePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { SessionStartPage } from './pages/SessionStartPage.tsx';
import { StaffLoginPage } from './pages/StaffLoginPage.tsx';
import { StaffSearchPage } from './pages/StaffSearchPage.tsx';
import { type FlashKey, Link, useLocation } from './router.tsx';
import { expertSession, staffSession } from './session.ts';

const pages: Record<string, () => JSX.Element> = {
  '/': LandingPage,
  '/register': RegisterPage,
  '/check-email': CheckEmailPage,
  '/login': LoginPage,
  '/me': MePage,
  '/directory': DirectoryPage,
  '/staff/login': StaffLoginPage,
  '/staff/search': StaffSearchPage,
};

const goodNews: FlashKey[] = ['profileDeleted', 'loggedOut'];

/** `loginToken`: taken from a mail link's #login= fragment before the first render. */
export function App({ loginToken }: { loginToken: string | null }) {
  const { t } = useI18n();
  const { path, flash } = useLocation();
  const [pendingLogin, setPendingLogin] = useState(loginToken);
  const loginDone = useCallback(() => setPendingLogin(null), []);
  const Page = pages[path.replace(/\/+$/, '') || '/'] ?? NotFoundPage;

  // After an in-app navigation, move focus to the new page's heading, as a page load would.
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    document.querySelector<HTMLElement>('main h1')?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <Header />
      <main id="main" className="page">
        <MetaGate>
          {flash ? <Notice kind={goodNews.includes(flash) ? 'success' : 'info'}>{t[flash]}</Notice> : null}
          {pendingLogin ? <SessionStartPage token={pendingLogin} onDone={loginDone} /> : <Page key={path} />}
        </MetaGate>
      </main>
    </>
  );
}

function Header() {
  const { t, lang, toggleLang } = useI18n();
  const meta = useOptionalMeta();
  const loggedIn = expertSession() !== null;
  const staff = staffSession() !== null;
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t.appName}</span>
          {meta ? <span className="brand-province">{localized(meta.province.name, lang)}</span> : null}
        </Link>
        <nav aria-label={t.mainNav}>
          <ul>
            <li>
              <Link to="/register">{t.navRegister}</Link>
            </li>
            <li>
              <Link to="/directory">{t.navDirectory}</Link>
            </li>
            <li>
              <Link to={loggedIn ? '/me' : '/login'}>{t.navMyProfile}</Link>
            </li>
            <li>
              <Link to={staff ? '/staff/search' : '/staff/login'}>{t.navStaff}</Link>
            </li>
          </ul>
        </nav>
        <button
          type="button"
          className="lang-toggle"
          onClick={toggleLang}
          lang={lang === 'vi' ? 'en' : 'vi'}
          aria-label={t.switchLanguageLabel}
        >
          {t.switchLanguage}
        </button>
      </div>
    </header>
  );
}
