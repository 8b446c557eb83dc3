/**
 * The restore drill (npm run restore-drill) on a small table of its own in the suite's DynamoDB
 * Local (so that it neither slows nor reads the other tests' data): a profile erased after the
 * export (the backup) must be erased in the restored table too, and nothing else may differ. The
 * profiles and the erasure are written by the registry's own code.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DeleteTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { emailKeyHash } from '#shared/domain/secret-token';
import {
  compareWithExport,
  localClient,
  replayIntoRestoredTable,
  restoreInto,
  runRestoreDrill,
  scanAll,
  tombstonesIn,
} from '../../infra/ops/restore-drill.ts';

const sourceTable = `restore-drill-source-${Date.now()}`;
const client = () => localClient(inject('ddbEndpoint'));
const doc = () => DynamoDBDocument.from(client());
const partition = async (table: string, pk: string) =>
  (
    await doc().query({
      TableName: table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    })
  ).Items ?? [];
const drop = (table: string) => client().send(new DeleteTableCommand({ TableName: table }));
const drillTables = async () =>
  ((await client().send(new ListTablesCommand({}))).TableNames ?? []).filter((name) =>
    name.includes('-restore-drill-'),
  );

interface Expert {
  id: string;
  email: string;
}
let experts: Expert[];
let erase: (expertId: string) => Promise<void>;

beforeAll(async () => {
  // The registry's code reads its table and DynamoDB from the environment at first use.
  process.env.TABLE_NAME = sourceTable;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('ddbEndpoint');
  process.env.AWS_REGION = 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  const { ensureTable } = await import('../../infra/local/dynamodb-local.ts');
  const { verifiedExpertItems } = await import('#shared/db/experts');
  const { batchPut } = await import('#shared/db/bulk-load');
  const { generateProfiles } = await import('#shared/demo/generate-profiles');
  const { getProvince } = await import('#shared/domain/provinces/index');
  const { eraseOwnProfile } = await import('#shared/app/self-service');
  await ensureTable(inject('ddbEndpoint'), sourceTable);
  const items = generateProfiles(8, { seed: 14, province: getProvince('quang-ngai') }).flatMap((r) =>
    verifiedExpertItems(r, new Date()),
  );
  await batchPut(items);
  experts = items
    .filter((item) => item.SK === 'PROFILE')
    .map((item) => ({ id: String(item.PK).slice('EXPERT#'.length), email: String(item.email) }));
  erase = (expertId) => eraseOwnProfile(expertId, new Date());
  return () => drop(sourceTable);
}, 120_000);

// Under a loaded machine a drill of even a small table takes more than a request's 30 s.
describe('restore drill', { timeout: 120_000 }, () => {
  it('re-applies an erasure made after the backup, and restores everything else as it was', async () => {
    const [erased, kept] = experts;
    const restoredTable = `${sourceTable}-restore-drill-kept`;

    const report = await runRestoreDrill({
      client: client(),
      sourceTable,
      restoredTable,
      sampleSize: 20,
      dropRestored: false,
      // The backup is taken; then the expert erases the profile (DELETE /api/me's service).
      afterExport: () => erase(erased.id),
    });
    try {
      expect(report).toMatchObject({ passed: true, mismatches: [], erasedLeft: [], tombstonesMissing: [] });
      expect(report.restored).toBe(report.expected);
      expect(report.sampled).toBe(20);
      expect(report.tombstones).toBe(1);
      expect(report.replayDeleted).toBeGreaterThan(1);

      // The erased expert: in the restored table exactly what the live table keeps, the tombstone.
      const live = await partition(sourceTable, `EXPERT#${erased.id}`);
      expect(live.map((item) => item.SK)).toEqual(['TOMBSTONE']);
      expect(await partition(restoredTable, `EXPERT#${erased.id}`)).toEqual(live);
      expect(await partition(restoredTable, `EMAIL#${emailKeyHash(erased.email)}`)).toEqual([]);
      // Everyone else is back as exported.
      expect(await partition(restoredTable, `EXPERT#${kept.id}`)).toEqual(
        await partition(sourceTable, `EXPERT#${kept.id}`),
      );
      expect(await partition(restoredTable, `EMAIL#${emailKeyHash(kept.email)}`)).toHaveLength(1);
    } finally {
      await drop(restoredTable);
    }
  });

  it('fails the comparison when the tombstones are not replayed; the AWS replay then clears it', async () => {
    const erased = experts[2];
    const exported = await scanAll(doc(), sourceTable);
    await erase(erased.id);
    const restoredTable = `${sourceTable}-unreplayed`;
    await restoreInto(client(), doc(), restoredTable, exported);
    try {
      const tombstones = await tombstonesIn(doc(), sourceTable);
      const comparison = await compareWithExport(doc(), restoredTable, exported, tombstones, 10);
      expect(comparison.erasedLeft).toContain(`EXPERT#${erased.id} PROFILE`);
      expect(comparison.tombstonesMissing).toContain(erased.id);

      // The AWS drill's replay (after a point-in-time restore) clears the same table.
      const aws = await replayIntoRestoredTable({ client: client(), sourceTable, restoredTable });
      expect(aws).toMatchObject({ passed: true, erasedLeft: [], tombstonesMissing: [] });
      expect(await partition(restoredTable, `EXPERT#${erased.id}`)).toEqual(
        await partition(sourceTable, `EXPERT#${erased.id}`),
      );
    } finally {
      await drop(restoredTable);
    }
  });

  it('runs as `npm run restore-drill` against a given DynamoDB and drops the restored table', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const before = await drillTables();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'infra/ops/restore-drill-main.ts',
        '--endpoint',
        inject('ddbEndpoint'),
        '--table',
        sourceTable,
        '--sample',
        '10',
      ],
      { cwd: root, env: { ...process.env, AWS_REGION: 'ap-southeast-1' } },
    );
    expect(stdout).toContain('Restore drill passed.');
    expect(stdout).toMatch(/replay: 2 erasure tombstones/);
    expect(await drillTables()).toEqual(before);
  }, 120_000);
});
