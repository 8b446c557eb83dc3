/**
 * The administrator's import console in Chromium against the local server: upload a small
 * generated roster (CSV, two rows that look like one person), read the dry run, import it with the
 * progress bar, merge the duplicate pair in the queue, and download the register export.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, test } from 'vitest';
import { chromiumForThisFile, signInAsStaff } from '../support/browser.ts';
import { csvBytes, templateHeader } from '../support/imports.ts';

const baseUrl = inject('baseUrl');
const chromium = chromiumForThisFile();

const row = (name: string, email: string, employer: string) =>
  `${name},${email},0905111222,1979,Nam,Tiến sĩ,,2.3,Cơ khí,${employer},Nhà nước,Trong tỉnh,VN,Có,Bình Sơn,12`;

describe('the import console', () => {
  test('an administrator imports a roster, merges a duplicate and downloads the register', async () => {
    const t = randomUUID().slice(0, 6);
    const name = `Lê Văn Mẫu ${t}`;
    const file = csvBytes([
      templateHeader,
      row(name, `mau.${t}.1@example.org`, 'Sở Khoa học và Công nghệ'),
      row(name, `mau.${t}.2@example.org`, 'Trường Cao đẳng Kỹ thuật'),
      row(`Phạm Thị Khác ${t}`, `khac.${t}@example.org`, 'Sở Y tế'),
      row(`Sai Học Vị ${t}`, '', 'Sở Y tế').replace('Tiến sĩ', 'Trung cấp'),
    ]);

    await chromium.withPage('import-console', async (page) => {
      await signInAsStaff(page, baseUrl, {
        email: 'admin@example.gov.vn',
        startAt: '/staff/imports',
        heading: 'Nhập danh sách từ bảng tính',
      });
      await page.getByLabel('Tệp danh sách (CSV, XLSX)').setInputFiles({
        name: 'danh-sach-thu.csv',
        mimeType: 'text/csv',
        buffer: file,
      });
      await page.getByLabel('Nguồn danh sách (cơ quan, đơn vị)').fill('Danh sách thử trình duyệt');
      await page.getByRole('button', { name: 'Tải lên và kiểm tra thử' }).click();

      // The dry run: counts by verdict, each row with its reasons.
      // Background jobs from the stream: on a loaded machine they take longer than a click.
      await page.getByText('Đã kiểm tra thử', { exact: true }).waitFor({ timeout: 90_000 });
      const counts = page.getByRole('region', { name: 'Kết quả kiểm tra thử' });
      await expect(counts.locator('[data-status="create"]').textContent()).resolves.toContain('2');
      await expect(counts.locator('[data-status="duplicate?"]').textContent()).resolves.toContain('1');
      await expect(counts.locator('[data-status="invalid"]').textContent()).resolves.toContain('1');
      const rows = page.getByRole('table', { name: 'Các dòng của tệp và lý do' });
      await rows.getByText(/Có thể trùng với dòng 1/).waitFor();
      await rows
        .getByText(/Học vị/)
        .first()
        .waitFor();

      // The import, with its progress bar, to the end.
      await page.getByRole('button', { name: 'Nhập vào cơ sở dữ liệu' }).click();
      await page.getByRole('progressbar').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Đã nhập xong' }).waitFor({ timeout: 90_000 });
      await expect(page.getByRole('progressbar').getAttribute('value')).resolves.toBe('4');
      await page.getByText('Đã ghi 3 mục', { exact: false }).waitFor();

      // The duplicates queue: the pair side by side; keep A, take B's employer.
      await page.getByRole('link', { name: 'Trùng lặp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Người có thể trùng lặp' }).waitFor();
      const pair = page
        .locator('.duplicate-pair')

        .filter({ hasText: name })
        .first();
      await pair.waitFor();
      await expect(pair.getByRole('cell', { name: 'Sở Khoa học và Công nghệ' }).count()).resolves.toBe(1);
      await expect(pair.getByRole('cell', { name: 'Trường Cao đẳng Kỹ thuật' }).count()).resolves.toBe(1);
      await pair.getByRole('button', { name: 'Hợp nhất' }).click();
      await pair.getByText('Đã hợp nhất cặp này.').waitFor();

      // The register export, downloaded: the merged person once, the other person too.
      await page.getByRole('link', { name: 'Xuất dữ liệu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Xuất dữ liệu' }).waitFor();
      await page.getByRole('button', { name: 'Xuất', exact: true }).click();
      const link = page.getByRole('link', { name: 'Tải xuống' });
      await link.waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const csv = (await readFile(await download.path())).toString('utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.split(name).length - 1).toBe(1);
      expect(csv).toContain(`Phạm Thị Khác ${t}`);
    });
  });
});
