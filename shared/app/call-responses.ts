/**
 * Experts' responses to calls: one per expert and call, only while the call is open and the
 * expert is active and opted in to collaboration calls. Staff of the creating agency see a
 * responder's summary only while that still holds.
 */
import {
  type CallResponse,
  deleteCallResponse,
  putCallResponse,
  queryCallResponses,
} from '../db/call-responses.ts';
import { getCall } from '../db/calls.ts';
import { getExpert, getExperts } from '../db/experts.ts';
import { callKeys } from '../db/keys.ts';
import type { StaffActor } from '../domain/actor.ts';
import { canManageCall, isOpen, type OpenCallsQuery } from '../domain/call.ts';
import { Conflict, Forbidden, NotFound } from '../domain/errors.ts';
import { type ExpertProfile, type ExpertSummary, toSummary } from '../domain/expert.ts';
import { type Page, pageLimit } from '../domain/expert-search.ts';
import { answerNoticeWrites } from './staff-notices.ts';

export interface CallResponseForStaff {
  expert: ExpertSummary;
  message: string;
  respondedAt: string;
}

const mayTakePart = (p: Pick<ExpertProfile, 'status' | 'consent'> | undefined): boolean =>
  !!p && p.status === 'active' && p.consent.collaborationCalls;

/** One response per expert and call: a second one is a 409 (withdraw it first to change it). */
export async function respondToCall(
  callId: string,
  expertId: string,
  message: string,
  now: Date,
): Promise<CallResponse> {
  const [call, expert] = await Promise.all([getCall(callId), getExpert(expertId)]);
  if (!call) throw new NotFound('Call not found');
  if (!mayTakePart(expert)) {
    throw new Forbidden('Opt in to collaboration calls in your consent settings to respond');
  }
  if (!isOpen(call, now)) throw new Conflict('This call is not open for responses');
  const respondedAt = now.toISOString();
  // The creating agency is told, and the officer who created the call mailed, in the same write.
  const notice = await answerNoticeWrites(
    {
      kind: 'call_response',
      agency: call.agency,
      partition: callKeys.call(callId).PK,
      callId,
      expertId,
      expertName: expert?.fullName ?? '',
      title: call.title,
      at: respondedAt,
    },
    now,
  );
  // The same conditions again, in the write: they may have changed since the reads.
  return putCallResponse({ callId, expertId, message, respondedAt }, notice);
}

export async function withdrawCallResponse(callId: string, expertId: string): Promise<void> {
  if (!(await deleteCallResponse(callId, expertId))) throw new NotFound('You have no response to this call');
}

/** Who responded, for the creating agency or an administrator. */
export async function listCallResponses(
  callId: string,
  staff: StaffActor,
  query: OpenCallsQuery,
): Promise<Page<CallResponseForStaff>> {
  const call = await getCall(callId);
  if (!call) throw new NotFound('Call not found');
  if (!canManageCall(staff, call))
    throw new Forbidden('Only the agency that created the call sees its responses');
  // Responses of experts who have since withdrawn their consent are not shown; read on until the
  // page is full, so a page is short only at the end (or after a bounded number of reads).
  const limit = pageLimit(query.limit);
  const items: CallResponseForStaff[] = [];
  let cursor = query.cursor;
  for (let reads = 0; reads < maxReadsPerPage; reads++) {
    const page = await queryCallResponses(callId, { cursor, limit: String(limit - items.length) });
    const profiles = await getExperts(page.items.map((r) => r.expertId));
    for (const r of page.items) {
      const profile = profiles.get(r.expertId);
      if (profile && mayTakePart(profile)) {
        items.push({ expert: toSummary(profile), message: r.message, respondedAt: r.respondedAt });
      }
    }
    cursor = page.nextCursor ?? undefined;
    if (!cursor || items.length >= limit) break;
  }
  return { items, nextCursor: cursor ?? null };
}

const maxReadsPerPage = 10;
