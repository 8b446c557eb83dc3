/**
 * From a field of need to an accepted offer, in Chromium against the local server: an HR officer
 * of the Dung Quất board records an open demand, finds a freshly registered expert among its
 * matches with the reasons of the score, drafts an offer with a policy package and sends it; the
 * expert logs in by e-mail, reads the offer on the self-service page and accepts it; the officer
 * sees it accepted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { api, mailsTo, newLoginLink, registeredExpert, staffToken } from '../support/api.ts';
import { demoOfficer, launchChromium, withPage as openPage, signInAsStaff } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
// The demo officer's agency (the province's first), where the demand is recorded.
const agency = demoOfficer.agency;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const withPage = (name: string, run: (page: Page) => Promise<void>) => openPage(browser, name, run);

describe('a demand, its matches and an offer', () => {
  test('HR drafts and sends an offer to a matching expert, who accepts it on the self-service page', async () => {
    const tag = Date.now().toString(36);
    const { consentTextVersion } = (await api<{ consentTextVersion: string }>('/api/meta')).body;

    // Prepare: a policy in the catalogue (admin) and an active expert who shares the profile.
    const admin = await staffToken({ groups: ['admin'], agency });
    const policyCode = `E2E-NHA-O-${tag}`.toUpperCase();
    const policy = await api('/api/policies', {
      token: admin,
      body: {
        code: policyCode,
        title: 'Hỗ trợ nhà ở cho chuyên gia cơ khí',
        legalBasis: 'Nghị quyết thử nghiệm (kiểm thử)',
        benefits: [{ kind: 'housing', amountVnd: 300_000_000, description: 'Một lần' }],
        eligibility: { minDegree: 'doctorate', zones: ['dung-quat-ez'] },
        validFrom: '2020-01-01',
      },
    });
    expect(policy.status).toBe(201);

    const fullName = `Trịnh Minh Khôi ${tag}`;
    const expert = await registeredExpert({
      fullName,
      academicTitle: 'professor',
      fields: [{ code: '2.3', specialization: `Thiết bị lọc dầu ${tag}` }],
      engagement: ['full_time', 'relocate'],
      consent: {
        registry: true,
        shareWithAgencies: true,
        collaborationCalls: false,
        publicDirectory: false,
        textVersion: consentTextVersion,
      },
    });
    const demandTitle = `Kỹ sư trưởng cơ khí lọc dầu ${tag}`;
    let offerUrl = '';

    await withPage('demand-offer-hr', async (page) => {
      await signInAsStaff(page, baseUrl);
      await page
        .getByRole('navigation', { name: 'Các trang của cán bộ' })
        .getByRole('link', { name: 'Nhu cầu' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Nhu cầu nhân lực' }).waitFor();
      await page.getByRole('link', { name: 'Tạo nhu cầu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhu cầu mới' }).waitFor();

      await page.getByLabel('Tên nhu cầu (vị trí, nhiệm vụ)').fill(demandTitle);
      await page.getByLabel(/^Trạng thái/).selectOption('open');
      await page.getByText('2 Kỹ thuật và công nghệ', { exact: true }).click();
      await page.getByLabel('2.3 Kỹ thuật cơ khí').check();
      await page.getByLabel(/^Học vị tối thiểu/).selectOption('doctorate');
      await page.getByLabel('Số năm kinh nghiệm tối thiểu').fill('5');
      await page.getByLabel(/^Địa bàn/).selectOption('dung-quat-ez');
      await page.getByLabel(/^Hình thức làm việc/).selectOption('full_time');
      await page.getByLabel(new RegExp(policyCode)).check();
      await page.getByRole('button', { name: 'Tạo nhu cầu' }).click();

      await page.getByText('Đã tạo nhu cầu.').waitFor();
      await page.getByRole('heading', { level: 1, name: demandTitle }).waitFor();
      await page.getByRole('link', { name: 'Xem chuyên gia phù hợp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Chuyên gia phù hợp' }).waitFor();

      // The expert is ranked, with a breakdown of the score by factor.
      const match = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: fullName }) });
      await match.waitFor();
      // The breakdown is collapsed until asked for, so a page of matches stays light on a phone.
      const reasons = match.getByRole('table', { name: `Vì sao ${fullName} phù hợp: điểm từng yếu tố` });
      expect(await reasons.count()).toBe(0);
      await match.getByText('Vì sao phù hợp?').click();
      await expect.poll(() => reasons.getByRole('row').count()).toBe(9);
      const fieldRow = reasons
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Đúng lĩnh vực cần' }) });
      expect(await fieldRow.textContent()).toContain('34/34');
      const titleRow = reasons
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Học hàm' }) });
      expect(await titleRow.textContent()).toContain('6/6');
      // Written in Vietnamese with labels, not the API's English detail or its codes.
      expect(await fieldRow.textContent()).toContain('Làm việc trong lĩnh vực nhu cầu cần');
      expect(await titleRow.textContent()).toContain('Học hàm Giáo sư');
      const reasonsText = (await reasons.textContent()) ?? '';
      expect(reasonsText).not.toMatch(
        /Works in|Open to|meets the minimum|years of experience|Profile updated/,
      );
      expect(reasonsText).not.toMatch(/remote_advisory|full_time|doctorate|\bmaster\b/);
      expect(await match.textContent()).toMatch(/\d+\/100 điểm/);

      // Draft the offer: the demand's policy is preselected and the package valued in VND.
      await match.getByRole('button', { name: 'Soạn đề nghị' }).click();
      const panel = page.getByRole('region', { name: `Đề nghị cho ${fullName}` });
      await panel.waitFor();
      expect(await panel.getByLabel(new RegExp(policyCode)).isChecked()).toBe(true);
      expect(await panel.textContent()).toMatch(/300\.000\.000\s₫/);
      await panel
        .getByLabel(/^Vị trí, nhiệm vụ và điều khoản/)
        .fill('Kỹ sư trưởng, toàn thời gian, hợp đồng 3 năm.');
      await panel.getByRole('button', { name: 'Lưu bản nháp đề nghị' }).click();

      await page.getByText('Đã lưu bản nháp đề nghị').waitFor();
      await page.getByRole('heading', { level: 1, name: `Đề nghị: ${demandTitle}` }).waitFor();
      offerUrl = page.url();
      expect(await page.locator('main').textContent()).toMatch(/300\.000\.000\s₫/);
      await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
      // Sending mails the expert: it is confirmed first.
      await page
        .getByRole('dialog', { name: 'Gửi đề nghị cho chuyên gia?' })
        .getByRole('button', { name: 'Gửi đề nghị' })
        .click();
      await page.getByText('Đề nghị đã chuyển sang trạng thái: Đã gửi.').waitFor();
      // Sent: only withdrawing is left to staff.
      expect(await page.getByRole('button', { name: 'Gửi đề nghị' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Rút đề nghị' }).waitFor();
    });

    await withPage('demand-offer-expert', async (page) => {
      // The offer mail links to the self-service page; without a session it asks for a login.
      const mails = await mailsTo(expert.email, 2, 20_000);
      const offerMail = mails.find((mail) => mail.subject.startsWith('Đề nghị'));
      expect(offerMail?.text).toContain(demandTitle);
      const { pathname } = new URL(/\S+\/me\b/.exec(offerMail?.text ?? '')?.[0] ?? '');
      await page.goto(`${baseUrl}${pathname}`);
      await page.getByText('Bạn cần đăng nhập để xem trang này.').waitFor();
      await page.getByRole('link', { name: 'Đăng nhập bằng e-mail' }).click();
      await page.getByLabel('E-mail').fill(expert.email);
      await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();
      await page.goto(await newLoginLink(expert.email, mails));
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();

      const offer = page.getByRole('article', { name: demandTitle });
      await offer.waitFor();
      expect(await offer.textContent()).toMatch(/300\.000\.000\s₫/);
      expect(await offer.textContent()).toContain(policyCode);
      await offer
        .getByLabel('Lời nhắn gửi cơ quan (không bắt buộc)')
        .fill('Tôi nhận lời, có thể bắt đầu từ tháng 3.');
      await offer.getByRole('button', { name: 'Chấp nhận đề nghị' }).click();
      await page
        .getByRole('dialog', { name: 'Chấp nhận đề nghị này?' })
        .getByRole('button', { name: 'Chấp nhận đề nghị' })
        .click();
      await offer.getByText('Đã ghi nhận câu trả lời: Đã chấp nhận.').waitFor();
      expect(await offer.getByRole('button', { name: 'Chấp nhận đề nghị' }).count()).toBe(0);
    });

    await withPage('demand-offer-accepted', async (page) => {
      await signInAsStaff(page, baseUrl);
      await page.goto(offerUrl);
      await page.getByRole('heading', { level: 1, name: `Đề nghị: ${demandTitle}` }).waitFor();
      const history = page.getByRole('list', { name: 'Lịch sử đề nghị' });
      await history.getByText('Đã gửi → Đã chấp nhận').waitFor();
      expect(await history.textContent()).toContain('Chuyên gia');
      expect(await history.textContent()).toContain('Tôi nhận lời');
      expect(await page.getByText('Đề nghị đã ở trạng thái cuối; không còn thao tác nào.').count()).toBe(1);
    });
  });
});
