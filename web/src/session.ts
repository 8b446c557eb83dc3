/**
 * Credentials live in sessionStorage: they survive a reload but not the closing of the tab, and
 * are never shared with other tabs or written to localStorage.
 */
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
const staffKey = 'talentRegistry.staffSession';

function read<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be unavailable (private mode); the session then lasts until the next reload.
  }
}

export function expertSession(): ExpertSession | null {
  const session = read<ExpertSession>(expertKey);
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    write(expertKey, null);
    return null;
  }
  return session;
}

export const saveExpertSession = (session: ExpertSession): void => write(expertKey, session);
export const clearExpertSession = (): void => write(expertKey, null);

export const staffSession = (): StaffSession | null => read<StaffSession>(staffKey);
export const saveStaffSession = (session: StaffSession): void => write(staffKey, session);
export const clearStaffSession = (): void => write(staffKey, null);

const returnKey = 'talentRegistry.returnTo';

/**
 * Where to go once a mail link has opened the session (e.g. the call the expert wanted to answer).
 * Only same-origin paths are kept, so a crafted value cannot send anyone elsewhere.
 */
export function saveReturnPath(path: string): void {
  if (path.startsWith('/') && !path.startsWith('//')) write(returnKey, path);
}

export function takeReturnPath(): string | null {
  const path = read<string>(returnKey);
  write(returnKey, null);
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : null;
}
