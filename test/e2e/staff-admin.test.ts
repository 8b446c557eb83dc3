/**
 * Staff administration in Chromium: an administrator invites an officer, the officer signs in at
 * the OpenID provider with the mailed temporary password and chooses a new one, the administrator
 * disables the account, and the officer can no longer sign in. Then: an officer's unsaved form
 * survives the new sign-in that a refused (401) request starts.
 */
import { describe, expect, inject, test } from 'vitest';
import { mailsTo, uniqueEmail } from '../support/api.ts';
import { chromiumForThisFile, signInAsStaff, submitProviderLogin } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const { withPage } = chromiumForThisFile();

describe('staff administration', () => {
  test('an admin invites an officer, who signs in with the mailed password; disabled, they cannot sign in', async () => {
    const officer = uniqueEmail('can-bo');
    const newPassword = 'Mat-khau-that-2026';

    await withPage('staff-admin-invite', async (page) => {
      await signInAsStaff(page, baseUrl, {
        email: 'admin@example.gov.vn',
        startAt: '/staff/users',
        heading: 'Tài khoản cán bộ',
      });
      await page.getByRole('link', { name: 'Mời cán bộ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mời cán bộ mới' }).waitFor();
      await page.getByLabel('E-mail').fill(officer);
      await page.getByLabel('Họ và tên').fill('Lê Văn Cường');
      await page.getByLabel('Nhóm quyền').selectOption('hr');
      await page.getByLabel('Cơ quan').selectOption('so-y-te');
      await page.getByRole('button', { name: 'Gửi lời mời' }).click();
      await page.getByRole('heading', { level: 1, name: officer }).waitFor();
      await page.getByText('Đã gửi lời mời kèm mật khẩu tạm thời.').waitFor();
    });

    const [invitation] = await mailsTo(officer);
    const temporary = /Mật khẩu tạm thời: (\S+)/.exec(invitation.text)?.[1] ?? '';
    expect(temporary).not.toBe('');

    await withPage('staff-admin-first-sign-in', async (page) => {
      await page.goto(`${baseUrl}/staff/search`);
      await submitProviderLogin(page, officer, temporary);
      await page.getByRole('heading', { level: 1, name: /Đặt mật khẩu mới/ }).waitFor();
      await page.getByLabel(/^Mật khẩu mới/).fill(newPassword);
      await page.getByLabel(/^Nhập lại mật khẩu mới/).fill(newPassword);
      await page.getByRole('button', { name: /Đặt mật khẩu và đăng nhập/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Tìm kiếm chuyên gia' }).waitFor();
      await page.getByText(`Cán bộ: ${officer}`).waitFor();
      // Not an administrator: no link to staff accounts.
      expect(await page.getByRole('link', { name: 'Tài khoản cán bộ' }).count()).toBe(0);
    });

    await withPage('staff-admin-disable', async (page) => {
      await signInAsStaff(page, baseUrl, {
        email: 'admin@example.gov.vn',
        startAt: '/staff/users',
        heading: 'Tài khoản cán bộ',
      });
      await page.getByLabel('E-mail hoặc họ tên').fill(officer);
      await page.getByRole('button', { name: 'Lọc' }).click();
      await page.waitForURL(/q=/);
      await page.getByRole('link', { name: officer }).click();
      await page.getByRole('heading', { level: 1, name: officer }).waitFor();
      await page.getByRole('button', { name: 'Vô hiệu hoá tài khoản' }).click();
      const dialog = page.getByRole('dialog', { name: 'Vô hiệu hoá tài khoản này?' });
      await dialog.getByRole('button', { name: 'Vô hiệu hoá tài khoản' }).click();
      await page.getByRole('button', { name: 'Bật lại tài khoản' }).waitFor();
      await page.getByText('Đã vô hiệu hoá').first().waitFor();
    });

    await withPage('staff-admin-disabled-sign-in', async (page) => {
      await page.goto(`${baseUrl}/staff/search`);
      await submitProviderLogin(page, officer, newPassword);
      await page.getByText('Tài khoản này đã bị vô hiệu hoá').waitFor();
      await page.getByText('This account is disabled. Ask an administrator.').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\//);
    });
  });

  test('an unsaved form survives the new sign-in a refused request starts, and is gone once saved', async () => {
    const officer = uniqueEmail('chua-luu');
    await withPage('staff-unsaved-form', async (page) => {
      await signInAsStaff(page, baseUrl, {
        email: 'admin@example.gov.vn',
        startAt: '/staff/users/new',
        heading: 'Mời cán bộ mới',
      });
      await page.getByLabel('E-mail').fill(officer);
      await page.getByLabel('Họ và tên').fill('Phạm Thị Dung (chưa lưu)');
      await page.getByLabel('Cơ quan').selectOption('so-y-te');
      // The stored ID token is no longer accepted (as if it expired at the server).
      await page.evaluate(() => {
        for (const key of Object.keys(sessionStorage)) {
          if (!key.startsWith('oidc.user:')) continue;
          const user = JSON.parse(sessionStorage.getItem(key) ?? '{}');
          sessionStorage.setItem(key, JSON.stringify({ ...user, id_token: 'revoked.token.value' }));
        }
      });
      const refused = page.waitForResponse((r) => r.url().includes('/api/staff/users') && r.status() === 401);
      await page.getByRole('button', { name: 'Gửi lời mời' }).click();
      await refused;

      // The provider's session signs the officer in again without a password; back on the form.
      await page.getByText('Đã khôi phục những thay đổi chưa lưu').waitFor();
      expect(new URL(page.url()).pathname).toBe('/staff/users/new');
      expect(await page.getByLabel('E-mail').inputValue()).toBe(officer);
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Phạm Thị Dung (chưa lưu)');
      expect(await page.getByLabel('Cơ quan').inputValue()).toBe('so-y-te');

      await page.getByRole('button', { name: 'Gửi lời mời' }).click();
      await page.getByRole('heading', { level: 1, name: officer }).waitFor();
      const kept = await page.evaluate(() =>
        Object.keys(sessionStorage).filter((key) => key.includes('unsavedDraft')),
      );
      expect(kept).toEqual([]);
    });
  });
});
