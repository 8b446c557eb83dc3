/** HR search and the public directory over the sparse read models (expert-projections.ts). */

import {
  type DirectoryEntry,
  degreeRank,
  type ExpertSummary,
  expertSummaryFields,
} from '../domain/expert.ts';
import type { DirectoryQuery, ExpertSearchQuery, Page } from '../domain/expert-search.ts';
import { pageLimit } from '../domain/expert-search.ts';
import { fieldGroupOf } from '../domain/taxonomy.ts';
import { searchNeedles } from '../domain/text.ts';
import { pick } from './items.ts';
import { indexKeys } from './keys.ts';
import { type IndexQuery, queryPage } from './paged-query.ts';

class FilterBuilder {
  readonly clauses: string[] = [];
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};

  add(clause: string, values: Record<string, unknown>, names: Record<string, string> = {}): void {
    this.clauses.push(clause);
    Object.assign(this.values, values);
    Object.assign(this.names, names);
  }

  /**
   * Every word of the query in the same field: "nguyen van an" finds the name Nguyễn Văn An, not
   * a Nguyễn working at the Phạm Văn Đồng university on "an toàn" (safety).
   */
  text(q: string | undefined, fields: string[]): void {
    const needles = searchNeedles(q ?? '');
    if (needles.length === 0) return;
    const values = Object.fromEntries(needles.map((needle, i) => [`:q${i}`, needle]));
    const inField = (field: string) =>
      `(${needles.map((_, i) => `contains(${field}, :q${i})`).join(' AND ')})`;
    this.add(`(${fields.map(inField).join(' OR ')})`, values);
  }

  build(): IndexQuery['filter'] {
    return this.clauses.length
      ? { expression: this.clauses.join(' AND '), names: this.names, values: this.values }
      : undefined;
  }
}

/** A summary from a read-model item (LISTING or FIELDGROUP#g). */
const toSummaryItem = (item: Record<string, unknown>): ExpertSummary =>
  pick<ExpertSummary>(item, expertSummaryFields);

/**
 * With a field, the query runs on that field group's match index (degree as the key range);
 * without one, on the agencies' listing sorted by name. Either way only experts who are active
 * and share their profile with agencies can be read at all.
 */
export function expertSearchQuery(q: ExpertSearchQuery): IndexQuery {
  const filter = new FilterBuilder();
  filter.text(q.q, ['nameText', 'topicText', 'employerText']);
  if (q.title) filter.add('academicTitle = :title', { ':title': q.title });
  if (q.locationKind) filter.add('locationKind = :lk', { ':lk': q.locationKind });
  if (q.country) filter.add('country = :country', { ':country': q.country });
  if (q.native) filter.add('#native = :native', { ':native': q.native === 'true' }, { '#native': 'native' });
  if (q.language) filter.add('contains(languageCodes, :lang)', { ':lang': q.language });
  if (q.engagement) filter.add('contains(engagement, :eng)', { ':eng': q.engagement });
  const minRank = q.minDegree ? degreeRank(q.minDegree) : undefined;

  if (q.field) {
    if (q.field.includes('.')) filter.add('contains(fieldCodes, :field)', { ':field': q.field });
    return {
      index: 'GSI1',
      partition: indexKeys.fieldGroup(fieldGroupOf(q.field)),
      ...(minRank
        ? { sortKeyCondition: { expression: 'GSI1SK >= :from', values: { ':from': `${minRank}#` } } }
        : {}),
      filter: filter.build(),
      newestFirst: true,
    };
  }
  if (minRank) filter.add('degreeRank >= :minRank', { ':minRank': minRank });
  return { index: 'GSI2', partition: indexKeys.agencyListing, filter: filter.build() };
}

export async function searchExperts(q: ExpertSearchQuery): Promise<Page<ExpertSummary>> {
  const { items, nextCursor } = await queryPage(
    expertSearchQuery(q),
    pageLimit(q.limit),
    q.cursor,
    toSummaryItem,
  );
  return { items, nextCursor };
}

const directoryFields = ['id', 'fullName', 'highestDegree', 'academicTitle', 'fields', 'country'] as const;

export async function listDirectory(q: DirectoryQuery): Promise<Page<DirectoryEntry>> {
  const filter = new FilterBuilder();
  filter.text(q.q, ['nameText', 'topicText']);
  if (q.field) {
    if (q.field.includes('.')) filter.add('contains(fieldCodes, :field)', { ':field': q.field });
    else filter.add('contains(fieldGroups, :group)', { ':group': q.field });
  }
  const { items, nextCursor } = await queryPage(
    { index: 'GSI2', partition: indexKeys.directoryListing, filter: filter.build() },
    pageLimit(q.limit),
    q.cursor,
    (item) => Object.fromEntries(directoryFields.map((f) => [f, item[f]])) as unknown as DirectoryEntry,
  );
  return { items, nextCursor };
}
