/**
 * The offer form's state and its payload for offerInputSchema; and the server's
 * policy_not_applicable details turned into one message per policy, naming the rule.
 */
import type { ErrorDetail } from '../api.ts';
import type { StaffMessages } from '../staff-i18n.ts';

export interface OfferDraft {
  policyIds: string[];
  terms: string;
  /** What a datetime-local input holds: local time without offset. */
  expiresAt: string;
}

/** A month from now at 17:00 local time, in the input's format. */
function defaultExpiry(now: Date): string {
  const at = new Date(now.getFullYear(), now.getMonth() + 1, now.getDate(), 17, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export const emptyOfferDraft = (policyIds: string[], now = new Date()): OfferDraft => ({
  policyIds,
  terms: '',
  expiresAt: defaultExpiry(now),
});

/** Local date-time → an ISO instant; an unreadable value is passed on for the schema to reject. */
function instant(local: string): string {
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? local : new Date(time).toISOString();
}

export const offerFromDraft = (draft: OfferDraft, expertId: string, demandId: string) => ({
  expertId,
  demandId,
  policyIds: draft.policyIds,
  terms: draft.terms,
  expiresAt: instant(draft.expiresAt),
});

/**
 * 'policyIds.1.eligibility.minDegree' → under the second policy sent: "CODE: below the minimum
 * degree", with the server's own words after it.
 */
export function policyProblems(
  details: readonly ErrorDetail[],
  sentPolicyIds: readonly string[],
  t: StaffMessages,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const detail of details) {
    const match = /^policyIds\.(\d+)(?:\.(.+))?$/.exec(detail.path);
    const policyId = match ? sentPolicyIds[Number(match[1])] : undefined;
    if (!match || !policyId) continue;
    const rule = t.policyRule[match[2] ?? 'unknown'] ?? match[2];
    problems[policyId] = [...(problems[policyId] ?? []), `${rule} — ${detail.message}`];
  }
  return problems;
}
