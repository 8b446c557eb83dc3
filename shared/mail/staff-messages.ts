/**
 * The invitation a new staff account gets: Vietnamese first, English beside, with the sign-in name
 * and a temporary password that must be replaced at the first sign-in. Cognito sends it in AWS
 * (the user pool's invitation template, infra/constructs/auth.ts, with its {username} and {####}
 * placeholders); the local OpenID provider queues the same text in the dev outbox.
 */
import type { MailMessage } from '../domain/mail-message.ts';

export const staffInvitationSubject =
  'Tài khoản cán bộ Cơ sở dữ liệu đội ngũ trí thức / Your Talent Registry staff account';

/** The body for a user name and temporary password (Cognito's placeholders, or real values locally). */
export function staffInvitationText(
  username: string,
  temporaryPassword: string,
  consoleUrl?: string,
): string {
  const where = consoleUrl ? [`  ${consoleUrl}`] : [];
  return [
    'Quản trị viên đã tạo cho Anh/Chị một tài khoản cán bộ trên Cơ sở dữ liệu đội ngũ trí thức của tỉnh.',
    `Tên đăng nhập: ${username}`,
    `Mật khẩu tạm thời: ${temporaryPassword}`,
    'Ở lần đăng nhập đầu tiên, Anh/Chị phải đặt mật khẩu mới. Mật khẩu tạm thời hết hạn sau 3 ngày.',
    ...where,
    '',
    '---',
    "An administrator has created a staff account for you on the province's Talent Registry.",
    `User name: ${username}`,
    `Temporary password: ${temporaryPassword}`,
    'At your first sign-in you must choose a new password. The temporary password expires in 3 days.',
    ...where,
  ].join('\n');
}

export function staffInvitationMail(
  email: string,
  temporaryPassword: string,
  consoleUrl: string,
): MailMessage {
  return {
    to: email,
    subject: staffInvitationSubject,
    text: staffInvitationText(email, temporaryPassword, consoleUrl),
  };
}
