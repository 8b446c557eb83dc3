/**
 * A collaboration call end to end in Chromium: staff create a call for overseas natives and open
 * it; an opted-in overseas native whose field matches gets the mail, follows its link, logs in by
 * e-mail and comes back to the call, and responds; staff see the response.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { api, type Mail, mailsTo, newLoginLink, registeredExpert } from '../support/api.ts';
import { launchChromium, withPage as openPage, signInAsStaff } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const withPage = (name: string, run: (page: Page) => Promise<void>) => openPage(browser, name, run);

/** The newest mail to `email` whose subject starts so; opening a call mails through a job and the outbox. */
async function mailWithSubject(email: string, subjectStart: string): Promise<Mail> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = (await mailsTo(email, 1, 500)).find((mail) => mail.subject.startsWith(subjectStart));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail "${subjectStart}…" to ${email} within 30 s`);
}

/** The same page on this server, whatever origin the mail was written with. */
const onThisServer = (link: string): string => {
  const { pathname, hash } = new URL(link);
  return `${baseUrl}${pathname}${hash}`;
};

describe('a collaboration call and a response to it', () => {
  test('staff open a call for overseas natives; a matching native responds from the mailed link', async () => {
    const tag = Date.now().toString(36);
    const { consentTextVersion } = (await api<{ consentTextVersion: string }>('/api/meta')).body;
    const fullName = `Đặng Thị Hồng Nhung ${tag}`;
    const expert = await registeredExpert({
      fullName,
      fields: [{ code: '1.2', specialization: `Học máy ${tag}` }],
      location: { kind: 'overseas', country: 'DE', city: 'Berlin' },
      nativeOfProvince: true,
      engagement: ['remote_advisory'],
      consent: {
        registry: true,
        shareWithAgencies: false,
        collaborationCalls: true,
        publicDirectory: false,
        textVersion: consentTextVersion,
      },
    });
    const callTitle = `Tư vấn chuyển đổi số cho cảng Dung Quất ${tag}`;
    const message = `Tôi có 10 năm kinh nghiệm học máy, có thể tư vấn từ xa ${tag}.`;
    const openUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    let callPageUrl = '';

    await withPage('call-staff-open', async (page) => {
      await signInAsStaff(page, baseUrl);
      await page
        .getByRole('navigation', { name: 'Các trang của cán bộ' })
        .getByRole('link', { name: 'Lời mời hợp tác' })
        .click();
      await page.getByRole('link', { name: 'Tạo lời mời' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lời mời mới' }).waitFor();

      await page.getByLabel(/^Tên lời mời/).fill(callTitle);
      await page.getByLabel(/^Hình thức làm việc/).selectOption('remote_advisory');
      await page.getByLabel(/^Đối tượng/).selectOption('overseas_natives');
      await page.getByLabel(/^Hạn phản hồi/).fill(openUntil);
      await page.getByLabel(/^Mô tả/).fill('Tư vấn từ xa về ứng dụng học máy trong điều hành cảng biển.');
      await page.getByText('1 Khoa học tự nhiên', { exact: true }).click();
      await page.getByLabel('1.2 Khoa học máy tính và thông tin').check();
      await page.getByRole('button', { name: 'Tạo lời mời' }).click();

      await page.getByText('Đã tạo lời mời (bản nháp).').waitFor();
      await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
      callPageUrl = page.url();
      await page.getByRole('button', { name: 'Mở lời mời' }).click();
      const dialog = page.getByRole('dialog', { name: 'Mở lời mời và gửi e-mail?' });
      expect(await dialog.textContent()).toContain('Trí thức người gốc tỉnh ở nước ngoài');
      await dialog.getByRole('button', { name: 'Mở lời mời' }).click();
      await page.getByText('Đã mở lời mời.').waitFor();
      expect(await page.locator('main .page-heading .tag').textContent()).toBe('Đang mở');
      await page.getByRole('button', { name: 'Đóng lời mời' }).waitFor();
      // The count of experts mailed updates by itself while the job runs, without a reload.
      await page.getByText(/^Đã gửi thông báo cho \d+ chuyên gia\.$/).waitFor({ timeout: 60_000 });
    });

    await withPage('call-expert-respond', async (page) => {
      // The open call is public; the mail links to its page.
      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: /Lời mời hợp tác đang mở/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Lời mời hợp tác của tỉnh' }).waitFor();
      await page.getByRole('link', { name: callTitle }).waitFor();

      const callMail = await mailWithSubject(expert.email, 'Lời mời hợp tác');
      expect(callMail.subject).toContain(callTitle);
      const link = /\S+\/calls\/\S+/.exec(callMail.text)?.[0] ?? '';
      // The mail's link signs in on its own (mail-links.test.ts); here the call is opened from
      // the public list's address, without the link's token.
      expect(link).toContain('#login=');
      await page.goto(onThisServer(link).replace(/#.*$/, ''));
      await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();

      // No session yet: log in by e-mail and come back to the call.
      const before = await mailsTo(expert.email);
      await page.getByRole('button', { name: 'Phản hồi lời mời' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập bằng e-mail' }).waitFor();
      await page.getByText('Đăng nhập để phản hồi lời mời.').waitFor();
      await page.getByLabel('E-mail').fill(expert.email);
      await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();
      await page.goto(await newLoginLink(expert.email, before));
      await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
      expect(new URL(page.url()).pathname).toBe(new URL(link).pathname);

      await page.getByLabel(/^Lời nhắn gửi cơ quan/).fill(message);
      await page.getByRole('button', { name: 'Gửi phản hồi' }).click();
      await page.getByText('Bạn đã phản hồi lời mời này lúc').waitFor();
      await page.getByRole('button', { name: 'Rút phản hồi' }).waitFor();
    });

    await withPage('call-staff-responses', async (page) => {
      // Straight to the call's page: the provider's login page, then back to the call.
      await signInAsStaff(page, baseUrl, { startAt: new URL(callPageUrl).pathname, heading: callTitle });
      const responses = page.getByRole('region', { name: 'Phản hồi của chuyên gia' });
      const row = responses.getByRole('row').filter({ hasText: fullName });
      await row.waitFor();
      expect(await row.textContent()).toContain(message);
    });
  });
});
