/**
 * Matches for a demand, read from the match index (expert-projections.ts): for each field group
 * the demand names, the GSI1 partition FIELDGROUP#<g> from the minimum degree up
 * (`GSI1SK >= "<minDegreeRank>#"`). That key range is the hard filters themselves (only visible
 * experts have these items; the group and the degree are the key), so DynamoDB reads only
 * candidates that pass them; an expert in several of the groups is read once per group and
 * counted once. No scan. The ranking is the pure engine's (domain/matching.ts).
 */
import { degreeRank, type ExpertSummary, expertSummaryFields } from '../domain/expert.ts';
import { type ExpertMatch, type MatchDemand, rankExpertsForDemand } from '../domain/matching.ts';
import { fieldGroupOf } from '../domain/taxonomy.ts';
import { tableName } from './client.ts';
import { readDemand } from './demands.ts';
import { toSummaryItem } from './expert-search.ts';
import { projection } from './items.ts';
import { indexKeys } from './keys.ts';
import { queryPages } from './paged-query.ts';

const summaryProjection = projection(expertSummaryFields);

export interface DemandMatches {
  items: ExpertMatch<ExpertSummary>[];
  /** Items DynamoDB read (the benchmark's read amplification is itemsRead ÷ candidates). */
  itemsRead: number;
  /** Distinct experts that pass the hard filters. */
  candidates: number;
}

async function readGroup(group: string, minRank: number) {
  const items: Record<string, unknown>[] = [];
  let itemsRead = 0;
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :from',
    ExpressionAttributeValues: { ':pk': indexKeys.fieldGroup(group), ':from': `${minRank}#` },
    ...summaryProjection,
  })) {
    itemsRead += page.ScannedCount ?? 0;
    items.push(...(page.Items ?? []));
  }
  return { items, itemsRead };
}

export async function matchExpertsToDemand(
  demand: MatchDemand,
  options: { limit: number; now: Date },
): Promise<DemandMatches> {
  const groups = [...new Set(demand.fieldCodes.map(fieldGroupOf))];
  const reads = await Promise.all(groups.map((g) => readGroup(g, degreeRank(demand.minDegree))));
  const experts = new Map<string, ExpertSummary>();
  for (const read of reads) {
    for (const item of read.items) experts.set(String(item.id), toSummaryItem(item));
  }
  const ranked = rankExpertsForDemand(demand, [...experts.values()], options.now);
  return {
    items: ranked.slice(0, options.limit),
    itemsRead: reads.reduce((sum, r) => sum + r.itemsRead, 0),
    candidates: ranked.length,
  };
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
