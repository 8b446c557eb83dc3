/**
 * An expert's matches (GET /api/me/matches): the open calls and open demands that fit the profile,
 * ranked by the pure engine with their reasons. Apart from matching.ts (a demand's matches), which
 * reads the search index: the me group never loads the index, its snapshot store or the S3 client
 * behind it (esbuild gives even an unused `import()` a chunk, and the SDK modules it shares with
 * DynamoDB then land in every route's cold path).
 */
import { allOpenCalls } from '../db/calls.ts';
import { listOpenDemands } from '../db/demands.ts';
import { getExpert } from '../db/experts.ts';
import { type PublicCall, toPublicCall } from '../domain/call.ts';
import { rankCallsForExpert } from '../domain/call-matching.ts';
import { type PublicDemand, toPublicDemand } from '../domain/demand.ts';
import { NotFound } from '../domain/errors.ts';
import { toSummary } from '../domain/expert.ts';
import { type MatchReason, rankDemandsForExpert } from '../domain/matching.ts';

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
