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
import { Loading, Notice } from './components/Notice.tsx';
import { localized, useI18n } from './i18n.tsx';
import { MetaGate, useOptionalMeta } from './meta.tsx';
import { CallPage } from './pages/CallPage.tsx';
import { CallsPage } from './pages/CallsPage.tsx';
import { CheckEmailPage } from './pages/CheckEmailPage.tsx';
import { DirectoryPage } from './pages/DirectoryPage.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MePage } from './pages/MePage.tsx';
import { MyDataPage } from './pages/MyDataPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { SessionStartPage } from './pages/SessionStartPage.tsx';
import { StaffCallbackPage, StaffLoginPage, StaffSignedOutPage } from './pages/StaffLoginPage.tsx';
import { type FlashKey, Link, matchRoute, type RouteParams, useLocation } from './router.tsx';
import { expertSession, onExpertSessionChange, staffSession } from './session.ts';

type Page = ComponentType<{ params: RouteParams }>;

const staffPage = (name: keyof typeof import('./pages/staff-console.ts')): Page =>
  lazy(() => import('./pages/staff-console.ts').then((pages) => ({ default: pages[name] })));

const StaffSearchPage = staffPage('StaffSearchPage');
const DemandsPage = staffPage('DemandsPage');
const DemandPage = staffPage('DemandPage');
const DemandMatchesPage = staffPage('DemandMatchesPage');
const OffersPage = staffPage('OffersPage');
const OfferPage = staffPage('OfferPage');
const PoliciesPage = staffPage('PoliciesPage');
const PolicyPage = staffPage('PolicyPage');
const StaffCallsPage = staffPage('StaffCallsPage');
const StaffCallPage = staffPage('StaffCallPage');
const DashboardPage = staffPage('DashboardPage');
const ImportsPage = staffPage('ImportsPage');
const DuplicatesPage = staffPage('DuplicatesPage');
const ExportsPage = staffPage('ExportsPage');

/** Path patterns and their pages; the first that fits wins, so fixed paths come before :params. */
const routes: [string, Page][] = [
  ['/', LandingPage],
  ['/register', RegisterPage],
  ['/check-email', CheckEmailPage],
  ['/login', LoginPage],
  ['/me', MePage],
  ['/me/data', MyDataPage],
  ['/directory', DirectoryPage],
  ['/calls', CallsPage],
  ['/calls/:id', CallPage],
  ['/staff/login', StaffLoginPage],
  ['/staff/callback', StaffCallbackPage],
  ['/staff/signed-out', StaffSignedOutPage],
  ['/staff/search', StaffSearchPage],
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
    return focusWhenShown('main h1');
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
            <SessionStartPage token={pendingLogin} onDone={loginDone} />
          ) : (
            <LoadFailure key={path} message={t.genericError} retryLabel={t.retry}>
              <Suspense fallback={<Loading label={t.loading} />}>
                <Page key={path} params={params} />
              </Suspense>
            </LoadFailure>
          )}
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
