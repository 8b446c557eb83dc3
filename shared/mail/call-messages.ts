/** The mail that tells an opted-in expert about a newly opened collaboration call. */

import type { MailMessage } from '../domain/mail-message.ts';
import { fieldLabel } from '../domain/taxonomy.ts';
import { formatVietnamTime } from '../domain/vietnam-time.ts';
import { loginLink, privacyNoticeLine } from './messages.ts';

export interface CallMailFacts {
  id: string;
  title: string;
  fieldCodes: string[];
  openUntil: string;
}

/** The page that asks before it unsubscribes: the token in the fragment, which no server or log sees. */
export const unsubscribePageLink = (appUrl: string, token: string): string =>
  `${appUrl}/unsubscribe#token=${encodeURIComponent(token)}`;

/** RFC 8058's one-click target: the mail client POSTs `List-Unsubscribe=One-Click` to it. */
export const oneClickUnsubscribeUrl = (appUrl: string, token: string): string =>
  `${appUrl}/api/unsubscribe?token=${encodeURIComponent(token)}`;

export function callOpenedMail(
  to: string,
  fullName: string,
  call: CallMailFacts,
  appUrl: string,
  unsubscribeToken: string,
  /** The token of the sign-in link that opens the call's page (7 days, single use). */
  signInToken: string,
): MailMessage {
  const link = loginLink(appUrl, signInToken, `/calls/${call.id}`);
  const unsubscribe = unsubscribePageLink(appUrl, unsubscribeToken);
  const labels = call.fieldCodes.map((code) => fieldLabel(code));
  const fieldsVi = labels.map((l, i) => l?.vi ?? call.fieldCodes[i]).join('; ');
  const fieldsEn = labels.map((l, i) => l?.en ?? call.fieldCodes[i]).join('; ');
  return {
    to,
    subject: `Lời mời hợp tác / Call for collaboration: ${call.title}`,
    text: [
      `Kính gửi ${fullName},`,
      '',
      'Tỉnh vừa công bố một lời mời hợp tác phù hợp với lĩnh vực chuyên môn của Anh/Chị:',
      call.title,
      `Lĩnh vực: ${fieldsVi}`,
      `Hạn đăng ký: ${formatVietnamTime(call.openUntil, 'vi')}`,
      `Xem chi tiết và bày tỏ quan tâm (liên kết đăng nhập, hiệu lực 7 ngày, dùng một lần): ${link}`,
      '',
      '---',
      `Dear ${fullName},`,
      '',
      'The province has published a call for collaboration in your field:',
      call.title,
      `Fields: ${fieldsEn}`,
      `Open until: ${formatVietnamTime(call.openUntil, 'en')}`,
      `Details and how to respond (a sign-in link, valid for 7 days, single use): ${link}`,
      '',
      'Anh/Chị nhận thư này vì đã đồng ý nhận lời mời hợp tác; có thể rút lại sự đồng ý trong hồ sơ. / You receive this because you opted in to collaboration calls; you can withdraw that consent in your profile.',
      `Không nhận lời mời hợp tác nữa / Stop receiving collaboration calls: ${unsubscribe}`,
      privacyNoticeLine(appUrl),
      appUrl,
    ].join('\n'),
    headers: [
      { name: 'List-Unsubscribe', value: `<${oneClickUnsubscribeUrl(appUrl, unsubscribeToken)}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
  };
}
