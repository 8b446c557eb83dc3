/**
 * The frame of every HR console page: the staff session check, the navigation between the
 * console's pages, who is signed in, and the page heading. A 401 anywhere ends the staff session.
 */
import { type ReactNode, useEffect } from 'react';
import { ApiError } from '../api.ts';
import { dropAllDrafts, keepOpenDraft } from '../forms/unsaved-draft.ts';
import { useMeta, usePlaceNames } from '../meta.tsx';
import { Link, navigate } from '../router.tsx';
import { clearStaffSession, type StaffSession, staffSession, staffSessionExpiresAt } from '../session.ts';
import type { StaffSignInConfig } from '../staff-auth.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useUnseenNotices } from '../useUnseenNotices.ts';
import { Loading } from './Notice.tsx';

export type StaffSection =
  | 'search'
  | 'demands'
  | 'offers'
  | 'calls'
  | 'policies'
  | 'dashboard'
  | 'imports'
  | 'duplicates'
  | 'exports'
  | 'users'
  | 'notices';

/** Sign in, then come back to this page (its path and query: a list's filters). */
const signInHere = () =>
  navigate(`/staff/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`, {
    replace: true,
  });

/** oidc-client-ts renews the token this long before it expires (staff-auth.ts). */
const renewBeforeMs = 60_000;

/**
 * Renews the officer's session when it is due. The OpenID client (staff-auth.ts with
 * oidc-client-ts, 17 KB gzip) is loaded then, a minute before the token expires, or when the
 * officer signs out, not with every console page: the session itself is read from storage
 * (session.ts), and a phone opening a console page evaluates none of it. Once loaded, the client
 * keeps renewing by itself. Returns the cancel for a page that closes first.
 */
function renewWhenDue(config: StaffSignInConfig): () => void {
  const expiresAt = staffSessionExpiresAt();
  if (expiresAt === null) return () => undefined;
  const due = Math.min(Math.max(0, expiresAt - renewBeforeMs - Date.now()), 2 ** 31 - 1);
  const timer = setTimeout(() => {
    void import('../staff-auth.ts').then((auth) => auth.keepStaffSessionFresh(config));
  }, due);
  return () => clearTimeout(timer);
}

/** A 401 means the staff token expired or was revoked: sign in again and come back here. */
export function endStaffSessionIfGone(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    keepOpenDraft();
    clearStaffSession();
    signInHere();
  }
}

/** A console request whose 401 ends the staff session; the failure still reaches the caller. */
export const staffRequest = <T,>(request: Promise<T>): Promise<T> =>
  request.catch((error: unknown) => {
    endStaffSessionIfGone(error);
    throw error;
  });

/** Owner agency or administrator: who may change a demand or a call (the server decides, too). */
export const mayManage = (session: StaffSession, agency: string | null): boolean =>
  session.role === 'admin' || (agency !== null && session.agency === agency);

export function StaffConsole({
  section,
  title,
  newRecord,
  ownHeading,
  children,
}: {
  section: StaffSection;
  /** The page heading; also shown when nobody is signed in. */
  title: string;
  /** A record's page names the record in its own heading, once it has loaded. */
  ownHeading?: boolean;
  /** Beside the heading: the page's main action, a link to create a record ("New demand"). */
  newRecord?: { to: string; label: string };
  children: (session: StaffSession) => ReactNode;
}) {
  const { t } = useStaffI18n();
  const config = useMeta().staffSignIn;
  const session = staffSession();
  const signedIn = session !== null;
  useEffect(() => {
    if (!signedIn) signInHere();
    else if (config) return renewWhenDue(config);
  }, [signedIn, config]);
  if (!session) {
    return (
      <>
        <h1 tabIndex={-1}>{title}</h1>
        <Loading label={t.staffNeedLogin} />
      </>
    );
  }
  return (
    <>
      <div className="console-bar">
        <StaffNav section={section} isAdmin={session.role === 'admin'} agency={session.agency} />
        <SignedIn session={session} />
      </div>
      {ownHeading ? null : (
        <div className="page-heading">
          <h1 tabIndex={-1}>{title}</h1>
          {newRecord ? (
            <Link to={newRecord.to} className="button primary">
              {newRecord.label}
            </Link>
          ) : null}
        </div>
      )}
      {children(session)}
    </>
  );
}

function StaffNav({ section, isAdmin, agency }: { section: StaffSection; isAdmin: boolean; agency: string }) {
  const { t } = useStaffI18n();
  const unseen = useUnseenNotices(agency);
  const links: [StaffSection, string, string][] = [
    ['search', '/staff/search', t.staffNavSearch],
    ['notices', '/staff/notices', t.staffNavNotices],
    ['demands', '/staff/demands', t.staffNavDemands],
    ['offers', '/staff/offers', t.staffNavOffers],
    ['calls', '/staff/calls', t.staffNavCalls],
    ['policies', '/staff/policies', t.staffNavPolicies],
    ['dashboard', '/staff/dashboard', t.staffNavDashboard],
    // Staff administration is for administrators only (the API refuses anyone else too).
    ...(isAdmin ? [['users', '/staff/users', t.staffNavUsers] as [StaffSection, string, string]] : []),
    // Administrators' bulk work on the register.
    ...(isAdmin
      ? ([
          ['imports', '/staff/imports', t.staffNavImports],
          ['duplicates', '/staff/duplicates', t.staffNavDuplicates],
          ['exports', '/staff/exports', t.staffNavExports],
        ] as [StaffSection, string, string][])
      : []),
  ];
  return (
    <nav className="staff-nav" aria-label={t.staffNav}>
      <ul>
        {links.map(([key, to, label]) => (
          <li key={key}>
            <Link to={to} aria-current={key === section ? 'page' : undefined}>
              {label}
              {key === 'notices' && unseen ? (
                <span className="badge" data-testid="notices-badge">
                  <span aria-hidden="true">{unseen > 99 ? '99+' : unseen}</span>
                  <span className="visually-hidden">{` (${t.noticesBadge(unseen)})`}</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SignedIn({ session }: { session: StaffSession }) {
  const { t } = useStaffI18n();
  const config = useMeta().staffSignIn;
  const names = usePlaceNames();
  const role = session.role === 'admin' ? t.roleAdmin : t.roleHr;
  return (
    <p className="meta-line signed-in">
      <span>{t.staffSignedInAs(session.email)}</span>{' '}
      <span>({t.staffRoleAgency(role, names.agency(session.agency))})</span>{' '}
      <button
        type="button"
        className="secondary small"
        onClick={() => {
          const signOutHere = () => {
            dropAllDrafts();
            clearStaffSession();
            navigate('/', { flash: 'loggedOut' });
          };
          // The OpenID client is loaded now (see renewWhenDue); if it cannot be (no network), the
          // session still ends in this tab.
          if (config) void import('../staff-auth.ts').then((auth) => auth.signOutStaff(config), signOutHere);
          else signOutHere();
        }}
      >
        {t.logout}
      </button>
    </p>
  );
}
