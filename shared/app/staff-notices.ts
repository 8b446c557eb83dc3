/**
 * HR is told when an expert answers: an offer accepted or declined, a response to a call. The
 * answer's own transaction (offers.ts respondToOffer, call-responses.ts respondToCall) carries the
 * writes composed here: a notice in the agency's list (the console's badge) and a mail to the
 * officer who sent the offer or created the call. Both are keyed by the answer, so a retried
 * request or a repeated transaction writes neither twice, and neither exists for an answer that
 * did not commit (the transactional outbox, DESIGN.md).
 *
 * The officer's address is the `email` claim of the token they sent the offer (created the call)
 * with, stored beside it (db/staff-notices.ts ANSWER_RECIPIENT): the answer runs under the
 * expert's session in the `me` and `calls` functions, which have no right to the staff pool's
 * admin API (only the `staff` group has), and a directory call would put Cognito's low admin quotas
 * in an expert's request path. If that officer has left, the agency still sees the badge.
 */
import { config } from '../config.ts';
import { getExperts } from '../db/experts.ts';
import { outboxPut } from '../db/outbox.ts';
import {
  advanceSeenUpTo,
  answerRecipientPut,
  countNoticesAfter,
  getAnswerRecipient,
  getSeenUpTo,
  queryStaffNotices,
  staffNoticeId,
  staffNoticePut,
} from '../db/staff-notices.ts';
import type { TransactItem } from '../db/transaction.ts';
import type { StaffActor } from '../domain/actor.ts';
import { isVisibleToAgencies, toSummary } from '../domain/expert.ts';
import { pageLimit } from '../domain/expert-search.ts';
import type { StaffNoticeKind, StaffNoticesQuery } from '../domain/staff-notice.ts';
import type { StaffNoticesPage } from '../domain/staff-notice-views.ts';
import { answerNoticeMail } from '../mail/staff-notice-messages.ts';

/** The badge counts up to this many; beyond, it shows "99+". */
const maxUnseen = 100;

/** Written with a sent offer or a new call: whom to mail when the expert answers. */
export function answerRecipientWrites(partition: string, staff: StaffActor): TransactItem[] {
  return staff.email ? [answerRecipientPut(partition, { sub: staff.sub, email: staff.email })] : [];
}

export interface Answer {
  kind: StaffNoticeKind;
  /** The agency told; null (a call by an administrator of no agency): only the mail. */
  agency: string | null;
  /** OFFER#<id> or CALL#<id>: where the recipient was stored. */
  partition: string;
  offerId?: string;
  callId?: string;
  expertId: string;
  expertName: string;
  title: string;
  at: string;
}

/** The notice and the mail for one answer, for the answer's transaction. */
export async function answerNoticeWrites(answer: Answer, now: Date): Promise<TransactItem[]> {
  const ref = answer.offerId ?? `${answer.callId}#${answer.expertId}`;
  const id = staffNoticeId(answer.at, answer.kind, ref);
  const writes: TransactItem[] = [];
  if (answer.agency) {
    writes.push(
      staffNoticePut(answer.agency, {
        id,
        kind: answer.kind,
        at: answer.at,
        expertId: answer.expertId,
        ...(answer.offerId ? { offerId: answer.offerId } : {}),
        ...(answer.callId ? { callId: answer.callId } : {}),
        title: answer.title,
      }),
    );
  }
  const recipient = await getAnswerRecipient(answer.partition);
  if (recipient) {
    const page = answer.offerId ? `offers/${answer.offerId}` : `calls/${answer.callId}`;
    const mail = answerNoticeMail(recipient.email, {
      kind: answer.kind,
      expertName: answer.expertName,
      title: answer.title,
      at: answer.at,
      link: `${config().appUrl}/staff/${page}`,
    });
    // The same id as the notice: one mail per answer, even if the transaction is sent again.
    writes.push(outboxPut(mail, now, `answer-${id}`));
  }
  return writes;
}

/** The caller's agency's notices, newest first, with how many the agency has not seen. */
export async function listStaffNotices(
  staff: StaffActor,
  query: StaffNoticesQuery,
): Promise<StaffNoticesPage> {
  // An administrator of no agency has no agency's notices.
  if (!staff.agency) return { items: [], nextCursor: null, unseen: 0 };
  const agency = staff.agency;
  const [page, seenUpTo] = await Promise.all([
    queryStaffNotices(agency, pageLimit(query.limit), query.cursor),
    getSeenUpTo(agency),
  ]);
  const [unseen, profiles] = await Promise.all([
    countNoticesAfter(agency, seenUpTo, maxUnseen),
    getExperts([...new Set(page.items.map((n) => n.expertId))]),
  ]);
  return {
    items: page.items.map((notice) => {
      const profile = profiles.get(notice.expertId);
      return {
        ...notice,
        expert: profile && isVisibleToAgencies(profile) ? toSummary(profile) : null,
        seen: notice.id <= seenUpTo,
      };
    }),
    nextCursor: page.nextCursor,
    unseen,
  };
}

/** The agency has seen every notice up to `upTo` (the newest one an officer was shown). */
export async function markStaffNoticesSeen(staff: StaffActor, upTo: string): Promise<{ unseen: number }> {
  if (!staff.agency) return { unseen: 0 };
  await advanceSeenUpTo(staff.agency, upTo);
  return { unseen: await countNoticesAfter(staff.agency, await getSeenUpTo(staff.agency), maxUnseen) };
}
