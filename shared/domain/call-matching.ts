/**
 * Which open calls fit an expert, and how well. Hard filters: the call is open, the expert fits
 * its audience (overseas natives: living abroad and native of the province), and they share at
 * least one field group. The score (0-100) is the sum of its reasons' points, so the expert sees
 * why a call was suggested (factor codes as in matching.ts, so the web app translates both):
 *  - field_exact (50): the share of the call's codes the expert covers; a field such as "2.3" needs
 *    that exact field, a group such as "2" any field in it;
 *  - field_group (30): the share of the call's field groups the expert works in;
 *  - engagement (20): the expert is open to the call's engagement mode.
 */
import { type Call, callFieldGroups, fitsAudience, isOpen } from './call.ts';
import type { ExpertProfile } from './expert.ts';
import { type MatchReason, type ScoredFacts, withDetail } from './matching.ts';
import { fieldGroupOf } from './taxonomy.ts';

export interface CallMatch {
  call: Call;
  score: number;
  reasons: MatchReason[];
}

export const callMatchWeights = { fieldExact: 50, fieldGroup: 30, engagement: 20 } as const;

export type MatchableProfile = Pick<ExpertProfile, 'fields' | 'location' | 'nativeOfProvince' | 'engagement'>;

/** The call's match for the expert, or null when a hard filter excludes it. */
export function matchCallForExpert(expert: MatchableProfile, call: Call, now: Date): CallMatch | null {
  if (!isOpen(call, now) || !fitsAudience(call.audience, expert)) return null;
  const expertCodes = new Set(expert.fields.map((f) => f.code));
  const expertGroups = new Set(expert.fields.map((f) => fieldGroupOf(f.code)));
  const callGroups = callFieldGroups(call.fieldCodes);
  const sharedGroups = callGroups.filter((g) => expertGroups.has(g));
  if (sharedGroups.length === 0) return null;

  const covered = call.fieldCodes.filter((code) =>
    code.includes('.') ? expertCodes.has(code) : expertGroups.has(code),
  );
  const engaged = expert.engagement.includes(call.engagement);
  const scored: ScoredFacts[] = [
    {
      factor: 'field_exact',
      points: Math.round((callMatchWeights.fieldExact * covered.length) / call.fieldCodes.length),
      code: 'call_fields',
      params: { covered, of: call.fieldCodes.length },
    },
    {
      factor: 'field_group',
      points: Math.round((callMatchWeights.fieldGroup * sharedGroups.length) / callGroups.length),
      code: 'call_field_groups',
      params: { shared: sharedGroups, of: callGroups.length },
    },
    engaged
      ? {
          factor: 'engagement',
          points: callMatchWeights.engagement,
          code: 'engagement_as_asked',
          params: { wanted: call.engagement },
        }
      : {
          factor: 'engagement',
          points: 0,
          code: 'engagement_not_open',
          params: { wanted: call.engagement, modes: [...expert.engagement] },
        },
  ];
  const reasons: MatchReason[] = scored.map(withDetail);
  return { call, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** Best first; ties by the sooner deadline, then by id, so the order is stable. */
export function rankCallsForExpert(expert: MatchableProfile, calls: readonly Call[], now: Date): CallMatch[] {
  return calls
    .flatMap((call) => matchCallForExpert(expert, call, now) ?? [])
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.call.openUntil.localeCompare(b.call.openUntil) ||
        a.call.id.localeCompare(b.call.id),
    );
}
