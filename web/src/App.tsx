import {
  type ComponentType,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import { LoadFailure } from './components/LoadFailure.tsx';
import { Notice, PageLoading } from './components/Notice.tsx';
import { localized, useI18n } from './i18n.tsx';
import { MetaGate, useOptionalMeta } from './meta.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { type FlashKey, Link, matchRoute, type RouteParams, useLocation } from './router.tsx';
import { expertSession, onExpertSessionChange, staffSession } from './session.ts';

type Page = ComponentType<{ params: RouteParams }>;

/**
 * Every page but the landing page is its own chunk, loaded when it is first shown: a visitor on a
 * phone downloads the registration form's code and schemas only on the registration page, and
 * the console's code only in the console. The landing page comes with the app, as it is the
 * page most visits start on.
 */
const page = <M,>(load: () => Promise<M>, name: keyof M): Page =>
  lazy(() => load().then((module) => ({ default: module[name] as Page })));

const RegisterPage = page(() => import('./pages/RegisterPage.tsx'), 'RegisterPage');
const CheckEmailPage = page(() => import('./pages/CheckEmailPage.tsx'), 'CheckEmailPage');
const LoginPage = page(() => import('./pages/LoginPage.tsx'), 'LoginPage');
const MePage = page(() => import('./pages/MePage.tsx'), 'MePage');
const MyDataPage = page(() => import('./pages/MyDataPage.tsx'), 'MyDataPage');
const MyOfferPage = page(() => import('./pages/MyOfferPage.tsx'), 'MyOfferPage');
const EmailChangePage = page(() => import('./pages/EmailChangePage.tsx'), 'EmailChangePage');
const DirectoryPage = page(() => import('./pages/DirectoryPage.tsx'), 'DirectoryPage');
const CallsPage = page(() => import('./pages/CallsPage.tsx'), 'CallsPage');
const CallPage = page(() => import('./pages/CallPage.tsx'), 'CallPage');
const StaffLoginPage = page(() => import('./pages/StaffLoginPage.tsx'), 'StaffLoginPage');
const StaffCallbackPage = page(() => import('./pages/StaffLoginPage.tsx'), 'StaffCallbackPage');
const StaffSignedOutPage = page(() => import('./pages/StaffLoginPage.tsx'), 'StaffSignedOutPage');
const UnsubscribePage = page(() => import('./pages/UnsubscribePage.tsx'), 'UnsubscribePage');
const PrivacyPage = page(() => import('./pages/PrivacyPage.tsx'), 'PrivacyPage');
const SessionStartPage = lazy(() =>
  import('./pages/SessionStartPage.tsx').then((module) => ({ default: module.SessionStartPage })),
);

// The console's pages: each its own chunk too, so a page does not evaluate every other page's code.
const StaffSearchPage = page(() => import('./pages/StaffSearchPage.tsx'), 'StaffSearchPage');
const DemandsPage = page(() => import('./pages/DemandsPage.tsx'), 'DemandsPage');
const DemandPage = page(() => import('./pages/DemandPage.tsx'), 'DemandPage');
const DemandMatchesPage = page(() => import('./pages/DemandMatchesPage.tsx'), 'DemandMatchesPage');
const OffersPage = page(() => import('./pages/OffersPage.tsx'), 'OffersPage');
const OfferPage = page(() => import('./pages/OfferPage.tsx'), 'OfferPage');
const PoliciesPage = page(() => import('./pages/PoliciesPage.tsx'), 'PoliciesPage');
const PolicyPage = page(() => import('./pages/PolicyPage.tsx'), 'PolicyPage');
const StaffCallsPage = page(() => import('./pages/StaffCallsPage.tsx'), 'StaffCallsPage');
const StaffCallPage = page(() => import('./pages/StaffCallPage.tsx'), 'StaffCallPage');
const DashboardPage = page(() => import('./pages/DashboardPage.tsx'), 'DashboardPage');
const StaffUsersPage = page(() => import('./pages/StaffUsersPage.tsx'), 'StaffUsersPage');
const StaffUserPage = page(() => import('./pages/StaffUserPage.tsx'), 'StaffUserPage');
const ImportsPage = page(() => import('./pages/ImportsPage.tsx'), 'ImportsPage');
const DuplicatesPage = page(() => import('./pages/DuplicatesPage.tsx'), 'DuplicatesPage');
const ExportsPage = page(() => import('./pages/ExportsPage.tsx'), 'ExportsPage');
const NoticesPage = page(() => import('./pages/NoticesPage.tsx'), 'NoticesPage');

/** Path patterns and their pages; the first that fits wins, so fixed paths come before :params. */
const routes: [string, Page][] = [
  ['/', LandingPage],
  ['/register', RegisterPage],
  ['/check-email', CheckEmailPage],
  ['/login', LoginPage],
  ['/me', MePage],
  ['/me/data', MyDataPage],
  ['/me/email-change', EmailChangePage],
  ['/me/offers/:id', MyOfferPage],
  ['/directory', DirectoryPage],
  ['/calls', CallsPage],
  ['/calls/:id', CallPage],
  ['/unsubscribe', UnsubscribePage],
  ['/privacy', PrivacyPage],
  ['/staff/login', StaffLoginPage],
  ['/staff/callback', StaffCallbackPage],
  ['/staff/signed-out', StaffSignedOutPage],
  ['/staff/search', StaffSearchPage],
  ['/staff/notices', NoticesPage],
  ['/staff/demands', DemandsPage],
  ['/staff/demands/new', DemandPage],
  ['/staff/demands/:id', DemandPage],
  ['/staff/demands/:id/matches', DemandMatchesPage],
  ['/staff/offers', OffersPage],
  ['/staff/offers/:id', OfferPage],
  ['/staff/policies', PoliciesPage],
  ['/staff/policies/new', PolicyPage],
  ['/staff/policies/:id', PolicyPage],
  ['/staff/calls', StaffCallsPage],
  ['/staff/calls/new', StaffCallPage],
  ['/staff/calls/:id', StaffCallPage],
  ['/staff/dashboard', DashboardPage],
  ['/staff/users', StaffUsersPage],
  ['/staff/users/new', StaffUserPage],
  ['/staff/users/:id', StaffUserPage],
  ['/staff/imports', ImportsPage],
  ['/staff/imports/:id', ImportsPage],
  ['/staff/duplicates', DuplicatesPage],
  ['/staff/exports', ExportsPage],
];

function findPage(path: string): { Page: Page; params: RouteParams } {
  for (const [pattern, Page] of routes) {
    const params = matchRoute(pattern, path);
    if (params) return { Page, params };
  }
  return { Page: NotFoundPage, params: {} };
}

/** Focuses the element once it is on the page: a console page loads its code first. */
function focusWhenShown(selector: string): () => void {
  const found = document.querySelector<HTMLElement>(selector);
  if (found) {
    found.focus();
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const shown = document.querySelector<HTMLElement>(selector);
    if (!shown) return;
    observer.disconnect();
    shown.focus();
  });
  observer.observe(document.getElementById('main') ?? document.body, { childList: true, subtree: true });
  const timer = setTimeout(() => observer.disconnect(), 5_000);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

const goodNews: FlashKey[] = [
  'profileDeleted',
  'loggedOut',
  'demandCreated',
  'policyCreated',
  'callCreated',
  'offerDrafted',
];

/** `loginToken`: taken from a mail link's #login= fragment before the first render. */
export function App({ loginToken }: { loginToken: string | null }) {
  const { t } = useI18n();
  const { path, flash } = useLocation();
  const [pendingLogin, setPendingLogin] = useState(loginToken);
  const loginDone = useCallback(() => setPendingLogin(null), []);
  const { Page, params } = findPage(path.replace(/\/+$/, '') || '/');
  // Signing in or out in another tab shows here at once.
  const [, sessionChanged] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onExpertSessionChange(sessionChanged), []);

  // After an in-app navigation, move focus to the new page's heading, as a page load would.
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    window.scrollTo(0, 0);
    return focusWhenShown('main h1:not([data-loading])');
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
          {pendingLogin ? (
            <Suspense fallback={<PageLoading label={t.loading} />}>
              <SessionStartPage token={pendingLogin} onDone={loginDone} />
            </Suspense>
          ) : (
            <LoadFailure key={path} message={t.genericError} retryLabel={t.retry}>
              <Suspense fallback={<PageLoading label={t.loading} />}>
                <Page key={path} params={params} />
              </Suspense>
            </LoadFailure>
          )}
        </MetaGate>
      </main>
      <footer className="site-footer">
        <Link to="/privacy">{t.footerPrivacy}</Link>
      </footer>
    </>
  );
}

function Header() {
  const { t, lang, toggleLang } = useI18n();
  const meta = useOptionalMeta();
  const loggedIn = expertSession() !== null;
  const staff = staffSession() !== null;
  // The staff console has its own navigation; the public links would only distract an officer.
  const inConsole = useLocation().path.startsWith('/staff');
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t.appName}</span>
          {meta ? <span className="brand-province">{localized(meta.province.name, lang)}</span> : null}
        </Link>
        <nav aria-label={t.mainNav}>
          {inConsole ? (
            <ul>
              <li>
                <Link to="/">{t.navPublicSite}</Link>
              </li>
            </ul>
          ) : (
            <ul>
              <li>
                <Link to="/register">{t.navRegister}</Link>
              </li>
              <li>
                <Link to="/directory">{t.navDirectory}</Link>
              </li>
              <li>
                <Link to="/calls">{t.navCalls}</Link>
              </li>
              <li>
                <Link to={loggedIn ? '/me' : '/login'}>{t.navMyProfile}</Link>
              </li>
              <li>
                <Link to={staff ? '/staff/search' : '/staff/login'}>{t.navStaff}</Link>
              </li>
            </ul>
          )}
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
