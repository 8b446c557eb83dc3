/**
 * Match candidates for a demand, read from the match index (expert-projections.ts): for each field group
 * the demand names, the GSI1 partition FIELDGROUP#<g> from the minimum degree up
 * (`GSI1SK >= "<minDegreeRank>#"`). That key range is the hard filters themselves (only visible
 * experts have these items; the group and the degree are the key), so DynamoDB reads only
 * candidates that pass them; an expert in several of the groups is read once per group and
 * counted once. No scan. The ranking is the service's (shared/app/matching.ts).
 */
import { degreeRank, type ExpertSummary, expertSummaryFields } from '../domain/expert.ts';
import type { MatchDemand } from '../domain/matching.ts';
import { fieldGroupOf } from '../domain/taxonomy.ts';
import { tableName } from './client.ts';
import { pick, projection } from './items.ts';
import { indexKeys } from './keys.ts';
import { queryPages } from './paged-query.ts';

const summaryProjection = projection(expertSummaryFields);

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

/**
 * The experts who pass the demand's hard filters (each once, however many of its groups they work
 * in), and the items DynamoDB read to find them (the benchmark's read amplification).
 */
export async function readMatchCandidates(
  demand: Pick<MatchDemand, 'fieldCodes' | 'minDegree'>,
): Promise<{ experts: ExpertSummary[]; itemsRead: number }> {
  const groups = [...new Set(demand.fieldCodes.map(fieldGroupOf))];
  const reads = await Promise.all(groups.map((g) => readGroup(g, degreeRank(demand.minDegree))));
  const experts = new Map<string, ExpertSummary>();
  for (const read of reads) {
    for (const item of read.items)
      experts.set(String(item.id), pick<ExpertSummary>(item, expertSummaryFields));
  }
  return { experts: [...experts.values()], itemsRead: reads.reduce((sum, r) => sum + r.itemsRead, 0) };
}
