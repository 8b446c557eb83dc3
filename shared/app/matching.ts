/**
 * Matches for a demand: the pure engine (domain/matching.ts) ranks the candidates of the
 * instance's search index (search-read-model.ts) with their reasons, and the page's entries are
 * confirmed in one BatchGetItem of their current listing items (as search does). The other way,
 * an expert's matches, is my-matches.ts.
 */
import { performance } from 'node:perf_hooks';
import { readMatchCandidates } from '../db/matches.ts';
import { currentSummaries } from '../db/search-read-model.ts';
import type { ExpertSummary } from '../domain/expert.ts';
import type { Ranking } from '../domain/expert-index.ts';
import { pageOf, queryFingerprint } from '../domain/expert-search.ts';
import {
  demandScorer,
  type ExpertMatch,
  type MatchDemand,
  rankExpertsForDemand,
  scoreMatch,
} from '../domain/matching.ts';
import { readDemand } from './demands.ts';
import { currentIndex } from './search-read-model.ts';
import { ServerTiming } from './server-timing.ts';

export interface DemandMatches {
  items: ExpertMatch<ExpertSummary>[];
  /** Items DynamoDB read (the benchmark's read amplification is itemsRead ÷ candidates). */
  itemsRead: number;
  /** Distinct experts that pass the hard filters. */
  candidates: number;
}

/**
 * The key-range read of every candidate from the match index: what the matches route did before
 * the search read model; the benchmark keeps it as its baseline column.
 */
export async function matchExpertsToDemand(
  demand: MatchDemand,
  options: { limit: number; now: Date },
): Promise<DemandMatches> {
  const { experts, itemsRead } = await readMatchCandidates(demand);
  const ranked = rankExpertsForDemand(demand, experts, options.now);
  return { items: ranked.slice(0, options.limit), itemsRead, candidates: ranked.length };
}

export interface DemandMatchesPage {
  items: ExpertMatch<ExpertSummary>[];
  /** How many experts pass the hard filters (all pages together). */
  total: number;
  /** The same as total; kept for clients written before it. */
  candidates: number;
  nextCursor: string | null;
}

/**
 * The last ranking of each demand (scores only), reused by its next pages while the index has not
 * changed; a page's reasons are written for its 20 entries only.
 */
const maxCachedRankings = 50;
const rankings = new Map<string, { index: object; key: string; ranked: Ranking }>();

/** Forgets every cached ranking (the benchmark times a first page with it). */
export function forgetRankings(): void {
  rankings.clear();
}

/**
 * GET /api/demands/{id}/matches: any staff member may read any demand's matches. `timing` gets
 * the parts of the request (the route sends them as `Server-Timing`).
 */
export async function matchesForDemand(
  demandId: string,
  query: { limit?: string; cursor?: string },
  now: Date,
  timing = new ServerTiming(),
): Promise<DemandMatchesPage> {
  const demand = await timing.time('demand', () => readDemand(demandId));
  const current = await currentIndex(timing);
  const rankingStarted = performance.now();
  // Recency points change by the day; the ranking is recomputed when the day or the index does.
  const key = `${demand.version}#${current.generation}#${now.toISOString().slice(0, 10)}`;
  // A reloaded index (a new snapshot) starts its generations again: the index itself is compared.
  const cached = rankings.get(demandId);
  let ranked = cached?.index === current.index && cached.key === key ? cached.ranked : undefined;
  if (!ranked) {
    // The pure engine's hard filters and points; the index checks the field groups first.
    ranked = current.index.rankInGroups(demand.fieldCodes, demandScorer(demand, now));
    if (rankings.size >= maxCachedRankings) rankings.delete(rankings.keys().next().value as string);
    rankings.set(demandId, { index: current.index, key, ranked });
  }
  const { page, nextCursor } = pageOf(ranked, query, queryFingerprint({ demandId }));
  timing.add('index', performance.now() - rankingStarted);
  const confirmed = page.length
    ? await timing.time('confirm', () => currentSummaries(page.map((m) => m.expert.id)))
    : new Map<string, ExpertSummary>();
  const items = page.flatMap((match) => {
    const summary = confirmed.get(match.expert.id);
    if (!summary) {
      current.index.forget(match.expert.id);
      return [];
    }
    // The reasons of what is shown, from the current data (an edit the index has not seen yet
    // is scored as it now stands; otherwise the points are the ranking's own).
    return [{ expert: summary, ...scoreMatch(demand, summary, now) }];
  });
  const total = ranked.length - (page.length - items.length);
  return { items, total, candidates: total, nextCursor };
}
