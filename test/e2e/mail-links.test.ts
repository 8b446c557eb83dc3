/**
 * Mail links that land where they should (#13, items 2 and 5b): the offer mail's sign-in link
 * opens the offer in a new tab without a new login (its token left unused), and signs in where
 * there is no session; an expired link offers a fresh one for the same page; the expert changes
 * the profile's e-mail address through a confirmation link. Every page visited is scanned with
 * axe-core (0 violations). The rate-limit message naming the time: expert-messages.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { sha256 } from '#shared/domain/secret-token';
import {
  api,
  type Mail,
  mailsTo,
  mailWithSubject,
  registeredExpert,
  staffToken,
  uniqueEmail,
} from '../support/api.ts';
import { expectNoAxeViolations } from '../support/axe-watch.ts';
import { chromiumForThisFile } from '../support/browser.ts';
import { documentClient, tableName } from '../support/dynamo.ts';

const baseUrl = inject('baseUrl');
const chromium = chromiumForThisFile();

/** The mail's link with a token in its fragment, on this server (whatever origin the mail was written with). */
function linkIn(mail: Mail, fragment: 'login' | 'token'): string {
  const found = new RegExp(`\\S+#${fragment}=[^\\s)>"]+`).exec(mail.text)?.[0];
  if (!found) throw new Error(`no #${fragment}= link in "${mail.subject}"`);
  const { pathname, hash } = new URL(found);
  return `${baseUrl}${pathname}${hash}`;
}

const tokenOf = (link: string) => decodeURIComponent(new URL(link).hash.replace(/^#\w+=/, ''));

const noAxeViolations = expectNoAxeViolations;

/** Signs the expert in in this browser context, as from a login link asked for on the site. */
async function signIn(page: Page, email: string): Promise<void> {
  const before = await mailsTo(email, 1, 1_000);
  await api('/api/me/login-link', { body: { email } });
  await page.goto(linkIn(await mailWithSubject(email, 'Liên kết đăng nhập', before), 'login'));
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
}

/** An offer of a Dung Quất demand, sent to the expert (so mailed). */
async function sendOffer(expertId: string, demandTitle: string): Promise<string> {
  const hr = await staffToken({ groups: ['hr'], agency: 'bql-kkt-dung-quat' });
  const demand = await api('/api/demands', {
    token: hr,
    body: {
      title: demandTitle,
      fieldCodes: ['2.3'],
      minDegree: 'master',
      zone: 'dung-quat-ez',
      engagement: 'full_time',
      status: 'open',
    },
  });
  const draft = await api('/api/offers', {
    token: hr,
    body: {
      expertId,
      demandId: demand.body.id,
      policyIds: [],
      terms: 'Kỹ sư trưởng, hợp đồng 3 năm / Chief engineer, 3-year contract',
      expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    },
  });
  expect(draft.status).toBe(201);
  expect(
    (await api(`/api/offers/${draft.body.id}/transitions`, { token: hr, body: { to: 'sent' } })).status,
  ).toBe(200);
  return draft.body.id;
}

describe('the sign-in link of an offer mail', () => {
  test('opens the offer in a new tab without a new login, and signs in where there is no session', async () => {
    const expert = await registeredExpert({ fullName: 'Đặng Thư Mới' });
    const demandTitle = `Kỹ sư vận hành ${randomUUID().slice(0, 6)}`;

    await chromium.withPage('mail-link-new-tab', async (page) => {
      await signIn(page, expert.email);
      const offerId = await sendOffer(expert.expert.id, demandTitle);
      const link = linkIn(await mailWithSubject(expert.email, 'Đề nghị'), 'login');
      expect(new URL(link).pathname).toBe(`/me/offers/${offerId}`);

      // The mail client opens the link in a new tab of the same browser.
      const tab = await page.context().newPage();
      await tab.goto(link);
      await tab.getByRole('heading', { level: 1, name: 'Đề nghị gửi tới tôi' }).waitFor();
      const offer = tab.getByRole('article', { name: demandTitle });
      await offer.getByRole('button', { name: 'Chấp nhận đề nghị' }).waitFor();
      expect(new URL(tab.url()).pathname).toBe(`/me/offers/${offerId}`);
      expect(tab.url()).not.toContain('#login=');
      await noAxeViolations(tab);
      // No new login: the link's token was left unused (still good for another device).
      const unused = await api('/api/me/session', { body: { token: tokenOf(link) } });
      expect(unused.status).toBe(200);
    });

    const second = `Kỹ sư bảo trì ${randomUUID().slice(0, 6)}`;
    const before = await mailsTo(expert.email, 1, 1_000);
    const offerId = await sendOffer(expert.expert.id, second);
    const link = linkIn(await mailWithSubject(expert.email, 'Đề nghị', before), 'login');

    await chromium.withPage('mail-link-signed-out', async (page) => {
      // A browser without a session: the link signs in and lands on the offer.
      await page.goto(link);
      const offer = page.getByRole('article', { name: second });
      await offer.getByRole('button', { name: 'Chấp nhận đề nghị' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/me/offers/${offerId}`);
      await offer.getByRole('button', { name: 'Chấp nhận đề nghị' }).click();
      await page
        .getByRole('dialog', { name: 'Chấp nhận đề nghị này?' })
        .getByRole('button', { name: 'Chấp nhận đề nghị' })
        .click();
      await offer.getByText('Đã ghi nhận câu trả lời: Đã chấp nhận.').waitFor();
    });
    // Used once, it opens nothing more.
    expect((await api('/api/me/session', { body: { token: tokenOf(link) } })).status).toBe(401);
  });

  test('an expired link offers a fresh one, mailed to the same address for the same offer', async () => {
    const expert = await registeredExpert();
    const demandTitle = `Kỹ sư điện ${randomUUID().slice(0, 6)}`;
    const offerId = await sendOffer(expert.expert.id, demandTitle);
    const link = linkIn(await mailWithSubject(expert.email, 'Đề nghị'), 'login');
    const [expertId, secret] = tokenOf(link).split('.');
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { PK: `EXPERT#${expertId}`, SK: `LOGIN#${sha256(secret)}` },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );

    await chromium.withPage('mail-link-expired', async (page) => {
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Liên kết đã hết hạn' }).waitFor();
      await noAxeViolations(page);
      const before = await mailsTo(expert.email, 1, 1_000);
      await page.getByRole('button', { name: 'Gửi liên kết mới tới cùng địa chỉ' }).click();
      await page.getByText(/một liên kết mới đã được gửi/).waitFor();

      const fresh = linkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập', before), 'login');
      expect(new URL(fresh).pathname).toBe(`/me/offers/${offerId}`);
      await page.goto(fresh);
      await page.getByRole('article', { name: demandTitle }).waitFor();
    });
  });
});

describe('the call page without a session', () => {
  test('asks for a login link that brings the expert back to the call, in a new tab too', async () => {
    const expert = await registeredExpert({ fields: [{ code: '5.2' }] });
    const hr = await staffToken({ agency: 'so-khoa-hoc-cong-nghe' });
    const title = `Tư vấn kinh tế biển ${randomUUID().slice(0, 6)}`;
    const created = await api('/api/calls', {
      token: hr,
      body: {
        title,
        description: 'Tư vấn / Advice',
        fieldCodes: ['5.2'],
        engagement: 'remote_advisory',
        audience: 'all',
        openUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    await api(`/api/calls/${created.body.id}/transitions`, { token: hr, body: { to: 'open' } });

    await chromium.withPage('call-login-new-tab', async (page) => {
      await page.goto(`${baseUrl}/calls/${created.body.id}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('button', { name: 'Phản hồi lời mời' }).click();
      await page.getByLabel('E-mail').fill(expert.email);
      const before = await mailsTo(expert.email, 1, 1_000);
      await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hãy kiểm tra hộp thư' }).waitFor();

      // The mail client opens the link in a new tab, which has none of this tab's sessionStorage.
      const link = linkIn(await mailWithSubject(expert.email, 'Liên kết đăng nhập', before), 'login');
      const tab = await page.context().newPage();
      await tab.goto(link);
      await tab.getByRole('heading', { level: 1, name: title }).waitFor();
      await tab.getByLabel(/^Lời nhắn gửi cơ quan/).waitFor();
      expect(new URL(tab.url()).pathname).toBe(`/calls/${created.body.id}`);
      await noAxeViolations(tab);
    });
  });
});

describe('changing the e-mail address', () => {
  test('a confirmation link to the new address changes it; the old address is told', async () => {
    const expert = await registeredExpert();
    const newEmail = uniqueEmail('doi-thu');

    await chromium.withPage('email-change', async (page) => {
      await signIn(page, expert.email);
      const section = page.getByRole('region', { name: 'Đổi địa chỉ e-mail' });
      await section.getByLabel(/^Địa chỉ e-mail mới/).fill(newEmail);
      await section.getByRole('button', { name: 'Gửi liên kết xác nhận' }).click();
      await section.getByText(`Đã gửi liên kết xác nhận tới ${newEmail}`, { exact: false }).waitFor();
      await noAxeViolations(page);

      await mailWithSubject(expert.email, 'Yêu cầu đổi địa chỉ e-mail');
      const confirmLink = linkIn(await mailWithSubject(newEmail, 'Xác nhận địa chỉ e-mail mới'), 'token');
      // Opened where the new address's mail is read: a browser without a session.
      const other = await page.context().browser()?.newContext({ locale: 'vi-VN' });
      const tab = await (other ?? page.context()).newPage();
      await tab.goto(confirmLink);
      await tab.getByRole('heading', { level: 1, name: 'Xác nhận địa chỉ e-mail mới' }).waitFor();
      expect(tab.url()).not.toContain('#token=');
      await noAxeViolations(tab);
      await tab.getByRole('button', { name: 'Xác nhận địa chỉ mới' }).click();
      await tab.getByText(`Đã đổi: từ nay thư của cơ sở dữ liệu gửi tới ${newEmail}.`).waitFor();
      await noAxeViolations(tab);
      await other?.close();

      await mailWithSubject(expert.email, 'Địa chỉ e-mail đã được đổi');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
      await page.getByText(newEmail).first().waitFor();
    });
  });
});
