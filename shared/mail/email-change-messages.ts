/**
 * The mails of a change of address, Vietnamese first with English beside (see messages.ts). The
 * mails to the new address carry nothing of the profile (not even the name): it may be a typo, or
 * someone else's. The notices to the old address carry no link that acts on the profile, so a
 * forwarded notice cannot be used to take it over.
 */
import type { MailMessage } from '../domain/mail-message.ts';
import { privacyNoticeLine } from './messages.ts';

/** How long a confirmation link works. */
export const emailChangeLinkHours = 24;

/** "an.nguyen@example.com" → "a***@example.com": enough for the owner to recognise it. */
export function maskedEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

export const emailChangeConfirmLink = (appUrl: string, token: string): string =>
  `${appUrl}/me/email-change#token=${encodeURIComponent(token)}`;

export function emailChangeConfirmMail(to: string, appUrl: string, token: string): MailMessage {
  const link = emailChangeConfirmLink(appUrl, token);
  return {
    to,
    subject: 'Xác nhận địa chỉ e-mail mới / Confirm your new e-mail address',
    text: [
      'Kính gửi Anh/Chị,',
      '',
      'Một hồ sơ trong cơ sở dữ liệu đội ngũ trí thức của tỉnh đã yêu cầu dùng địa chỉ này làm địa chỉ e-mail.',
      `Mở liên kết sau để xác nhận (hiệu lực ${emailChangeLinkHours} giờ, dùng một lần):`,
      link,
      '',
      '---',
      'Dear Sir or Madam,',
      '',
      "A profile in the province's register of intellectuals has asked to use this address as its e-mail.",
      `Open this link to confirm (valid for ${emailChangeLinkHours} hours, single use):`,
      link,
      '',
      'Nếu không phải Anh/Chị yêu cầu, hãy bỏ qua thư này; không có gì thay đổi. / If you did not ask for it, ignore this mail; nothing changes.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}

/** The new address belongs to a profile already: the same answer to the requester, this to its owner. */
export function emailChangeTakenMail(to: string, appUrl: string): MailMessage {
  return {
    to,
    subject: 'Địa chỉ này đã có hồ sơ / This address already has a profile',
    text: [
      'Kính gửi Anh/Chị,',
      '',
      'Một hồ sơ khác vừa yêu cầu chuyển sang địa chỉ e-mail này. Địa chỉ này đã gắn với một hồ sơ, nên không có',
      'gì thay đổi. Nếu Anh/Chị muốn gộp hai hồ sơ, hãy xóa hồ sơ không dùng nữa trong trang "Hồ sơ của tôi".',
      '',
      '---',
      'Dear Sir or Madam,',
      '',
      'Another profile has just asked to move to this e-mail address. This address already belongs to a profile,',
      'so nothing changed. To keep one profile, delete the one you no longer use on its "My profile" page.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}

export function emailChangeRequestedNotice(
  to: string,
  fullName: string,
  newAddress: string,
  appUrl: string,
): MailMessage {
  return {
    to,
    subject: 'Yêu cầu đổi địa chỉ e-mail / A change of e-mail address was asked',
    text: [
      `Kính gửi ${fullName},`,
      '',
      `Hồ sơ của Anh/Chị vừa yêu cầu đổi địa chỉ e-mail sang ${newAddress}. Địa chỉ chỉ đổi khi liên kết gửi tới`,
      'địa chỉ mới được mở. Nếu không phải Anh/Chị yêu cầu, hãy đăng nhập từ trang web của tỉnh và chọn',
      '"Đăng xuất khỏi mọi thiết bị" trong trang "Hồ sơ của tôi".',
      '',
      '---',
      `Dear ${fullName},`,
      '',
      `Your profile has just asked to change its e-mail address to ${newAddress}. The address changes only when`,
      "the link sent to the new address is opened. If it was not you, sign in from the province's website and",
      'choose "Sign out everywhere" on your "My profile" page.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}

export function emailChangedNotice(
  to: string,
  fullName: string,
  newAddress: string,
  appUrl: string,
): MailMessage {
  return {
    to,
    subject: 'Địa chỉ e-mail đã được đổi / Your e-mail address was changed',
    text: [
      `Kính gửi ${fullName},`,
      '',
      `Địa chỉ e-mail của hồ sơ đã được đổi sang ${newAddress}. Từ nay thư của cơ sở dữ liệu sẽ gửi tới địa chỉ đó;`,
      'các liên kết đăng nhập đã gửi tới địa chỉ này không còn dùng được. Nếu không phải Anh/Chị đổi, hãy liên hệ',
      'cơ quan quản lý cơ sở dữ liệu của tỉnh.',
      '',
      '---',
      `Dear ${fullName},`,
      '',
      `The e-mail address of your profile was changed to ${newAddress}. From now on the register mails that`,
      'address; sign-in links sent to this address no longer work. If it was not you, contact the office that',
      "keeps the province's register.",
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}
