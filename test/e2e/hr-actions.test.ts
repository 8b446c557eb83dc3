/**
 * HR acts from a search result (#13, item 3), in Chromium against the local server: the demo
 * officer finds an expert, copies the contacts (a visible confirmation), prints the profile panel
 * alone, drafts an offer for one of the agency's open demands from the panel and sends it after a
 * confirmation; the expert accepts after a confirmation; the officer sees the answers badge, the
 * notices page, and the badge gone once seen. Every page and dialog is scanned with axe-core.
 */
import { describe, expect, inject, test } from 'vitest';
import { api, mailsTo, newLoginLink, registeredExpert, staffToken } from '../support/api.ts';
import { expectNoAxeViolations } from '../support/axe-watch.ts';
import { chromiumForThisFile, demoOfficer, signInAsStaff } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const chromium = chromiumForThisFile();

const noAxeViolations = expectNoAxeViolations;

describe('HR acts from a search result', () => {
  test('copy, print, draft and send an offer; the expert accepts; the officer is told', async () => {
    const tag = Date.now().toString(36);
    const fullName = `Lưu Thị Hành Động ${tag}`;
    const { consentTextVersion } = (await api<{ consentTextVersion: string }>('/api/meta')).body;
    const expert = await registeredExpert({
      fullName,
      fields: [{ code: '5.2', specialization: `Kinh tế công ${tag}` }],
      consent: {
        registry: true,
        shareWithAgencies: true,
        collaborationCalls: false,
        publicDirectory: false,
        textVersion: consentTextVersion,
      },
    });
    const demandTitle = `Chuyên viên chính sách công ${tag}`;
    const officerToken = await staffToken({ agency: demoOfficer.agency });
    const demand = await api('/api/demands', {
      token: officerToken,
      body: {
        title: demandTitle,
        fieldCodes: ['5.2'],
        minDegree: 'master',
        zone: 'provincial-centre',
        engagement: 'full_time',
        status: 'open',
      },
    });
    expect(demand.status, demand.text).toBe(201);
    let offerUrl = '';

    await chromium.withPage('hr-actions-officer', async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await signInAsStaff(page, baseUrl);
      await noAxeViolations(page, 'search page');
      await page.getByLabel('Tìm theo tên hoặc chuyên ngành').fill(fullName);
      await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
      await page.getByRole('row').filter({ hasText: fullName }).click();
      const panel = page.getByRole('region', { name: fullName });
      await panel.getByText(expert.email).waitFor();
      await noAxeViolations(page, 'profile panel');

      // Copy the contacts: they came with the audited full profile; the panel confirms the copy.
      await panel.getByRole('button', { name: 'Sao chép liên hệ' }).click();
      await panel.getByText('Đã sao chép thông tin liên hệ vào bộ nhớ tạm.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(fullName);
      expect(copied).toContain(expert.email);

      // Print: the panel alone, without the navigation, the results or any button.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Các trang của cán bộ' }).isVisible()).toBe(false);
      expect(await page.getByRole('table').first().isVisible()).toBe(false);
      expect(await panel.getByRole('heading', { name: fullName }).isVisible()).toBe(true);
      expect(await panel.getByText(expert.email).isVisible()).toBe(true);
      expect(await panel.getByRole('button').first().isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // Draft an offer for one of the agency's open demands, the expert filled in.
      await panel.getByRole('button', { name: 'Soạn đề nghị' }).click();
      await panel.getByLabel(/^Nhu cầu đang tuyển của cơ quan/).selectOption({ label: demandTitle });
      await noAxeViolations(page, 'demand choice');
      await panel.getByRole('button', { name: 'Tiếp tục soạn đề nghị' }).click();
      const draft = page.getByRole('region', { name: `Đề nghị cho ${fullName}` });
      await draft.waitFor();
      await noAxeViolations(page, 'offer draft');
      await draft.getByLabel(/^Vị trí, nhiệm vụ và điều khoản/).fill('Chuyên viên chính, hợp đồng 2 năm.');
      await draft.getByRole('button', { name: 'Lưu bản nháp đề nghị' }).click();
      await page.getByRole('heading', { level: 1, name: `Đề nghị: ${demandTitle}` }).waitFor();
      offerUrl = page.url();
      await noAxeViolations(page, 'offer page');

      // Sending mails the expert: a dialog says so first, and Cancel sends nothing.
      await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
      const dialog = page.getByRole('dialog', { name: 'Gửi đề nghị cho chuyên gia?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(`${fullName} sẽ nhận e-mail`);
      await noAxeViolations(page, 'send confirmation');
      await dialog.getByRole('button', { name: 'Hủy' }).click();
      expect(await dialog.count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Gửi đề nghị' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await page.getByText('Đề nghị đã chuyển sang trạng thái: Đã gửi.').waitFor();
    });

    await chromium.withPage('hr-actions-expert', async (page) => {
      const before = await mailsTo(expert.email, 2);
      expect((await api('/api/me/login-link', { body: { email: expert.email } })).status).toBe(202);
      await page.goto(await newLoginLink(expert.email, before));
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
      const offer = page.getByRole('article', { name: demandTitle });
      await offer.waitFor();
      await noAxeViolations(page, 'self-service page');

      await offer.getByRole('button', { name: 'Chấp nhận đề nghị' }).click();
      const dialog = page.getByRole('dialog', { name: 'Chấp nhận đề nghị này?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('sẽ nhận e-mail');
      await noAxeViolations(page, 'accept confirmation');
      await dialog.getByRole('button', { name: 'Chấp nhận đề nghị' }).click();
      await offer.getByText('Đã ghi nhận câu trả lời: Đã chấp nhận.').waitFor();
    });

    // The officer who sent it is mailed: the expert's name, no contacts.
    const told = (await mailsTo(demoOfficer.email, 1, 20_000)).find((m) =>
      m.text.includes(new URL(offerUrl).pathname),
    );
    expect(told?.text).toContain(`${fullName} đã chấp nhận đề nghị`);
    expect(told?.text).not.toContain(expert.email);

    await chromium.withPage('hr-actions-notices', async (page) => {
      await signInAsStaff(page, baseUrl);
      const nav = page.getByRole('navigation', { name: 'Các trang của cán bộ' });
      const badge = nav.getByTestId('notices-badge');
      await badge.waitFor();
      expect(await badge.textContent()).toMatch(/\d+\+? phản hồi mới/);
      await nav.getByRole('link', { name: /^Phản hồi/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Phản hồi của chuyên gia' }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: fullName });
      expect(await item.textContent()).toContain('đã chấp nhận đề nghị');
      expect(await item.textContent()).toContain('Mới');
      await noAxeViolations(page, 'notices page');
      // Seen: the badge is gone, here and on the next console page.
      await expect.poll(() => badge.count()).toBe(0);
      await item.getByRole('link', { name: demandTitle }).click();
      await page.getByRole('heading', { level: 1, name: `Đề nghị: ${demandTitle}` }).waitFor();
      expect(await badge.count()).toBe(0);
    });
  });
});
