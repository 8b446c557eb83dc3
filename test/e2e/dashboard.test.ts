/**
 * The programme dashboard in Chromium against the local server: an administrator opens it, sees
 * progress for Quảng Ngãi's three count targets with their source, the charts with their data
 * tables, freezes a report for a period and downloads it as XLSX.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { streamSettled } from '../support/api.ts';
import { launchChromium, signInAsStaff, withPage } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the programme dashboard', () => {
  test('an administrator sees the targets and charts, freezes a report and downloads it', async () => {
    await streamSettled();
    await withPage(browser, 'dashboard', async (page) => {
      // The demo administrator signs in on the local OpenID provider's page, as on Cognito's.
      await signInAsStaff(page, baseUrl, { email: 'admin@example.gov.vn' });

      await page.getByRole('link', { name: 'Thống kê' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bảng theo dõi chương trình' }).waitFor();

      for (const name of ['Trên 50.000 trí thức', '120 tiến sĩ', '3.000 thạc sĩ trở lên']) {
        await page.getByRole('progressbar', { name, exact: true }).waitFor();
      }
      await expect(page.getByText(/Nguồn: .*45-NQ\/TW/).count()).resolves.toBeGreaterThanOrEqual(3);
      for (const chart of ['Theo nhóm lĩnh vực', 'Theo trình độ', 'Theo nơi sinh sống', 'Phễu thu hút']) {
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
    });
  });
});
