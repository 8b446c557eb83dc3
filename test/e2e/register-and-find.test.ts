/**
 * The registry end to end in Chromium, against the local server with the built web app (started
 * by the suite's globalSetup): an expert registers, confirms by the mailed link, edits the
 * profile; an HR officer finds the expert by an unaccented search and opens the full profile.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { consentText } from '#shared/domain/consent';
import {
  demoOfficer,
  launchChromium,
  withPage as openPage,
  submitProviderLogin,
} from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const fullName = 'Nguyễn Văn An';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const withPage = (name: string, run: (page: Page) => Promise<void>) => openPage(browser, name, run);

/** Fills the registration form in Vietnamese, the default language; `fullName: ''` leaves it empty. */
async function fillRegistration(page: Page, person: { fullName: string; email: string }): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.getByRole('heading', { level: 1, name: 'Đăng ký hồ sơ trí thức' }).waitFor();
  if (person.fullName) await page.getByLabel('Họ và tên').fill(person.fullName);
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Năm sinh').fill('1985');
  await page.getByLabel('Học vị cao nhất').selectOption('doctorate');
  await page.getByLabel('Lĩnh vực 1').selectOption('2.3');
  await page.getByLabel('Chuyên ngành hẹp 1').fill('Thiết kế máy');
  await page.getByLabel('Hiện đang ở').selectOption('overseas');
  await page.getByLabel(/^Quốc gia/).selectOption('JP');
  await page.getByLabel('Thành phố').fill('Osaka');
  await page.getByRole('radio', { name: 'Có' }).check();
  await page.getByLabel('Cơ quan, đơn vị công tác').fill('Osaka University');
  await page.getByLabel('Số năm kinh nghiệm').fill('12');
  await page.getByLabel('Tư vấn từ xa').check();
  await page.getByLabel(consentText.vi[0]).check();
  await page.getByLabel(consentText.vi[1]).check();
}

/** The login link from the newest mail to `email`; the outbox is filled by a stream poller. */
async function loginLinkFromOutbox(email: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/dev/outbox?to=${encodeURIComponent(email)}`);
    const { items } = (await response.json()) as { items: { text: string }[] };
    const link = items.map((mail) => /\S+#login=[^\s)>"]+/.exec(mail.text)?.[0]).find(Boolean);
    if (link) {
      // Open it on this server whatever origin the mail was written with.
      const { pathname, hash } = new URL(link);
      return `${baseUrl}${pathname}${hash}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no login link mailed to ${email} within 10 s`);
}

describe('registering and being found', () => {
  test('an expert registers, confirms by e-mail, edits the profile, and HR finds it', async () => {
    const email = `an.nguyen.${Date.now()}@example.com`;

    await withPage('register-and-find', async (page) => {
      await fillRegistration(page, { fullName, email });
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();
      expect(await page.locator('main').textContent()).toContain(email);

      await page.goto(await loginLinkFromOutbox(email));
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
      await page.getByRole('heading', { level: 2, name: fullName }).waitFor();
      expect(page.url()).not.toContain('#login=');

      await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
      await page.getByLabel('Số năm kinh nghiệm').fill('15');
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thay đổi.').waitFor();
      const years = page.locator('.detail', { hasText: 'Số năm kinh nghiệm' }).locator('dd');
      await expect.poll(() => years.textContent()).toBe('15');

      // Everything held about the expert, readable and printable: labels, not codes; Vietnam time.
      await page.getByRole('link', { name: 'Xem bản dễ đọc (in được)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dữ liệu cơ sở dữ liệu lưu về tôi' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Lịch sử đồng ý' }).waitFor();
      const readable = (await page.locator('main').textContent()) ?? '';
      expect(readable).toContain(email);
      expect(readable).toContain('Tiến sĩ');
      expect(readable).toContain('Nhật Bản');
      expect(readable).toContain('(giờ Việt Nam)');
      expect(readable).not.toMatch(/doctorate|shareWithAgencies|overseas|\bJP\b/);
    });

    await withPage('staff-search', async (page) => {
      await page.goto(`${baseUrl}/staff/search`);
      // The console sends the officer to the OpenID provider's login page, then back.
      await page.waitForURL(/\/oidc\/interaction\//);
      await submitProviderLogin(page, demoOfficer.email, 'demo-password');
      await page.getByRole('heading', { level: 1, name: 'Tìm kiếm chuyên gia' }).waitFor();
      expect(new URL(page.url()).search).toBe('');

      await page.getByLabel('Tìm theo tên hoặc chuyên ngành').fill('nguyen van an');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const rows = page.getByRole('row').filter({ has: page.getByText(fullName, { exact: true }) });
      await rows.first().waitFor();

      // Demo data may hold namesakes: the one just registered is the row whose profile has the e-mail.
      const panel = page.locator('.panel');
      let found = false;
      for (const row of await rows.all()) {
        await row.focus();
        await page.keyboard.press('Enter');
        await panel.getByRole('heading', { level: 2, name: fullName }).waitFor();
        found = (await panel.getByText(email).count()) > 0;
        if (found) break;
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'detached' });
      }
      expect(found).toBe(true);

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    });
  });

  test('a missing required field is reported next to it and nothing is sent', async () => {
    await withPage('missing-name', async (page) => {
      const registrations: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/experts') {
          registrations.push(request.url());
        }
      });

      await fillRegistration(page, { fullName: '', email: `nameless.${Date.now()}@example.com` });
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click();

      const nameInput = page.getByLabel('Họ và tên');
      const message = page.locator('.field', { has: nameInput }).locator('.field-error');
      await message.waitFor();
      expect(await message.textContent()).toContain('Nhập họ và tên');
      expect(await nameInput.getAttribute('aria-invalid')).toBe('true');
      expect(await nameInput.getAttribute('aria-describedby')).toContain(await message.getAttribute('id'));
      expect(await nameInput.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
      expect(registrations).toEqual([]);
    });
  });
});
