/**
 * The one invitation a roster entry's person gets: their province has them on a list; they may
 * claim the entry by registering (the form filled in from the list, every consent left for them
 * to give). The pre-filled fields ride in the link's fragment, which browsers never send to a
 * server; the mail goes only to the address the list gives for the person it describes.
 */

import type { MailMessage } from '../domain/mail-message.ts';
import type { RosterPerson } from '../domain/roster.ts';
import { privacyNoticeLine } from './messages.ts';

/** What the registration form is pre-filled with (no phone: contacts are the person's to give). */
export function claimPrefill(person: RosterPerson) {
  const { phone: _phone, ...prefill } = person;
  return prefill;
}

export const claimLink = (appUrl: string, person: RosterPerson): string =>
  `${appUrl}/register#claim=${Buffer.from(JSON.stringify(claimPrefill(person)), 'utf8').toString('base64url')}`;

export function rosterInvitationMail(
  person: RosterPerson & { email: string },
  source: string,
  appUrl: string,
) {
  const link = claimLink(appUrl, person);
  return {
    to: person.email,
    subject: 'Mời Anh/Chị nhận hồ sơ trí thức của tỉnh / Claim your entry in the register of intellectuals',
    text: [
      `Kính gửi ${person.fullName},`,
      '',
      `Anh/Chị có tên trong danh sách "${source}" mà tỉnh đã đưa vào cơ sở dữ liệu đội ngũ trí thức.`,
      'Thông tin này chỉ được dùng để thống kê; không ai tìm kiếm, đề xuất hay gửi thư mời hợp tác tới Anh/Chị',
      'trừ khi Anh/Chị tự đăng ký và đồng ý. Để nhận hồ sơ, mở liên kết sau (biểu mẫu đã điền sẵn, các ô đồng ý để trống):',
      link,
      '',
      '---',
      `Dear ${person.fullName},`,
      '',
      `You are on the list "${source}" that the province has brought into its register of intellectuals.`,
      'It is used for statistics only: nobody searches, matches or mails you for calls unless you register',
      'and agree. To claim your entry, open this link (the form is filled in; every consent is yours to give):',
      link,
      '',
      'Thư này chỉ gửi một lần. / This invitation is sent once.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  } satisfies MailMessage;
}
