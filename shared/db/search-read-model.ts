/**
 * The table's side of the search read model (docs/search-read-model.md): every searchable doc
 * (for a snapshot build, or a cold instance that finds no snapshot), the change log since a time,
 * and the confirmation of one page against the current listing items.
 */
import type { DirectoryEntry, ExpertSummary } from '../domain/expert.ts';
import { expertSummaryFields } from '../domain/expert.ts';
import type { SearchChange, SearchDoc } from '../domain/expert-index.ts';
import { batchGet } from './batch.ts';
import { tableName } from './client.ts';
import { pick } from './items.ts';
import { indexKeys, keys } from './keys.ts';
import { queryPages } from './paged-query.ts';

const directoryFields = ['id', 'fullName', 'highestDegree', 'academicTitle', 'fields', 'country'] as const;
type DirectoryDoc = DirectoryEntry & { updatedAt: string };

const toSummary = (item: Record<string, unknown>) => pick<ExpertSummary>(item, expertSummaryFields);
const toEntry = (item: Record<string, unknown>): DirectoryDoc => ({
  ...pick<DirectoryEntry>(item, directoryFields),
  updatedAt: String(item.updatedAt ?? ''),
});

async function readListing(partition: string, onItem: (item: Record<string, unknown>) => void) {
  let itemsRead = 0;
  for await (const page of queryPages({
    TableName: tableName,
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': partition },
  })) {
    itemsRead += page.Items?.length ?? 0;
    for (const item of page.Items ?? []) onItem(item);
  }
  return itemsRead;
}

/** Every doc of the read model, from the agencies' listing and the public directory (GSI2). */
export async function readAllSearchDocs(): Promise<{ docs: SearchDoc[]; itemsRead: number }> {
  const docs = new Map<string, SearchDoc>();
  const docOf = (item: Record<string, unknown>): SearchDoc => {
    const id = String(item.id);
    let doc = docs.get(id);
    if (!doc) {
      doc = { id, version: Number(item.version ?? 0) };
      docs.set(id, doc);
    }
    // The two items are written in one transaction; a GSI read may still see them apart.
    doc.version = Math.min(doc.version, Number(item.version ?? 0));
    return doc;
  };
  const [agencies, directory] = await Promise.all([
    readListing(indexKeys.agencyListing, (item) => {
      docOf(item).summary = toSummary(item);
    }),
    readListing(indexKeys.directoryListing, (item) => {
      docOf(item).entry = toEntry(item);
    }),
  ]);
  return { docs: [...docs.values()], itemsRead: agencies + directory };
}

/** UTC days from `since`'s to `until`'s, each a partition of the change log. */
function daysBetween(since: string, until: string): string[] {
  const days: string[] = [];
  const last = until.slice(0, 10);
  for (let day = new Date(`${since.slice(0, 10)}T00:00:00Z`); ; day = new Date(day.getTime() + 86_400_000)) {
    const iso = day.toISOString().slice(0, 10);
    days.push(iso);
    if (iso >= last || days.length > 60) break;
  }
  return days;
}

/** The changes written after `since` (ISO time), oldest first, and the items read to find them. */
export async function readSearchChanges(
  since: string,
  until: string,
): Promise<{ changes: SearchChange[]; itemsRead: number }> {
  const changes: SearchChange[] = [];
  let itemsRead = 0;
  for (const day of daysBetween(since, until)) {
    for await (const page of queryPages({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK > :since',
      ExpressionAttributeValues: { ':pk': keys.searchChangeDay(day), ':since': since },
      // Strongly consistent: a change committed before this read is in it.
      ConsistentRead: true,
    })) {
      itemsRead += page.Items?.length ?? 0;
      for (const item of page.Items ?? []) {
        changes.push({
          id: String(item.expertId),
          version: Number(item.version),
          doc: (item.doc as SearchDoc | null) ?? null,
        });
      }
    }
  }
  return { changes, itemsRead };
}

/**
 * The current listing items of these experts (one BatchGetItem for a page of up to 100): an
 * expert who withdrew, was erased or is no longer active has none, so is not in the result.
 */
export async function currentSummaries(ids: readonly string[]): Promise<Map<string, ExpertSummary>> {
  const items = await batchGet(
    ids.map((id) => keys.listing(id)),
    { attributes: expertSummaryFields },
  );
  return new Map(items.map((item) => [String(item.id), toSummary(item)]));
}

/** The current public directory entries of these experts (one BatchGetItem). */
export async function currentDirectoryEntries(ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
  const items = await batchGet(
    ids.map((id) => keys.directory(id)),
    { attributes: directoryFields },
  );
  return new Map(items.map((item) => [String(item.id), pick<DirectoryEntry>(item, directoryFields)]));
}
