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
import type { StaffActor } from '../domain/actor.ts';
import { canManageCall, isOpen, type OpenCallsQuery } from '../domain/call.ts';
import { Conflict, Forbidden, NotFound } from '../domain/errors.ts';
import { type ExpertProfile, type ExpertSummary, toSummary } from '../domain/expert.ts';
import type { Page } from '../domain/expert-search.ts';

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
  // The same conditions again, in the write: they may have changed since the reads.
  return putCallResponse({ callId, expertId, message, respondedAt: now.toISOString() });
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
  const page = await queryCallResponses(callId, query);
  const profiles = await getExperts(page.items.map((r) => r.expertId));
  const items = page.items.flatMap((r) => {
    const profile = profiles.get(r.expertId);
    return mayTakePart(profile) && profile
      ? [{ expert: toSummary(profile), message: r.message, respondedAt: r.respondedAt }]
      : [];
  });
  return { items, nextCursor: page.nextCursor };
}
