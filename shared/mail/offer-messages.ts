/** The offer mails, Vietnamese first with English beside (see messages.ts). */

import type { MailMessage } from '../domain/mail-message.ts';
import { formatVietnamTime } from '../domain/vietnam-time.ts';
import { loginLink, privacyNoticeLine } from './messages.ts';

export interface OfferMailFacts {
  agency: { vi: string; en: string };
  demandTitle: string;
  packageValueVnd: number;
  expiresAt: string;
  appUrl: string;
  offerId: string;
  /** The token of the sign-in link that opens this offer (7 days, single use). */
  signInToken: string;
}

const vnd = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng (VND)`;
export function offerSentMail(to: string, fullName: string, facts: OfferMailFacts): MailMessage {
  const link = loginLink(facts.appUrl, facts.signInToken, `/me/offers/${facts.offerId}`);
  return {
    to,
    subject: 'Đề nghị thu hút trí thức từ tỉnh / An offer from the province',
    text: [
      `Kính gửi ${fullName},`,
      '',
      `${facts.agency.vi} gửi Anh/Chị một đề nghị cho vị trí/nhiệm vụ: ${facts.demandTitle}.`,
      `Giá trị gói chính sách năm đầu: ${vnd(facts.packageValueVnd)}.`,
      `Đề nghị có hiệu lực đến ${formatVietnamTime(facts.expiresAt, 'vi')}.`,
      `Xem chi tiết và trả lời (liên kết đăng nhập, hiệu lực 7 ngày, dùng một lần): ${link}`,
      '',
      '---',
      `Dear ${fullName},`,
      '',
      `${facts.agency.en} has sent you an offer for: ${facts.demandTitle}.`,
      `First-year value of the policy package: ${vnd(facts.packageValueVnd)}.`,
      `The offer is open until ${formatVietnamTime(facts.expiresAt, 'en')}.`,
      `Read it and answer (a sign-in link, valid for 7 days, single use): ${link}`,
      '',
      privacyNoticeLine(facts.appUrl),
    ].join('\n'),
  };
}
