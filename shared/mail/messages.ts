/**
 * The mails the registry sends, Vietnamese first with English beside. Login and verification
 * links carry the token in the URL fragment (#login=...), which browsers never send to a server,
 * so it cannot end up in an access log.
 */
import type { MailMessage } from '../domain/mail-message.ts';

/** The last line of every mail: where the full privacy notice is (issue #13, item 9). */
export const privacyNoticeLine = (appUrl: string): string =>
  `Thông báo về xử lý dữ liệu cá nhân / Privacy notice: ${appUrl}/privacy`;

/**
 * A sign-in link; with `returnTo` (a path of the allow-list, shared/domain/return-path.ts) it opens
 * that page: at once in a browser that has a session already, after signing in otherwise.
 */
export const loginLink = (appUrl: string, token: string, returnTo = '/'): string =>
  `${appUrl}${returnTo}#login=${encodeURIComponent(token)}`;

/**
 * To an address nobody has verified yet: no text the registrant typed (not even the name), so the
 * form cannot be used to send a stranger a message of someone else's choosing.
 */
export function verificationMail(to: string, appUrl: string, token: string): MailMessage {
  const link = loginLink(appUrl, token);
  return {
    to,
    subject: 'Xác nhận đăng ký hồ sơ trí thức / Confirm your registration',
    text: [
      'Kính gửi Anh/Chị,',
      '',
      'Cảm ơn Anh/Chị đã đăng ký vào cơ sở dữ liệu đội ngũ trí thức của tỉnh.',
      'Vui lòng mở liên kết sau để xác nhận địa chỉ e-mail và quản lý hồ sơ (hiệu lực 24 giờ, dùng một lần):',
      link,
      '',
      '---',
      'Dear registrant,',
      '',
      "Thank you for registering with the province's register of intellectuals.",
      'Open this link to confirm your e-mail address and manage your profile (valid for 24 hours, single use):',
      link,
      '',
      'Nếu không phải Anh/Chị đăng ký, hãy bỏ qua thư này. / If you did not register, ignore this mail.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}

export function loginMail(
  to: string,
  fullName: string,
  appUrl: string,
  token: string,
  returnTo?: string,
): MailMessage {
  const link = loginLink(appUrl, token, returnTo);
  return {
    to,
    subject: 'Liên kết đăng nhập hồ sơ trí thức / Your login link',
    text: [
      `Kính gửi ${fullName},`,
      '',
      'Đây là liên kết đăng nhập vào hồ sơ của Anh/Chị (hiệu lực 24 giờ, dùng một lần):',
      link,
      '',
      '---',
      `Dear ${fullName},`,
      '',
      'Here is your login link (valid for 24 hours, single use):',
      link,
      '',
      'Nếu không phải Anh/Chị yêu cầu, hãy bỏ qua thư này. / If you did not ask for it, ignore this mail.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}

/**
 * Someone registered again with an address that has a verified profile: say so, and give the
 * owner a way in instead of a second profile (what was typed in the form is not kept).
 */
export function alreadyRegisteredMail(
  to: string,
  fullName: string,
  appUrl: string,
  token: string,
  returnTo?: string,
): MailMessage {
  const link = loginLink(appUrl, token, returnTo);
  return {
    to,
    subject: 'Hồ sơ của Anh/Chị đã có trong cơ sở dữ liệu / You already have a profile',
    text: [
      `Kính gửi ${fullName},`,
      '',
      'Có người vừa đăng ký lại bằng địa chỉ e-mail này. Hồ sơ của Anh/Chị đã có, nên không có hồ sơ',
      'thứ hai nào được tạo và thông tin vừa nhập không được lưu. Để xem hoặc sửa hồ sơ, hãy mở liên kết',
      'đăng nhập sau (hiệu lực 24 giờ, dùng một lần):',
      link,
      '',
      '---',
      `Dear ${fullName},`,
      '',
      'Someone has just registered again with this e-mail address. You already have a profile, so no',
      'second one was created and what was typed was not kept. To see or edit your profile, open this',
      'login link (valid for 24 hours, single use):',
      link,
      '',
      'Nếu không phải Anh/Chị đăng ký lại, hãy bỏ qua thư này. / If it was not you, ignore this mail.',
      '',
      privacyNoticeLine(appUrl),
    ].join('\n'),
  };
}
