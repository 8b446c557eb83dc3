/**
 * Roster import throughput (issue 12): a generated roster of BENCH_IMPORT_ROWS rows (default
 * 50,000; no e-mails, so no invitations) is dry-run and committed by the real services into
 * DynamoDB Local in memory, in a child process without a server, the job functions called as the
 * stream consumer calls them. The commit's rows/s is compared with raw BatchWriteItem of the same
 * entry items at the same concurrency (8 requests in flight): the cost of reading each page's
 * entries first (resumability) and checkpointing each page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../infra/bundling.ts';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { fixed, freePort, intSetting, markdownTable } from './measure.ts';

const tableName = 'bench-import';
const workerFlag = '--import-worker';
const resultMarker = 'IMPORT_RESULT ';
const concurrency = 8;

interface ImportResult {
  rows: number;
  dryRunSeconds: number;
  /** The same file's dry run again, against the entries the commit wrote (a re-import). */
  reDryRunSeconds: number;
  commitSeconds: number;
  written: number;
  rawSeconds: number;
}

export async function run(): Promise<string> {
  const rows = intSetting('BENCH_IMPORT_ROWS', 50_000);
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const port = await freePort();
  console.log(`import: starting DynamoDB Local on 127.0.0.1:${port}`);
  const dynamo = await startDynamoDbLocal({ port });
  let result: ImportResult;
  try {
    await ensureTable(dynamo.endpoint, tableName);
    result = await runWorker({
      TABLE_NAME: tableName,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      MAIL_TRANSPORT: 'dev',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      FILES_DIR: mkdtempSync(join(tmpdir(), 'bench-import-')),
      BENCH_IMPORT_ROWS: String(rows),
    });
  } finally {
    await dynamo.stop();
  }
  const importRate = result.written / result.commitSeconds;
  const rawRate = result.written / result.rawSeconds;
  const wholeRate = result.rows / (result.dryRunSeconds + result.commitSeconds);
  return [
    '## Roster import',
    '',
    `${result.rows} generated rows (no e-mails: no invitations), dry run then commit by the real ` +
      `services, against raw BatchWriteItem of the same ${result.written} entry items, both with ` +
      `${concurrency} requests in flight. DynamoDB Local in memory, one process. "Whole import" is ` +
      'rows ÷ (dry run + commit); "re-import dry run" analyses the same file again against the ' +
      'entries just written (every row unchanged; the duplicate keys of all entries are read once).',
    '',
    markdownTable(
      [
        'Rows',
        'Dry run s',
        'Dry run rows/s',
        'Re-import dry run s',
        'Commit s',
        'Whole import rows/s',
        'Commit rows/s',
        'Raw BatchWriteItem s',
        'Raw rows/s',
        'Import ÷ raw',
      ],
      [
        [
          String(result.rows),
          fixed(result.dryRunSeconds, 1),
          fixed(result.rows / result.dryRunSeconds, 0),
          fixed(result.reDryRunSeconds, 1),
          fixed(result.commitSeconds, 1),
          fixed(wholeRate, 0),
          fixed(importRate, 0),
          fixed(result.rawSeconds, 1),
          fixed(rawRate, 0),
          fixed(importRate / rawRate, 2),
        ],
      ],
    ),
    '',
  ].join('\n');
}

function runWorker(env: Record<string, string>): Promise<ImportResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), workerFlag], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(resultMarker));
      if (code !== 0 || !line) reject(new Error(`import worker exited with ${code}:\n${output}`));
      else resolveRun(JSON.parse(line.slice(resultMarker.length)) as ImportResult);
    });
  });
}

async function worker(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS);
  const { generateProfiles } = await import('../shared/demo/generate-profiles.ts');
  const roster = await import('../shared/domain/roster.ts');
  const imports = await import('../shared/app/imports.ts');
  const { fileStore } = await import('../shared/files/file-store.ts');
  const { getImport } = await import('../shared/db/imports.ts');
  const { rosterEntryItem } = await import('../shared/db/roster.ts');
  const { batchPut } = await import('../shared/db/bulk-load.ts');
  const admin = { kind: 'staff' as const, sub: 'bench', groups: ['admin'], agency: null, isAdmin: true };

  const table = [
    roster.rosterHeaderRow(),
    ...generateProfiles(rows, { seed: 45 }).map((r, i) =>
      roster.rosterRowCells({
        fullName: `${r.fullName} ${i}`,
        birthYear: r.birthYear ?? 1980,
        highestDegree: r.highestDegree,
        fields: r.fields,
        employer: r.employer,
        location: { kind: r.location.kind, country: r.location.country },
        nativeOfProvince: r.nativeOfProvince,
        yearsExperience: r.yearsExperience,
      }),
    ),
  ];
  const bytes = Buffer.from(roster.csvDocument(table), 'utf8');
  const { id } = await imports.createImport(
    { filename: 'bench.csv', contentType: 'text/csv', size: bytes.length },
    admin,
    new Date(),
  );
  await fileStore().write(`imports/${id}`, bytes, 'text/csv');
  await imports.requestDryRun(id, {}, admin, new Date());
  let started = performance.now();
  await imports.runDryRun(id, 1, new Date());
  const dryRunSeconds = (performance.now() - started) / 1000;
  await imports.requestCommit(id, admin, new Date());
  started = performance.now();
  await imports.runCommit(id, new Date(), { concurrency });
  const commitSeconds = (performance.now() - started) / 1000;
  const record = await getImport(id);
  if (record?.status !== 'done') throw new Error(`import ended ${record?.status}`);

  // The same file again: a dry run against the entries just written.
  const again = await imports.createImport(
    { filename: 'bench.csv', contentType: 'text/csv', size: bytes.length },
    admin,
    new Date(),
  );
  await fileStore().write(`imports/${again.id}`, bytes, 'text/csv');
  await imports.requestDryRun(again.id, {}, admin, new Date());
  started = performance.now();
  await imports.runDryRun(again.id, 1, new Date());
  const reDryRunSeconds = (performance.now() - started) / 1000;
  const reRecord = await getImport(again.id);
  if (reRecord?.counts.unchanged !== rows) throw new Error(`re-import: ${JSON.stringify(reRecord?.counts)}`);

  // The same entry items, under other keys, written raw.
  const now = new Date().toISOString();
  const items = table.slice(1).map((cells, i) => {
    const reading = roster.readRosterRow(
      cells.map((text) => ({ text })),
      roster.mapColumns(table[0]),
    );
    if (!reading.ok) throw new Error('generated row invalid');
    const item = rosterEntryItem({
      ...reading.person,
      id: `raw-${i}`,
      source: 'bench',
      importId: 'raw',
      row: i + 1,
      status: 'roster',
      contentHash: roster.rosterContentHash(reading.person),
      createdAt: now,
      updatedAt: now,
    });
    return { ...item, PK: `RAWBENCH#${i}`, GSI1PK: 'RAWBENCH' };
  });
  started = performance.now();
  await batchPut(items, { concurrency });
  const rawSeconds = (performance.now() - started) / 1000;
  const result: ImportResult = {
    rows,
    dryRunSeconds,
    reDryRunSeconds,
    commitSeconds,
    written: record.written,
    rawSeconds,
  };
  console.log(`${resultMarker}${JSON.stringify(result)}`);
}

if (process.argv.includes(workerFlag)) {
  worker().catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });
}
