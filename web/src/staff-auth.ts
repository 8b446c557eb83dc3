/**
 * Staff sign in with OpenID Connect, authorization code + PKCE, through oidc-client-ts: Cognito's
 * managed login in AWS, the local OpenID provider under `npm start`. The issuer, client id and
 * scopes come from GET /api/meta at run time (never from the build). The console never asks for
 * a password itself.
 *
 * Tokens stay in this tab's sessionStorage (oidc-client-ts's user store; the PKCE state too):
 * never in localStorage, never in a URL once the callback has run. The API receives the ID token,
 * which carries `cognito:groups` and `custom:agency` (see README, "Staff sign-in"). The token is
 * renewed with the refresh token a minute before it expires, while a console page is open.
 *
 * This module (and oidc-client-ts) is loaded only by the sign-in pages, and by the console when
 * a renewal is due or the officer signs out (StaffConsole.tsx): not with every console page.
 */
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Meta } from './api.ts';
import { dropAllDrafts } from './forms/unsaved-draft.ts';

export type StaffSignInConfig = NonNullable<Meta['staffSignIn']>;

let manager: { config: StaffSignInConfig; users: UserManager } | null = null;

function userManager(config: StaffSignInConfig): UserManager {
  if (manager?.config.issuer === config.issuer && manager.config.clientId === config.clientId) {
    return manager.users;
  }
  const origin = window.location.origin;
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  const users = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scopes,
    response_type: 'code',
    redirect_uri: `${origin}/staff/callback`,
    post_logout_redirect_uri: `${origin}/staff/signed-out`,
    userStore: store,
    stateStore: store,
    loadUserInfo: false,
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
  });
  // A renewal that fails (account disabled, refresh token revoked or expired) ends the session;
  // the next request's 401 sends the officer to sign in again.
  users.events.addSilentRenewError(() => {
    void users.removeUser();
  });
  manager = { config, users };
  return users;
}

/** Starts renewing the stored session before it expires (the manager is made on first use). */
export function keepStaffSessionFresh(config: StaffSignInConfig): void {
  userManager(config);
}

/** To the provider's login page; back on `returnTo` (a path of this app) afterwards. */
export async function signInStaff(config: StaffSignInConfig, returnTo: string): Promise<void> {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/staff/search';
  await userManager(config).signinRedirect({ state: { returnTo: safe } });
}

/**
 * The callback: checks the state (and PKCE, through the token request) and stores the session.
 * Throws for a wrong or replayed state, a provider error or a refused code: no session then.
 */
export async function completeStaffSignIn(config: StaffSignInConfig): Promise<string> {
  const user: User = await userManager(config).signinRedirectCallback(window.location.href);
  const state = user.state as { returnTo?: unknown } | undefined;
  return typeof state?.returnTo === 'string' ? state.returnTo : '/staff/search';
}

/** Ends the session here and at the provider (its single sign-on session too). */
export async function signOutStaff(config: StaffSignInConfig): Promise<void> {
  dropAllDrafts();
  const users = userManager(config);
  const user = await users.getUser();
  if (config.signOutUrl) {
    // Cognito: its /logout endpoint (client_id and logout_uri are in the configured URL).
    await users.removeUser();
    window.location.assign(config.signOutUrl);
    return;
  }
  await users.revokeTokens(['refresh_token']).catch(() => undefined);
  await users.signoutRedirect({ id_token_hint: user?.id_token });
}
