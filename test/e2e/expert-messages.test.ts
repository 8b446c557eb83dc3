/**
 * What an expert is told when asking for a login link (#13): the check-email page names the
 * address the link went to, and after the hourly allowance the page says from when a new link
 * can be asked for, in Vietnam time, rather than "you are going too fast".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { api, registeredExpert } from '../support/api.ts';
import { launchChromium, withPage } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('asking for a login link', () => {
  test('names the address, then says from when the next link can be asked for', async () => {
    const expert = await registeredExpert();

    await withPage(browser, 'login-link-messages', async (page) => {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('E-mail').fill(expert.email);
      await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();
      expect(await page.locator('main').textContent()).toContain(`Địa chỉ bạn đã nhập: ${expert.email}`);
      // The address is in this tab's history, never in the URL.
      expect(page.url()).not.toContain(encodeURIComponent(expert.email));
      expect(page.url()).not.toContain(expert.email);

      // Use up the hour's allowance (5 mails to one address), then ask again in the browser.
      let status = 202;
      while (status !== 429) {
        status = (await api('/api/me/login-link', { body: { email: expert.email } })).status;
        expect([202, 429]).toContain(status);
      }
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('E-mail').fill(expert.email);
      await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(/Có thể thử lại từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)/);
      expect(text).not.toContain('quá nhanh');
    });
  });
});
