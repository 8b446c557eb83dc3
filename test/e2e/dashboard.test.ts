/**
 * The programme dashboard in Chromium against the local server: an administrator opens it, sees
 * progress for Quảng Ngãi's three count targets with their source, the charts with their data
 * tables, freezes a report for a period and downloads it as XLSX, recounts the figures in the
 * background and compares two frozen reports side by side.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { registration, streamSettled } from '../support/api.ts';
import { launchChromium, signInAsStaff, withPage } from '../support/browser.ts';
import { documentClient, tableName, useSuiteTableInProcess } from '../support/dynamo.ts';

/** Verified experts written straight to the table, as the demo seed does: the stream counts them. */
async function verifiedExperts(count: number) {
  const { verifiedExpertItems } = await import('#shared/db/experts');
  for (let i = 0; i < count; i++) {
    for (const item of verifiedExpertItems(registration(), new Date())) {
      await documentClient().put({ TableName: tableName(), Item: item });
    }
  }
  await streamSettled();
}

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  useSuiteTableInProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the programme dashboard', () => {
  test('an administrator sees the targets and charts, freezes a report, downloads it, recounts and compares two reports', async () => {
    // Enough people that the totals are shown (groups under five are hidden).
    await verifiedExperts(5);
    await withPage(browser, 'dashboard', async (page) => {
      // The demo administrator signs in on the local OpenID provider's page, as on Cognito's.
      await signInAsStaff(page, baseUrl, { email: 'admin@example.gov.vn' });

      await page.getByRole('link', { name: 'Thống kê' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bảng theo dõi chương trình' }).waitFor();

      for (const name of ['Trên 50.000 trí thức', '120 tiến sĩ', '3.000 thạc sĩ trở lên']) {
        await page.getByRole('progressbar', { name, exact: true }).waitFor();
      }
      await expect(page.getByText(/Nguồn: .*45-NQ\/TW/).count()).resolves.toBeGreaterThanOrEqual(3);
      for (const chart of [
        'Theo nhóm lĩnh vực',
        'Theo trình độ',
        'Theo nơi sinh sống',
        'Theo nguồn: tự đăng ký và danh sách nhập',
        'Phễu thu hút',
      ]) {
        await page.getByRole('heading', { level: 2, name: chart }).waitFor();
      }
      const tables = page.getByText('Xem bảng số liệu');
      await tables.first().click();
      await page.getByRole('table').first().waitFor();

      await page.getByLabel('Tên báo cáo').fill('Sơ kết 6 tháng đầu năm 2027');
      await page.getByLabel('Từ ngày').fill('2027-01-01');
      await page.getByLabel('Đến ngày').fill('2027-06-30');
      await page.getByRole('button', { name: 'Chốt báo cáo' }).click();
      await page.getByText('Đã chốt báo cáo.').waitFor();
      const item = page.getByRole('listitem').filter({ hasText: 'Sơ kết 6 tháng đầu năm 2027' });
      await item.waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('button', { name: 'Tải XLSX' }).click(),
      ]);
      const path = await download.path();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.getWorksheet('Mục tiêu')?.getRow(2).getCell(1).value).toBe('Trên 50.000 trí thức');
      expect(workbook.getWorksheet('Tổng quan')?.getRow(2).getCell(2).value).toBe(
        'Sơ kết 6 tháng đầu năm 2027',
      );

      // The recount runs in the background; the page follows it to the end.
      await page.getByRole('button', { name: 'Kiểm đếm lại', exact: true }).click();
      await page.locator('.recount-job[data-status="done"]').waitFor();
      await page.getByText(/Không có chênh lệch|Tìm thấy \d+ chênh lệch/).waitFor();
      await expect(
        page.getByRole('progressbar', { name: 'Kiểm đếm lại số liệu' }).getAttribute('aria-valuenow'),
      ).resolves.toBe('100');

      // One more person, a second report, and the two side by side.
      await verifiedExperts(1);
      await page.getByLabel('Tên báo cáo').fill('Tổng kết năm 2027');
      await page.getByRole('button', { name: 'Chốt báo cáo' }).click();
      const second = page.getByRole('listitem').filter({ hasText: 'Tổng kết năm 2027' });
      await second.waitFor();
      await item.getByRole('checkbox').check();
      await second.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'So sánh hai báo cáo đã chọn' }).click();
      await page
        .getByRole('heading', { name: 'So sánh: Sơ kết 6 tháng đầu năm 2027 và Tổng kết năm 2027' })
        .waitFor();
      const overview = page.locator('table[data-table="Tổng quan"]');
      const total = overview.locator('tr[data-key="Tổng số trí thức đang hoạt động"]');
      await expect(total.locator('[data-difference]').textContent()).resolves.toBe('+1');
      await expect(
        overview.locator('tr[data-key="Tên báo cáo"]').locator('td').allTextContents(),
      ).resolves.toEqual(['Sơ kết 6 tháng đầu năm 2027', 'Tổng kết năm 2027', '—']);
      await page.getByRole('table', { name: 'Quốc gia' }).waitFor();
    });
  });
});
