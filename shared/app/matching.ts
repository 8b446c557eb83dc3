/**
 * Matches both ways. For a demand: the repository reads the candidates that pass the hard filters
 * (a key range of the match index) and the pure engine (domain/matching.ts) ranks them with their
 * reasons. For an expert: the open calls and demands that fit the profile.
 */
import { allOpenCalls } from '../db/calls.ts';
import { listOpenDemands } from '../db/demands.ts';
import { getExpert } from '../db/experts.ts';
import { readMatchCandidates } from '../db/matches.ts';
import { type PublicCall, toPublicCall } from '../domain/call.ts';
import { rankCallsForExpert } from '../domain/call-matching.ts';
import { type PublicDemand, toPublicDemand } from '../domain/demand.ts';
import { NotFound } from '../domain/errors.ts';
import { type ExpertSummary, toSummary } from '../domain/expert.ts';
import type { MatchReason } from '../domain/matching.ts';
import {
  type ExpertMatch,
  type MatchDemand,
  rankDemandsForExpert,
  rankExpertsForDemand,
} from '../domain/matching.ts';
import { readDemand } from './demands.ts';

export interface DemandMatches {
  items: ExpertMatch<ExpertSummary>[];
  /** Items DynamoDB read (the benchmark's read amplification is itemsRead ÷ candidates). */
  itemsRead: number;
  /** Distinct experts that pass the hard filters. */
  candidates: number;
}

export async function matchExpertsToDemand(
  demand: MatchDemand,
  options: { limit: number; now: Date },
): Promise<DemandMatches> {
  const { experts, itemsRead } = await readMatchCandidates(demand);
  const ranked = rankExpertsForDemand(demand, experts, options.now);
  return { items: ranked.slice(0, options.limit), itemsRead, candidates: ranked.length };
}

/** GET /api/demands/{id}/matches: any staff member may read any demand's matches. */
export async function matchesForDemand(
  demandId: string,
  limit: number,
  now: Date,
): Promise<Pick<DemandMatches, 'items' | 'candidates'>> {
  const { items, candidates } = await matchExpertsToDemand(await readDemand(demandId), { limit, now });
  return { items, candidates };
}

export type MyMatch =
  | { kind: 'call'; call: PublicCall; score: number; reasons: MatchReason[] }
  | { kind: 'demand'; demand: PublicDemand; score: number; reasons: MatchReason[] };

const matchId = (m: MyMatch) => (m.kind === 'call' ? m.call.id : m.demand.id);

/** GET /api/me/matches: open calls and open demands that fit the expert's profile, best first. */
export async function listMatchesForExpert(expertId: string, now: Date): Promise<{ items: MyMatch[] }> {
  const [expert, calls, demands] = await Promise.all([
    getExpert(expertId),
    allOpenCalls(now),
    listOpenDemands(),
  ]);
  if (!expert) throw new NotFound('Profile not found');
  const items: MyMatch[] = [
    ...rankCallsForExpert(expert, calls, now).map(
      ({ call, score, reasons }): MyMatch => ({
        kind: 'call',
        call: toPublicCall(call, now),
        score,
        reasons,
      }),
    ),
    ...rankDemandsForExpert(
      { ...toSummary(expert), status: expert.status, consent: expert.consent },
      demands,
      now,
    ).map(
      ({ demand, score, reasons }): MyMatch => ({
        kind: 'demand',
        demand: toPublicDemand(demand),
        score,
        reasons,
      }),
    ),
  ];
  items.sort(
    (a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || matchId(a).localeCompare(matchId(b)),
  );
  return { items };
}
