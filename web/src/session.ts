/**
 * The expert's session token lives in this origin's localStorage: a mail link opened in a new tab
 * (or a second tab) finds the session, and the same-origin policy keeps it from every other site
 * (the CSP allows only this origin's scripts). An HttpOnly cookie would hide it from scripts too,
 * but the contract's expert auth is a Bearer header, and a cookie would bring CSRF back onto every
 * state-changing route. Signing out removes it in every tab (the server ends the session too).
 * Other short-lived values (the return path) stay in sessionStorage, per tab.
 */
import { isReturnPath } from '#shared/domain/return-path';

export interface ExpertSession {
  sessionToken: string;
  expiresAt: string;
}

export interface StaffSession {
  token: string;
  email: string;
  role: 'hr' | 'admin';
  agency: string;
}

const expertKey = 'talentRegistry.expertSession';

function read<T>(key: string, storage: Storage = sessionStorage): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown, storage: Storage = sessionStorage): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be unavailable (private mode); the session then lasts until the next reload.
  }
}

export function expertSession(): ExpertSession | null {
  const session = read<ExpertSession>(expertKey, localStorage);
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    write(expertKey, null, localStorage);
    return null;
  }
  return session;
}

export const saveExpertSession = (session: ExpertSession): void => write(expertKey, session, localStorage);
export const clearExpertSession = (): void => write(expertKey, null, localStorage);

/** Another tab signed in or out: `listener` re-renders this one. */
export function onExpertSessionChange(listener: () => void): () => void {
  const handle = (event: StorageEvent) => {
    if (event.key === expertKey || event.key === null) listener();
  };
  window.addEventListener('storage', handle);
  return () => window.removeEventListener('storage', handle);
}

/** Where oidc-client-ts keeps the signed-in officer (staff-auth.ts): `oidc.user:<issuer>:<client id>`. */
const staffUserPrefix = 'oidc.user:';

interface StoredOidcUser {
  id_token?: string;
  expires_at?: number;
  profile?: { email?: unknown; 'cognito:groups'?: unknown; 'custom:agency'?: unknown };
}

function storedStaffUser(): StoredOidcUser | null {
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(staffUserPrefix)) return JSON.parse(sessionStorage.getItem(key) ?? 'null');
    }
  } catch {
    // unavailable storage or a damaged entry: nobody is signed in
  }
  return null;
}

/**
 * The signed-in officer, from the ID token's claims (the server checks the token itself); null
 * when nobody is signed in or the token has expired and was not renewed.
 */
export function staffSession(): StaffSession | null {
  const user = storedStaffUser();
  if (!user?.id_token || !user.profile) return null;
  if (typeof user.expires_at === 'number' && user.expires_at * 1000 <= Date.now()) return null;
  const groups = Array.isArray(user.profile['cognito:groups']) ? user.profile['cognito:groups'] : [];
  const agency = user.profile['custom:agency'];
  return {
    token: user.id_token,
    email: typeof user.profile.email === 'string' ? user.profile.email : '',
    role: groups.includes('admin') ? 'admin' : 'hr',
    agency: typeof agency === 'string' ? agency : '',
  };
}

/** When the signed-in officer's token expires (ms since the epoch); null when nobody is signed in. */
export function staffSessionExpiresAt(): number | null {
  const expiresAt = storedStaffUser()?.expires_at;
  return typeof expiresAt === 'number' ? expiresAt * 1000 : null;
}

export function clearStaffSession(): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key?.startsWith(staffUserPrefix)) sessionStorage.removeItem(key);
    }
  } catch {
    // nothing stored
  }
}

const returnKey = 'talentRegistry.returnTo';

/**
 * Where to go once a mail link has opened the session (e.g. the call the expert wanted to answer).
 * It also travels with the login-link request, so the mailed link lands there in a new tab. Only
 * pages of the allow-list are kept (the server checks the same list), so a crafted value cannot
 * send anyone elsewhere.
 */
export function saveReturnPath(path: string): void {
  if (isReturnPath(path)) write(returnKey, path);
}

/** The saved return path, left in place (the login page sends it with the request). */
export function peekReturnPath(): string | null {
  const path = read<string>(returnKey);
  return isReturnPath(path) ? path : null;
}

export function takeReturnPath(): string | null {
  const path = peekReturnPath();
  write(returnKey, null);
  return path;
}

/** The expert a session or login token belongs to: tokens are `<expertId>.<secret>`. */
export const expertIdOfToken = (token: string): string => token.split('.')[0] ?? '';

/**
 * Whether a mail link's token can be left unused: this browser has a session of the same expert
 * already, so the page the link opened is shown as it is, and the link stays valid for another
 * device.
 */
export function sessionCovers(loginToken: string): boolean {
  const session = expertSession();
  return session !== null && expertIdOfToken(session.sessionToken) === expertIdOfToken(loginToken);
}
