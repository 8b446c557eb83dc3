/**
 * Signing in and out in Chromium. Staff: the console sends the officer to the OpenID provider's
 * login page (the local one, as Cognito's managed login in AWS), brings them back to the page they
 * wanted, renews or restarts the session when the API says 401, and signs out at the provider
 * too. Experts: the session opened by a mail link survives a new tab, and signing out ends it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { loginTokenIn, mailsTo, registration } from '../support/api.ts';
import { AxeWatch } from '../support/axe-watch.ts';
import { chromiumForThisFile, signInAsStaff, submitProviderLogin } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const chromium = chromiumForThisFile();
const withPage = chromium.withPage;

/** Every value this origin keeps in localStorage, as one text. */
const localStorageText = (page: Page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

describe('staff sign-in through the OpenID provider', () => {
  test('an officer wanting the demands page signs in at the provider, comes back there, and signs out there too', async () => {
    await withPage('staff-sign-in-out', async (page) => {
      await signInAsStaff(page, baseUrl, { startAt: '/staff/demands', heading: 'Nhu cầu nhân lực' });

      expect(new URL(page.url()).pathname).toBe('/staff/demands');
      expect(page.url()).not.toMatch(/code=|state=/);
      await page.getByText('Cán bộ: hr@example.gov.vn').waitFor();
      expect(await localStorageText(page)).not.toMatch(/eyJ/); // no JWT in localStorage

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đã đăng xuất' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/staff/signed-out');

      // Signed out at the provider as well: the console asks for the password again.
      await page.goto(`${baseUrl}/staff/search`);
      await page.getByRole('heading', { level: 1, name: /Staff sign-in/ }).waitFor();
    });
  });

  test('a token the API refuses (401) sends the officer through the provider and back to the page', async () => {
    await withPage('staff-token-refused', async (page) => {
      await signInAsStaff(page, baseUrl);

      // The stored ID token is no longer accepted (as if revoked or expired at the server).
      await page.evaluate(() => {
        for (const key of Object.keys(sessionStorage)) {
          if (!key.startsWith('oidc.user:')) continue;
          const user = JSON.parse(sessionStorage.getItem(key) ?? '{}');
          sessionStorage.setItem(key, JSON.stringify({ ...user, id_token: 'revoked.token.value' }));
        }
      });
      const refused = page.waitForResponse((r) => r.url().includes('/api/demands') && r.status() === 401);
      await page
        .getByRole('navigation', { name: 'Các trang của cán bộ' })
        .getByRole('link', { name: 'Nhu cầu' })
        .click();
      await refused;

      // The provider still knows the officer (its own session), so no password is asked again.
      await page.getByRole('heading', { level: 1, name: 'Nhu cầu nhân lực' }).waitFor();
      await page.waitForURL(`${baseUrl}/staff/demands`);
      await expect.poll(() => page.getByText('Cán bộ: hr@example.gov.vn').count()).toBe(1);
    });
  });

  test('the session is renewed a minute before the token expires, the OpenID client loaded only then', async () => {
    await withPage('staff-renewal', async (page) => {
      await signInAsStaff(page, baseUrl);
      const storedUser = () =>
        page.evaluate(() => {
          const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
          return JSON.parse((key && sessionStorage.getItem(key)) ?? '{}') as {
            id_token?: string;
            expires_at?: number;
          };
        });
      const before = await storedUser();

      // A console page opened with most of the token's life left does not load the OpenID client.
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.reload();
      await page.getByText('Cán bộ: hr@example.gov.vn').waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.some((path) => path.includes('staff-auth'))).toBe(false);

      // The same token, due to expire in 65 seconds: renewed with the refresh token within seconds.
      await page.evaluate(() => {
        for (const key of Object.keys(sessionStorage)) {
          if (!key.startsWith('oidc.user:')) continue;
          const user = JSON.parse(sessionStorage.getItem(key) ?? '{}');
          sessionStorage.setItem(
            key,
            JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) + 65 }),
          );
        }
      });
      await page.reload();
      await expect
        .poll(async () => (await storedUser()).id_token, { timeout: 30_000 })
        .not.toBe(before.id_token);
      expect(scripts.some((path) => path.includes('staff-auth'))).toBe(true);
      expect((await storedUser()).expires_at ?? 0).toBeGreaterThan(Date.now() / 1000 + 10 * 60);
      await expect.poll(() => page.getByText('Cán bộ: hr@example.gov.vn').count()).toBe(1);
    });
  });

  test('signing out without the OpenID client (it cannot be loaded) still ends the session in the tab', async () => {
    await withPage('staff-sign-out-offline', async (page) => {
      await signInAsStaff(page, baseUrl);
      // A fresh load of the console (the sign-in pages had the client in this document already).
      await page.route('**/assets/staff-auth-*.js', (route) => route.abort());
      await page.reload();
      await page.getByText('Cán bộ: hr@example.gov.vn').waitFor();

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByText('Bạn đã đăng xuất.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      const stored = await page.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')),
      );
      expect(stored).toEqual([]);
    });
  });

  test('a callback with a state the app did not send shows an error and starts no session', async () => {
    await withPage('staff-bad-state', async (page) => {
      await page.goto(`${baseUrl}/staff/callback?code=forged&state=not-mine`);

      await page.getByText('Không đăng nhập được').waitFor();
      expect(new URL(page.url()).search).toBe('');
      const stored = await page.evaluate(() =>
        Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')),
      );
      expect(stored).toEqual([]);
    });
  });

  test('a wrong password is refused on the provider’s page', async () => {
    await withPage('staff-wrong-password', async (page) => {
      await page.goto(`${baseUrl}/staff/search`);
      await submitProviderLogin(page, 'hr@example.gov.vn', 'not-the-password');

      await page.getByText('Wrong e-mail or password.').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\//);
    });
  });
});

describe("an expert's session", () => {
  test('survives a mail link opened in a new tab, and signing out ends it in every tab', async () => {
    const person = registration();
    const res = await fetch(`${baseUrl}/api/experts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person),
    });
    expect(res.status).toBe(202);
    const [mail] = await mailsTo(person.email);
    const context = await chromium.browser().newContext({ locale: 'vi-VN' });
    const axe = new AxeWatch(context);
    try {
      const first = await context.newPage();
      await first.goto(`${baseUrl}/#login=${encodeURIComponent(loginTokenIn(mail))}`);
      await first.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();

      const second = await context.newPage();
      await second.goto(`${baseUrl}/me`);
      await second.getByRole('heading', { level: 2, name: person.fullName }).waitFor();

      await second.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
      // The sign-out is a request: the other tab is reloaded only once it has answered.
      await second.getByRole('link', { name: 'Đăng nhập bằng e-mail' }).waitFor();
      await first.reload();
      await first.getByRole('link', { name: 'Đăng nhập bằng e-mail' }).waitFor();
      await axe.finish();
    } finally {
      await context.close();
    }
  });
});
