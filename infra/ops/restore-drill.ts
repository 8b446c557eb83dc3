/**
 * The restore drill (`npm run restore-drill`, README "Operations"): prove that a backup of the
 * registry table can be restored, and that a restored table honours every erasure made since the
 * backup before anyone uses it.
 *
 * 1. export: the source table, read with a Scan (locally the stand-in for a backup or a
 *    point-in-time recovery; on AWS, `--restored-table` names a table AWS restored instead);
 * 2. restore: a new table from the one table definition, loaded with the exported items;
 * 3. replay: the erasure tombstones (`EXPERT#<id>` / `TOMBSTONE`, left by DELETE /api/me) of the
 *    source table and of the restored one are applied to the restored table: whatever an erasure
 *    deletes (the expert's partition, the e-mail key, the call responses) is deleted again;
 * 4. compare: item counts and a sample of items against what the export says, with the erasures
 *    applied; no erased expert's data may be left.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocument, type NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { callKeys, keys } from '../../shared/db/keys.ts';
import { toCreateTableInput } from '../../shared/db/table.ts';

export type Item = Record<string, NativeAttributeValue>;

export interface Tombstone {
  expertId: string;
  deletedAt: string;
}

const tombstoneSortKey = keys.tombstone('x').SK;
const expertPrefix = keys.expertPartition('');

/** Whatever DELETE /api/me deletes (shared/db/experts.ts eraseExpert, call-responses.ts): the erasure's footprint. */
export function erasedBy(item: Item, erased: ReadonlySet<string>): boolean {
  const pk = String(item.PK);
  if (pk.startsWith(expertPrefix)) {
    return erased.has(pk.slice(expertPrefix.length)) && item.SK !== tombstoneSortKey;
  }
  if (item.type === 'email' && typeof item.expertId === 'string') return erased.has(item.expertId);
  const responder = String(item.GSI2PK ?? '');
  const responsesPrefix = callKeys.responsesOfExpert('');
  return responder.startsWith(responsesPrefix) && erased.has(responder.slice(responsesPrefix.length));
}

export const isTombstone = (item: Item): boolean =>
  String(item.PK).startsWith(expertPrefix) && item.SK === tombstoneSortKey;

const toTombstone = (item: Item): Tombstone => ({
  expertId: String(item.PK).slice(expertPrefix.length),
  deletedAt: String(item.deletedAt),
});

const keyOf = (item: Item) => ({ PK: item.PK, SK: item.SK });
const keyString = (item: Item) => `${item.PK}\u0000${item.SK}`;

/** Every item of a table, four Scan segments at a time. */
export async function scanAll(doc: DynamoDBDocument, tableName: string): Promise<Item[]> {
  const segments = 4;
  const parts = await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const items: Item[] = [];
      let ExclusiveStartKey: Record<string, NativeAttributeValue> | undefined;
      do {
        const page = await doc.scan({
          TableName: tableName,
          Segment: segment,
          TotalSegments: segments,
          ConsistentRead: true,
          ExclusiveStartKey,
        });
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    }),
  );
  return parts.flat();
}

/** The tombstones of a table (a Scan filtered on the sort key; erasures are rare). */
export async function tombstonesIn(doc: DynamoDBDocument, tableName: string): Promise<Tombstone[]> {
  const found: Tombstone[] = [];
  let ExclusiveStartKey: Record<string, NativeAttributeValue> | undefined;
  do {
    const page = await doc.scan({
      TableName: tableName,
      FilterExpression: 'SK = :tombstone AND begins_with(PK, :expert)',
      ExpressionAttributeValues: { ':tombstone': tombstoneSortKey, ':expert': expertPrefix },
      ConsistentRead: true,
      ExclusiveStartKey,
    });
    found.push(...(page.Items ?? []).map(toTombstone));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

/** The erasures the restored table already holds, and those made since (the source's tombstones). */
async function erasuresToReplay(
  doc: DynamoDBDocument,
  sourceTable: string,
  restoredTable: string,
): Promise<Tombstone[]> {
  const byId = new Map<string, Tombstone>();
  for (const t of [...(await tombstonesIn(doc, restoredTable)), ...(await tombstonesIn(doc, sourceTable))])
    byId.set(t.expertId, t);
  return [...byId.values()];
}

/** At most `size` entries spread evenly over a sorted list, so the same table gives the same sample. */
function evenSample<T>(sorted: readonly T[], size: number): T[] {
  const step = Math.max(1, Math.floor(sorted.length / Math.max(1, size)));
  return sorted.filter((_, index) => index % step === 0).slice(0, size);
}

/** BatchWriteItem in chunks of 25, retrying what DynamoDB leaves unprocessed. */
async function batchWrite(
  doc: DynamoDBDocument,
  tableName: string,
  requests: ({ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } })[],
): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending = requests.slice(start, start + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 2000)));
      const { UnprocessedItems } = await doc.batchWrite({ RequestItems: { [tableName]: pending } });
      pending = (UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

/** A new table from the one table definition, loaded with the exported items. */
export async function restoreInto(
  client: DynamoDBClient,
  doc: DynamoDBDocument,
  tableName: string,
  items: readonly Item[],
): Promise<void> {
  await client.send(new CreateTableCommand(toCreateTableInput(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 300 }, { TableName: tableName });
  await batchWrite(
    doc,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

/**
 * Applies the erasures to a restored table: deletes every item of an erased expert's footprint
 * and puts the tombstones back (with the erasure's own time). Safe to repeat.
 */
export async function replayErasures(
  doc: DynamoDBDocument,
  tableName: string,
  tombstones: readonly Tombstone[],
): Promise<{ deleted: number }> {
  const erased = new Set(tombstones.map((t) => t.expertId));
  const doomed = (await scanAll(doc, tableName)).filter((item) => erasedBy(item, erased));
  await batchWrite(doc, tableName, [
    ...doomed.map((item) => ({ DeleteRequest: { Key: keyOf(item) } })),
    ...tombstones.map((t) => ({
      PutRequest: { Item: { ...keys.tombstone(t.expertId), type: 'tombstone', deletedAt: t.deletedAt } },
    })),
  ]);
  return { deleted: doomed.length };
}

export interface Comparison {
  /** Items the export holds once the erasures are applied to it. */
  expected: number;
  restored: number;
  sampled: number;
  /** Sampled items that differ or are missing from the restored table: their keys. */
  mismatches: string[];
  /** Items of an erased expert still in the restored table (must be none): their keys. */
  erasedLeft: string[];
  /** Erasures whose tombstone is missing from the restored table. */
  tombstonesMissing: string[];
}

/**
 * The restored table against the export with the erasures applied: the same count, the same
 * items in a sample (evenly spread over the sorted keys, so it is repeatable), no erased data.
 */
export async function compareWithExport(
  doc: DynamoDBDocument,
  tableName: string,
  exported: readonly Item[],
  tombstones: readonly Tombstone[],
  sampleSize: number,
): Promise<Comparison> {
  const erased = new Set(tombstones.map((t) => t.expertId));
  const expected = new Map<string, Item>();
  for (const item of exported) if (!erasedBy(item, erased)) expected.set(keyString(item), item);
  for (const t of tombstones) {
    const stone = { ...keys.tombstone(t.expertId), type: 'tombstone', deletedAt: t.deletedAt };
    expected.set(keyString(stone), stone);
  }
  const restored = await scanAll(doc, tableName);
  const restoredByKey = new Map(restored.map((item) => [keyString(item), item]));

  const sample = evenSample([...expected.keys()].sort(), sampleSize);
  const mismatches = sample.filter((key) => !isDeepStrictEqual(restoredByKey.get(key), expected.get(key)));

  return {
    expected: expected.size,
    restored: restored.length,
    sampled: sample.length,
    mismatches: mismatches.map((key) => key.replace('\u0000', ' ')),
    erasedLeft: restored.filter((item) => erasedBy(item, erased)).map((i) => `${i.PK} ${i.SK}`),
    tombstonesMissing: tombstones
      .filter((t) => !restoredByKey.has(keyString(keys.tombstone(t.expertId))))
      .map((t) => t.expertId),
  };
}

export const comparisonPassed = (c: Comparison): boolean =>
  c.expected === c.restored &&
  c.mismatches.length === 0 &&
  c.erasedLeft.length === 0 &&
  c.tombstonesMissing.length === 0;

export interface DrillOptions {
  client: DynamoDBClient;
  sourceTable: string;
  /** @default `<source>-restore-drill-<time>` */
  restoredTable?: string;
  /** Items compared one by one. @default 50 */
  sampleSize?: number;
  /** Delete the restored table at the end. @default true */
  dropRestored?: boolean;
  /**
   * Runs between the export and the restore: the time in which, in real life, erasures happen
   * after the backup was taken (the test erases a profile here).
   */
  afterExport?: () => Promise<void>;
  log?: (line: string) => void;
}

export interface DrillReport extends Comparison {
  restoredTable: string;
  exported: number;
  tombstones: number;
  replayDeleted: number;
  passed: boolean;
}

/** The local drill: export (Scan), restore into a new table, replay the tombstones, compare. */
export async function runRestoreDrill(options: DrillOptions): Promise<DrillReport> {
  const log = options.log ?? (() => {});
  const doc = DynamoDBDocument.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
  const restoredTable =
    options.restoredTable ??
    `${options.sourceTable}-restore-drill-${new Date().toISOString().replace(/\D/g, '')}`;

  const exported = await scanAll(doc, options.sourceTable);
  log(`export: ${exported.length} items of ${options.sourceTable}`);
  await options.afterExport?.();

  await restoreInto(options.client, doc, restoredTable, exported);
  log(`restore: ${exported.length} items into ${restoredTable}`);
  try {
    const tombstones = await erasuresToReplay(doc, options.sourceTable, restoredTable);
    const { deleted } = await replayErasures(doc, restoredTable, tombstones);
    log(`replay: ${tombstones.length} erasure tombstones, ${deleted} items deleted again`);

    const comparison = await compareWithExport(
      doc,
      restoredTable,
      exported,
      tombstones,
      options.sampleSize ?? 50,
    );
    const passed = comparisonPassed(comparison);
    log(
      `compare: ${comparison.restored} items restored, ${comparison.expected} expected; ` +
        `${comparison.sampled} sampled, ${comparison.mismatches.length} differ; ` +
        `${comparison.erasedLeft.length} erased items left; ${comparison.tombstonesMissing.length} tombstones missing`,
    );
    return {
      ...comparison,
      restoredTable,
      exported: exported.length,
      tombstones: tombstones.length,
      replayDeleted: deleted,
      passed,
    };
  } finally {
    if (options.dropRestored ?? true) {
      await options.client.send(new DeleteTableCommand({ TableName: restoredTable }));
      log(`dropped ${restoredTable}`);
    }
  }
}

export interface AwsReplayReport {
  tombstones: number;
  replayDeleted: number;
  restored: number;
  source: number;
  sampled: number;
  /** Sampled restored items that the source holds unchanged. */
  identical: number;
  erasedLeft: string[];
  tombstonesMissing: string[];
  passed: boolean;
}

/**
 * The AWS drill, after a point-in-time restore (or an AWS Backup restore) into a new table:
 * replay the live table's tombstones into it, then compare it with the live table. The live
 * table has moved on since the restore point, so differing counts and items are reported, not
 * failed; what fails the drill is erased data left in the restored table, or a missing tombstone.
 */
export async function replayIntoRestoredTable(options: {
  client: DynamoDBClient;
  sourceTable: string;
  restoredTable: string;
  sampleSize?: number;
  log?: (line: string) => void;
}): Promise<AwsReplayReport> {
  const log = options.log ?? (() => {});
  const doc = DynamoDBDocument.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
  const tombstones = await erasuresToReplay(doc, options.sourceTable, options.restoredTable);
  const { deleted } = await replayErasures(doc, options.restoredTable, tombstones);
  log(
    `replay: ${tombstones.length} erasure tombstones, ${deleted} items deleted from ${options.restoredTable}`,
  );

  const restored = await scanAll(doc, options.restoredTable);
  const source = await scanAll(doc, options.sourceTable);
  const sourceByKey = new Map(source.map((item) => [keyString(item), item]));
  const restoredKeys = new Set(restored.map(keyString));
  const sorted = [...restored].sort((a, b) => keyString(a).localeCompare(keyString(b)));
  const sample = evenSample(sorted, options.sampleSize ?? 50);
  const identical = sample.filter((item) => isDeepStrictEqual(sourceByKey.get(keyString(item)), item)).length;
  const erased = new Set(tombstones.map((t) => t.expertId));
  const report: AwsReplayReport = {
    tombstones: tombstones.length,
    replayDeleted: deleted,
    restored: restored.length,
    source: source.length,
    sampled: sample.length,
    identical,
    erasedLeft: restored.filter((item) => erasedBy(item, erased)).map((i) => `${i.PK} ${i.SK}`),
    tombstonesMissing: tombstones
      .filter((t) => !restoredKeys.has(keyString(keys.tombstone(t.expertId))))
      .map((t) => t.expertId),
    passed: false,
  };
  report.passed = report.erasedLeft.length === 0 && report.tombstonesMissing.length === 0;
  log(
    `compare: ${report.restored} items restored, ${report.source} in ${options.sourceTable} now; ` +
      `${report.identical} of ${report.sampled} sampled items unchanged since the restore point`,
  );
  return report;
}

export const localClient = (endpoint: string, region = 'ap-southeast-1'): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
