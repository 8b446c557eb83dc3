/**
 * Path routing on the History API. Hash routing is out: the mail link's fragment carries the
 * login token (#login=...). The local server and CloudFront serve index.html for unknown paths.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';
import type { Messages } from './i18n.tsx';

/** A one-time notice shown on the page navigated to (e.g. "your profile has been deleted"). */
export type FlashKey = keyof Pick<
  Messages,
  | 'profileDeleted'
  | 'loggedOut'
  | 'sessionExpired'
  | 'staffNeedLogin'
  | 'needLogin'
  | 'needLoginToRespond'
  | 'demandCreated'
  | 'policyCreated'
  | 'callCreated'
  | 'offerDrafted'
>;

export interface Location {
  path: string;
  /** The query string, with its '?' (a list's filters): Back and a shared link restore them. */
  search: string;
  flash: FlashKey | null;
}

const here = (flash: FlashKey | null = null): Location => ({
  path: window.location.pathname,
  search: window.location.search,
  flash,
});

let current: Location = here();
const listeners = new Set<() => void>();

function update(next: Location): void {
  current = next;
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => update(here()));

/**
 * Goes to `to`. `state` travels in the history entry (this tab only, never in the URL, so never
 * to a server log): e.g. the address a link was sent to, for the page that says so.
 */
export function navigate(
  to: string,
  options: { replace?: boolean; flash?: FlashKey; state?: Record<string, string> } = {},
): void {
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  update(here(options.flash));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useLocation = (): Location => useSyncExternalStore(subscribe, () => current);

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates in-app on a plain left click and behaves natively otherwise. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  const isCurrent = useLocation().path === to;
  return (
    <a href={to} onClick={handleClick} aria-current={isCurrent ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}

export type RouteParams = Record<string, string>;

/**
 * The parameters of `path` if it fits `pattern` ('/staff/demands/:id' fits '/staff/demands/42'
 * with {id: '42'}); null otherwise. Ids are opaque, so a segment is decoded but never parsed.
 */
export function matchRoute(pattern: string, path: string): RouteParams | null {
  const wanted = pattern.split('/');
  const actual = path.split('/');
  if (wanted.length !== actual.length) return null;
  const params: RouteParams = {};
  for (const [i, part] of wanted.entries()) {
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual[i]);
      } catch {
        return null;
      }
      if (!params[part.slice(1)]) return null;
    } else if (part !== actual[i]) return null;
  }
  return params;
}

/** A value the page was navigated to with (navigate's `state`), if this history entry has it. */
export function historyState(key: string): string | null {
  const state = window.history.state as Record<string, unknown> | null;
  const value = state?.[key];
  return typeof value === 'string' ? value : null;
}
