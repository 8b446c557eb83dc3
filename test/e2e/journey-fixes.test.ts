/**
 * What an expert or an officer would have run into (#13), one describe per item that changed the
 * pages, in Chromium against the local server; axe-core scans every page visited (0 violations):
 * 1. match reasons in Vietnamese with labels, for staff and for the expert;
 * 4. a past deadline of an open demand refused in the form, a policy of next year not "in force",
 *    times labelled with the Vietnam zone;
 * 5a. registering again: the mail says a profile exists and what to do;
 * 6. opening a call shows the count of notified experts by itself;
 * 7. smaller fixes: required fields, the error summary's links, staff pages without the public
 *    links, the empty calls list, the full country list, the length counter;
 * 8. the expert's readable, printable export;
 * 10. the dev mailbox as a page with clickable links, its JSON kept.
 * Items 2, 3, 5b, 9 and part of 7: mail-links, hr-actions, unsubscribe, expert-messages tests.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { consentText } from '#shared/domain/consent';
import {
  api,
  type Mail,
  mailsTo,
  mailWithSubject,
  registeredExpert,
  staffToken,
  streamSettled,
} from '../support/api.ts';
import { chromiumForThisFile, demoOfficer, signInAsStaff } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const chromium = chromiumForThisFile();
const tag = () => randomUUID().slice(0, 6);

/** Signs the expert in in this browser context, from a login link asked for on the site. */
async function signInExpert(page: Page, email: string): Promise<void> {
  const before = await mailsTo(email, 1, 1_000);
  await api('/api/me/login-link', { body: { email } });
  const mail = await mailWithSubject(email, 'Liên kết đăng nhập', before);
  const { pathname, hash } = new URL(/\S+#login=[^\s)>"]+/.exec(mail.text)?.[0] ?? '');
  await page.goto(`${baseUrl}${pathname}${hash}`);
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
}

/** English reason texts of the API (`detail`) and the codes reasons carry. */
const englishReason =
  /Open to|meets|above the minimum|Languages:|Works in|years of experience|Native of|Profile updated|Academic title/;
const reasonCode = /remote_advisory|full_time|short_visit|doctorate|\bmaster\b|\bJP\b/;

describe('1. match reasons in the reader’s language', () => {
  test('the staff matches page and the expert’s “Vì sao phù hợp?” have no English reasons or codes', async () => {
    const t = tag();
    const fullName = `Phan Quốc Bảo ${t}`;
    const expert = await registeredExpert({
      fullName,
      fields: [{ code: '2.3', specialization: `Cơ khí chính xác ${t}` }],
      highestDegree: 'doctorate',
      languages: [{ code: 'en', level: 'C2' }],
      engagement: ['remote_advisory'],
    });
    const hr = await staffToken({ groups: ['hr'], agency: demoOfficer.agency });
    const demandTitle = `Tư vấn cơ khí chính xác ${t}`;
    const demand = await api('/api/demands', {
      token: hr,
      body: {
        title: demandTitle,
        fieldCodes: ['2.3'],
        minDegree: 'master',
        minYearsExperience: 5,
        languages: [{ code: 'en', minLevel: 'B2' }],
        zone: 'dung-quat-ez',
        engagement: 'remote_advisory',
        status: 'open',
      },
    });
    expect(demand.status).toBe(201);
    await streamSettled();

    await chromium.withPage('journey-1-staff', async (page) => {
      await signInAsStaff(page, baseUrl, {
        startAt: `/staff/demands/${demand.body.id}/matches`,
        heading: 'Chuyên gia phù hợp',
      });
      const match = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: fullName }) });
      await match.getByText('Vì sao phù hợp?').click();
      const reasons = match.getByRole('table');
      await reasons.getByRole('row').first().waitFor();
      const text = (await reasons.textContent()) ?? '';
      // Written with the app's labels: the language, its level, the mode of work, the degrees.
      expect(text).toContain('Tư vấn từ xa');
      expect(text).toContain('Tiến sĩ');
      expect(text).toContain('Nhật Bản');
      expect(text).not.toMatch(englishReason);
      expect(text).not.toMatch(reasonCode);
      expect((await page.locator('main').textContent()) ?? '').not.toMatch(/Diễn giải \(tiếng Anh\)/);
    });

    await chromium.withPage('journey-1-expert', async (page) => {
      await signInExpert(page, expert.email);
      const section = page.getByRole('region', { name: 'Phù hợp với bạn' });
      const match = section
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: demandTitle }) });
      await match.getByText('Vì sao phù hợp?').click();
      const reasons = match.getByRole('table');
      await reasons.getByRole('row').first().waitFor();
      const text = (await reasons.textContent()) ?? '';
      expect(text).toContain('Tư vấn từ xa');
      expect(text).not.toMatch(englishReason);
      expect(text).not.toMatch(reasonCode);
    });
  });
});

describe('4. facts on screen', () => {
  test('a past deadline of an open demand is refused in the form; nothing is created', async () => {
    const title = `Nhu cầu quá hạn ${tag()}`;
    await chromium.withPage('journey-4-deadline', async (page) => {
      await signInAsStaff(page, baseUrl, { startAt: '/staff/demands/new', heading: 'Nhu cầu mới' });
      await page.getByLabel('Tên nhu cầu (vị trí, nhiệm vụ)').fill(title);
      await page.getByLabel(/^Trạng thái/).selectOption('open');
      await page.getByText('2 Kỹ thuật và công nghệ', { exact: true }).click();
      await page.getByLabel('2.3 Kỹ thuật cơ khí').check();
      await page.getByLabel(/^Học vị tối thiểu/).selectOption('master');
      await page.getByLabel(/^Địa bàn/).selectOption('dung-quat-ez');
      await page.getByLabel(/^Hình thức làm việc/).selectOption('full_time');
      await page.getByLabel(/^Hạn nhận hồ sơ/).fill('2020-01-31');
      await page.getByRole('button', { name: 'Tạo nhu cầu' }).click();

      await page
        .getByText(/nhu cầu đang mở phải mở đến hôm nay hoặc muộn hơn/)
        .first()
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/staff/demands/new');
      expect(await page.getByText('Đã tạo nhu cầu.').count()).toBe(0);
    });
    const hr = await staffToken({ groups: ['hr'], agency: demoOfficer.agency });
    const listed = await api(`/api/demands?agency=${demoOfficer.agency}&limit=100`, { token: hr });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: { title: string }) => d.title)).not.toContain(title);
  });

  test('a policy valid from next year is not shown as in force', async () => {
    const admin = await staffToken({ groups: ['admin'], agency: demoOfficer.agency });
    const code = `E2E-SAP-TOI-${tag()}`.toUpperCase();
    const nextYear = new Date().getUTCFullYear() + 1;
    const policy = await api('/api/policies', {
      token: admin,
      body: {
        code,
        title: 'Hỗ trợ chuyên gia từ năm sau',
        legalBasis: 'Nghị quyết thử nghiệm (kiểm thử)',
        benefits: [{ kind: 'housing', amountVnd: 100_000_000, description: 'Một lần' }],
        eligibility: { minDegree: 'doctorate' },
        validFrom: `${nextYear}-01-01`,
      },
    });
    expect(policy.status).toBe(201);

    await chromium.withPage('journey-4-policy', async (page) => {
      await signInAsStaff(page, baseUrl, { startAt: '/staff/policies', heading: 'Chính sách thu hút' });
      const row = page.getByRole('row').filter({ hasText: code });
      await row.waitFor();
      expect(await row.textContent()).toContain('Chưa đến ngày hiệu lực');
      expect(await row.textContent()).not.toContain('Đang áp dụng');
    });
  });

  test('times on the expert’s pages carry the Vietnam zone label', async () => {
    const expert = await registeredExpert();
    await chromium.withPage('journey-4-times', async (page) => {
      await signInExpert(page, expert.email);
      await page.getByText(/Cập nhật lần cuối/).waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)/);
      // No time on the page without its zone.
      const times = main.match(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}(:\d{2})?( \(giờ Việt Nam\))?/g) ?? [];
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) expect(time).toContain('(giờ Việt Nam)');
    });
  });
});

/** Fills the registration form in Vietnamese with everything it needs. */
async function fillRegistration(page: Page, person: { fullName: string; email: string }): Promise<void> {
  await page.goto(`${baseUrl}/register`);
  await page.getByRole('heading', { level: 1, name: 'Đăng ký hồ sơ trí thức' }).waitFor();
  await page.getByLabel('Họ và tên').fill(person.fullName);
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Năm sinh').fill('1980');
  await page.getByLabel('Học vị cao nhất').selectOption('master');
  await page.getByLabel('Lĩnh vực 1').selectOption('2.3');
  await page.getByLabel('Hiện đang ở').selectOption('overseas');
  await page.getByLabel(/^Quốc gia/).selectOption('JP');
  await page.getByLabel('Thành phố').fill('Kyoto');
  await page.getByRole('radio', { name: 'Có' }).check();
  await page.getByLabel('Số năm kinh nghiệm').fill('8');
  await page.getByLabel('Tư vấn từ xa').check();
  await page.getByLabel(consentText.vi[0]).check();
  await page.getByLabel(consentText.vi[1]).check();
}

describe('5a. registering again with an address that has a profile', () => {
  test('the mail, read in the dev mailbox, says a profile exists and how to get in', async () => {
    const expert = await registeredExpert();
    const before = await mailsTo(expert.email, 1, 1_000);
    await chromium.withPage('journey-5a', async (page) => {
      await fillRegistration(page, { fullName: 'Người Đăng Ký Lại', email: expert.email });
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();

      const subject = 'Hồ sơ của Anh/Chị đã có trong cơ sở dữ liệu';
      await mailWithSubject(expert.email, subject, before);
      await page.goto(`${baseUrl}/dev/outbox?to=${encodeURIComponent(expert.email)}`);
      const mail = page.getByRole('article').filter({ has: page.getByRole('heading', { name: subject }) });
      const text = (await mail.textContent()) ?? '';
      expect(text).toContain('Hồ sơ của Anh/Chị đã có');
      expect(text).toContain('thông tin vừa nhập không được lưu');
      expect(text).toContain('You already have a profile');
      // What to do: the login link, which opens the existing profile.
      await mail
        .getByRole('link', { name: /#login=/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Nguyễn Văn An' }).waitFor();
    });
  });
});

describe('6. opening a call shows its progress live', () => {
  test('the count of notified experts appears on the page without a reload', async () => {
    const hr = await staffToken({ groups: ['hr'], agency: demoOfficer.agency });
    const title = `Lời mời tư vấn cơ khí ${tag()}`;
    await registeredExpert({ fields: [{ code: '2.3' }] });
    const created = await api('/api/calls', {
      token: hr,
      body: {
        title,
        description: 'Tư vấn / Advice',
        fieldCodes: ['2.3'],
        engagement: 'remote_advisory',
        audience: 'all',
        openUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    expect(created.status).toBe(201);

    await chromium.withPage('journey-6', async (page) => {
      await signInAsStaff(page, baseUrl, { startAt: `/staff/calls/${created.body.id}`, heading: title });
      // A mark in this document: a reload would lose it.
      await page.evaluate(() => {
        (window as unknown as { journeyMark: string }).journeyMark = 'same document';
      });
      await page.getByRole('button', { name: 'Mở lời mời' }).click();
      await page
        .getByRole('dialog', { name: 'Mở lời mời và gửi e-mail?' })
        .getByRole('button', { name: 'Mở lời mời' })
        .click();
      await page.getByText(/^Đã gửi thông báo cho [1-9]\d* chuyên gia\.$/).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => (window as unknown as { journeyMark?: string }).journeyMark)).toBe(
        'same document',
      );
    });
  });
});

describe('7. smaller fixes', () => {
  test('the registration form: required fields, the error summary’s links, countries, the counter', async () => {
    await chromium.withPage('journey-7-register', async (page) => {
      await page.goto(`${baseUrl}/register`);
      await page.getByRole('heading', { level: 1, name: 'Đăng ký hồ sơ trí thức' }).waitFor();
      const fullName = page.getByLabel('Họ và tên');
      expect(await fullName.getAttribute('required')).not.toBeNull();
      expect(await fullName.getAttribute('aria-required')).toBe('true');
      expect(await page.getByLabel('E-mail').getAttribute('aria-required')).toBe('true');

      // The full ISO list, in Vietnamese.
      await page.getByLabel('Hiện đang ở').selectOption('overseas');
      const country = page.getByLabel(/^Quốc gia/);
      expect(await country.locator('option').count()).toBeGreaterThan(200);
      expect(await country.locator('option', { hasText: 'Nhật Bản' }).count()).toBe(1);

      // A field cut at its maxlength shows a counter.
      await fullName.fill('A'.repeat(130));
      expect((await fullName.inputValue()).length).toBe(120);
      await page.getByText('120/120 ký tự').waitFor();
      await fullName.fill('');

      // The error summary lists the problems as links; one moves focus to its field.
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
      const summary = page.getByRole('alert').filter({ hasText: /chỗ cần sửa/ });
      await summary.waitFor();
      expect(await summary.getByRole('link').count()).toBeGreaterThan(1);
      await summary.getByRole('link', { name: /Nhập họ và tên/ }).click();
      await expect.poll(() => fullName.evaluate((el) => el === document.activeElement)).toBe(true);
    });
  });

  test('staff pages: no public links; the empty calls list without filters says none exist yet', async () => {
    await chromium.withPage('journey-7-staff', async (page) => {
      // Whatever calls other tests made, the list this officer sees here is empty.
      await page.route(/\/api\/staff\/calls(\?|$)/, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ items: [], nextCursor: null }),
        }),
      );
      await signInAsStaff(page, baseUrl, { startAt: '/staff/calls', heading: 'Lời mời hợp tác' });
      await page.getByRole('status').filter({ hasText: 'Chưa có lời mời nào' }).waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain('Không có kết quả');
      expect(main).not.toContain('khớp với bộ lọc');
      expect(await page.getByRole('link', { name: 'Đăng ký', exact: true }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Hồ sơ của tôi', exact: true }).count()).toBe(0);
    });
  });
});

describe('8. the expert’s readable export', () => {
  test('a printable page in the expert’s language, with labels instead of codes', async () => {
    const expert = await registeredExpert({ highestDegree: 'doctorate', engagement: ['short_visit'] });
    await chromium.withPage('journey-8', async (page) => {
      await signInExpert(page, expert.email);
      await page.getByRole('link', { name: 'Xem bản dễ đọc (in được)' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dữ liệu cơ sở dữ liệu lưu về tôi' }).waitFor();
      await page.getByRole('button', { name: 'In / Lưu PDF' }).waitFor();
      const vi = (await page.locator('main').textContent()) ?? '';
      expect(vi).toContain('Tiến sĩ');
      expect(vi).toContain('Nhật Bản');
      expect(vi).toContain('Lịch sử đồng ý');
      expect(vi).not.toMatch(/doctorate|short_visit|shareWithAgencies|overseas|\bJP\b/);

      // In English for an expert who reads the site in English.
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: 'The data the registry holds about me' }).waitFor();
      const en = (await page.locator('main').textContent()) ?? '';
      expect(en).toContain('Japan');
      expect(en).toContain('Consent history');
      expect(en).not.toMatch(/short_visit|shareWithAgencies|\bJP\b/);
    });
  });
});

describe('10. the dev mailbox', () => {
  test('a readable page with clickable links; the JSON is kept', async () => {
    const expert = await registeredExpert();
    await chromium.withPage('journey-10', async (page) => {
      await page.goto(`${baseUrl}/dev/outbox?to=${encodeURIComponent(expert.email)}`);
      await page
        .getByRole('heading', { level: 1, name: new RegExp(`Dev mailbox — ${expert.email}`) })
        .waitFor();
      const mail = page.getByRole('article').first();
      await mail.getByRole('heading', { level: 2 }).waitFor();
      // Line breaks kept, not "\n" escapes.
      expect(await mail.textContent()).not.toContain('\\n');
      const link = mail.getByRole('link', { name: /#login=/ }).first();
      expect(await link.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*#login=/);

      // The JSON for tests and scripts, even when a browser asks for HTML.
      const jsonHref = await page.getByRole('link', { name: '?format=json' }).getAttribute('href');
      const response = await page.request.get(new URL(jsonHref ?? '', page.url()).href, {
        headers: { accept: 'text/html' },
      });
      expect(response.headers()['content-type']).toContain('application/json');
      const json = (await response.json()) as { items: Mail[] };
      expect(json.items.length).toBeGreaterThan(0);
      expect(json.items[0].to).toBe(expert.email);
    });
  });
});
