/**
 * A call mail's unsubscribe link (#13, item 9): it opens a page that asks first, then withdraws
 * the collaboration-calls consent; every page's footer links the privacy notice. Both pages are
 * scanned with axe-core (0 violations).
 */
import { describe, expect, inject, test } from 'vitest';
import { api, mailsTo, registeredExpert, staffToken } from '../support/api.ts';
import { expectNoAxeViolations } from '../support/axe-watch.ts';
import { chromiumForThisFile } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const chromium = chromiumForThisFile();

/** Opens a call in field 6.5 and waits until its mails are queued. */
async function openCall(): Promise<string> {
  const hr = await staffToken({ agency: 'so-khoa-hoc-cong-nghe' });
  const created = await api('/api/calls', {
    token: hr,
    body: {
      title: 'Tư liệu về văn hóa Chăm',
      description: 'Sưu tầm tư liệu / Collecting records',
      fieldCodes: ['6.5'],
      engagement: 'remote_advisory',
      audience: 'all',
      openUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  await api(`/api/calls/${created.body.id}/transitions`, { token: hr, body: { to: 'open' } });
  return created.body.id;
}

describe('unsubscribing from a call mail', () => {
  test('asks first, withdraws only the calls consent, and the footer links the privacy notice', async () => {
    const expert = await registeredExpert({ fullName: 'Chế Thị Linh', fields: [{ code: '6.5' }] });
    const callId = await openCall();
    let link: string | undefined;
    const started = Date.now();
    while (!link && Date.now() - started < 20_000) {
      const mail = (await mailsTo(expert.email, 2)).find((m) => m.id.startsWith(`call-${callId}-`));
      const token = mail && /\/unsubscribe#token=(\S+)/.exec(mail.text)?.[1];
      link = token && `${baseUrl}/unsubscribe#token=${token}`;
    }
    expect(link).toBeDefined();

    await chromium.withPage('unsubscribe', async (page) => {
      await page.goto(link as string);
      await page.getByRole('heading', { level: 1, name: 'Ngừng nhận lời mời hợp tác' }).waitFor();
      // Opening the link changed nothing.
      expect((await api('/api/me', { token: expert.sessionToken })).body.consent.collaborationCalls).toBe(
        true,
      );
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Ngừng nhận lời mời hợp tác' }).click();
      await page.getByText('Đã xong: bạn sẽ không nhận lời mời hợp tác nữa.').waitFor();
      const consent = (await api('/api/me', { token: expert.sessionToken })).body.consent;
      expect(consent).toMatchObject({ collaborationCalls: false, shareWithAgencies: true });

      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: 'Thông báo về xử lý dữ liệu cá nhân' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Thông báo về xử lý dữ liệu cá nhân' }).waitFor();
      expect(await page.locator('main').textContent()).toContain('91/2025/QH15');
      await expectNoAxeViolations(page);
    });
  });
});
