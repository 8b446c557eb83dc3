/**
 * The restore drill (npm run restore-drill) on the suite's DynamoDB Local: a profile erased after
 * the export (the backup) must be erased in the restored table too, and nothing else may differ.
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
import { api, registeredExpert, streamSettled } from '../support/api.ts';
import { tableName } from '../support/dynamo.ts';

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

// A drill scans and rewrites the whole suite table several times: more than a request's 30 s.
describe('restore drill', { timeout: 120_000 }, () => {
  // The first file of a fresh suite may reach a cold stream poller: let it load its consumers.
  beforeAll(() => streamSettled(), 120_000);

  it('re-applies an erasure made after the backup, and restores everything else as it was', async () => {
    const [erased, kept] = await Promise.all([
      registeredExpert({ fullName: 'Đặng Thị Khôi Phục' }),
      registeredExpert({ fullName: 'Võ Văn Giữ Lại' }),
    ]);
    const restoredTable = `${tableName()}-drill-${Date.now()}`;

    const report = await runRestoreDrill({
      client: client(),
      sourceTable: tableName(),
      restoredTable,
      sampleSize: 40,
      dropRestored: false,
      // The backup is taken; then the expert erases the profile.
      afterExport: async () => {
        expect((await api('/api/me', { method: 'DELETE', token: erased.sessionToken })).status).toBe(204);
      },
    });
    try {
      expect(report).toMatchObject({ passed: true, mismatches: [], erasedLeft: [], tombstonesMissing: [] });
      expect(report.restored).toBe(report.expected);
      expect(report.sampled).toBeGreaterThan(10);
      expect(report.replayDeleted).toBeGreaterThan(0);

      // The erased expert: in the restored table exactly what the live table keeps, the tombstone.
      const live = await partition(tableName(), `EXPERT#${erased.expert.id}`);
      const restored = await partition(restoredTable, `EXPERT#${erased.expert.id}`);
      expect(live.map((item) => item.SK)).toEqual(['TOMBSTONE']);
      expect(restored).toEqual(live);
      expect(await partition(restoredTable, `EMAIL#${emailKeyHash(erased.email)}`)).toEqual([]);
      // Everyone else is back as exported.
      const keptRestored = await partition(restoredTable, `EXPERT#${kept.expert.id}`);
      expect(keptRestored.some((item) => item.SK === 'PROFILE')).toBe(true);
      expect(await partition(restoredTable, `EMAIL#${emailKeyHash(kept.email)}`)).toHaveLength(1);
    } finally {
      await drop(restoredTable);
    }
  });

  it('fails the comparison when the tombstones are not replayed', async () => {
    const erased = await registeredExpert();
    const exported = await scanAll(doc(), tableName());
    await api('/api/me', { method: 'DELETE', token: erased.sessionToken });
    const restoredTable = `${tableName()}-unreplayed-${Date.now()}`;
    await restoreInto(client(), doc(), restoredTable, exported);
    try {
      const comparison = await compareWithExport(
        doc(),
        restoredTable,
        exported,
        await tombstonesIn(doc(), tableName()),
        20,
      );
      expect(comparison.erasedLeft).toContain(`EXPERT#${erased.expert.id} PROFILE`);
      expect(comparison.tombstonesMissing).toContain(erased.expert.id);

      // The AWS drill's replay (after a point-in-time restore) clears the same table.
      const aws = await replayIntoRestoredTable({
        client: client(),
        sourceTable: tableName(),
        restoredTable,
      });
      expect(aws).toMatchObject({ passed: true, erasedLeft: [], tombstonesMissing: [] });
      expect(await partition(restoredTable, `EXPERT#${erased.expert.id}`)).toEqual(
        await partition(tableName(), `EXPERT#${erased.expert.id}`),
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
        tableName(),
        '--sample',
        '10',
      ],
      { cwd: root, env: { ...process.env, AWS_REGION: 'ap-southeast-1' } },
    );
    expect(stdout).toContain('Restore drill passed.');
    expect(stdout).toMatch(/replay: \d+ erasure tombstones/);
    expect(await drillTables()).toEqual(before);
  });
});
