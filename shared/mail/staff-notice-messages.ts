/**
 * The mail that tells an officer an expert answered their offer or responded to their call:
 * Vietnamese first, English beside. It names the expert and nothing else of theirs (no contacts):
 * the console shows the rest to whoever may see it, and audits the full profile's reads.
 */
import type { MailMessage } from '../domain/mail-message.ts';
import type { StaffNoticeKind } from '../domain/staff-notice.ts';
import { formatVietnamTime } from '../domain/vietnam-time.ts';

export interface AnswerNoticeFacts {
  kind: StaffNoticeKind;
  expertName: string;
  /** The demand's or the call's title. */
  title: string;
  at: string;
  /** The console page to open: the offer, or the call. */
  link: string;
}

const said: Record<StaffNoticeKind, { vi: string; en: string; subjectVi: string; subjectEn: string }> = {
  offer_accepted: {
    vi: 'đã chấp nhận đề nghị',
    en: 'has accepted the offer',
    subjectVi: 'Chuyên gia đã chấp nhận đề nghị',
    subjectEn: 'An expert accepted an offer',
  },
  offer_declined: {
    vi: 'đã từ chối đề nghị',
    en: 'has declined the offer',
    subjectVi: 'Chuyên gia đã từ chối đề nghị',
    subjectEn: 'An expert declined an offer',
  },
  call_response: {
    vi: 'đã đăng ký tham gia lời mời hợp tác',
    en: 'has responded to the collaboration call',
    subjectVi: 'Chuyên gia đã trả lời lời mời hợp tác',
    subjectEn: 'An expert responded to a call',
  },
};

export function answerNoticeMail(to: string, facts: AnswerNoticeFacts): MailMessage {
  const words = said[facts.kind];
  return {
    to,
    subject: `${words.subjectVi} / ${words.subjectEn}`,
    text: [
      `${facts.expertName} ${words.vi} "${facts.title}" lúc ${formatVietnamTime(facts.at, 'vi')}.`,
      `Xem trên trang quản lý: ${facts.link}`,
      '',
      '---',
      `${facts.expertName} ${words.en} "${facts.title}" at ${formatVietnamTime(facts.at, 'en')}.`,
      `See it in the staff console: ${facts.link}`,
    ].join('\n'),
  };
}
