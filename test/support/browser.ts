/** Debian's Chromium driven by playwright-core, as every browser test launches it. */
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { AxeWatch } from './axe-watch.ts';
import { chromiumFlags } from './chromium-flags.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', ...chromiumFlags],
  });
}

/**
 * A fresh browser context (own sessionStorage) per person; a screenshot if the test fails. axe-core
 * scans every page the person visits (`AxeWatch`): a violation fails the test.
 */
export async function withPage(
  browser: Browser,
  name: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const axe = new AxeWatch(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  try {
    await run(page);
    await axe.finish();
  } catch (error) {
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: `test-results/e2e-${name}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** The local OpenID provider's demo accounts (infra/local/staff-accounts.ts). */
export const demoOfficer = { email: 'hr@example.gov.vn', agency: 'so-noi-vu' };
export const demoAdmin = { email: 'admin@example.gov.vn' };

/**
 * Signs in as staff the way an officer does: the console sends the browser to the OpenID
 * provider's login page, the officer types the e-mail and password there, and comes back to the
 * page they wanted (`startAt`, the search page by default).
 */
export async function signInAsStaff(
  page: Page,
  baseUrl: string,
  options: { email?: string; password?: string; startAt?: string; heading?: string } = {},
): Promise<void> {
  await page.goto(`${baseUrl}${options.startAt ?? '/staff/search'}`);
  await submitProviderLogin(page, options.email ?? demoOfficer.email, options.password ?? 'demo-password');
  await page.getByRole('heading', { level: 1, name: options.heading ?? 'Tìm kiếm chuyên gia' }).waitFor();
}

/** Fills and submits the provider's login page (once the browser is on it). */
export async function submitProviderLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /Đăng nhập cán bộ · Staff sign-in/ }).waitFor();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
}

/** One Chromium for the test file (launched before its tests, closed after), and a page per person. */
export function chromiumForThisFile() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => browser,
    withPage: (name: string, run: (page: Page) => Promise<void>) => withPage(browser, name, run),
  };
}
