/**
 * `npm run bench -- --only stats`: what GET /api/stats reads at 1,000 and 50,000 profiles. Profile
 * items are bulk-loaded into DynamoDB Local, the counters built by the recount (a full scan, timed:
 * the weekly job), then the service behind GET /api/stats and /api/stats/targets is called through
 * the counting proxy (/work/shared/tools/ddb-count-proxy.mjs or BENCH_DDB_COUNT_PROXY), which
 * reports the DynamoDB requests and items read per call. Budget: the same number of items at both
 * sizes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { generateProfiles } from '../shared/demo/generate-profiles.ts';
import { fixed, freePort, intSetting, markdownTable, median } from './measure.ts';

const tableName = 'talent-registry-bench-stats';
const proxyScript = process.env.BENCH_DDB_COUNT_PROXY ?? '/work/shared/tools/ddb-count-proxy.mjs';

interface ProxyStats {
  byOp: Record<string, { calls: number; itemsRead?: number; keysRequested?: number }>;
}

async function startProxy(upstream: string): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(proxyScript))
    throw new Error(`No counting proxy at ${proxyScript} (BENCH_DDB_COUNT_PROXY)`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [proxyScript, '--port', String(port), '--upstream', upstream],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/__health`)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('The counting proxy did not start');
}

export async function run(): Promise<string> {
  const sizes = [intSetting('BENCH_STATS_SMALL', 1_000), intSetting('BENCH_STATS_LARGE', 50_000)];
  const runs = intSetting('BENCH_STATS_RUNS', 11);
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const proxy = await startProxy(dynamo.endpoint);
  try {
    await ensureTable(dynamo.endpoint, tableName);
    process.env.TABLE_NAME = tableName;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = proxy.url;
    const { batchPut } = await import('../shared/db/bulk-load.ts');
    const { newExpertRecord } = await import('../shared/domain/expert-record.ts');
    const { statisticsView, targetsView } = await import('../shared/app/statistics.ts');
    const { recountStatistics, runRecountJob } = await import('../shared/app/recount.ts');

    const stats = async (): Promise<ProxyStats> =>
      (await fetch(`${proxy.url}/__stats`)).json() as Promise<ProxyStats>;
    const reset = () => fetch(`${proxy.url}/__reset`, { method: 'POST' });
    const rows: string[][] = [];
    let loaded = 0;
    const now = new Date();
    for (const size of sizes) {
      const registrations = generateProfiles(size - loaded, { seed: 2030, startIndex: loaded });
      const items = registrations.map((r, i) => ({
        PK: `EXPERT#bench-${loaded + i}`,
        SK: 'PROFILE',
        type: 'expert',
        ...newExpertRecord(r, 'active', `bench-${loaded + i}`, now.toISOString()),
      }));
      const loadStarted = performance.now();
      await batchPut(items, { concurrency: 16 });
      loaded = size;
      console.log(`stats: ${loaded} profiles loaded in ${fixed((performance.now() - loadStarted) / 1000)} s`);

      const recountStarted = performance.now();
      await reset();
      const recount = await recountStatistics(new Date());
      const recountSeconds = (performance.now() - recountStarted) / 1000;
      const scanned = (await stats()).byOp.Scan?.itemsRead ?? 0;
      console.log(`stats: recount ${fixed(recountSeconds)} s, ${recount.differences.length} differences`);
      // The same recount as the background job runs it: a checkpoint and heartbeat after every page.
      const jobStarted = performance.now();
      const job = await runRecountJob(undefined, () => 15 * 60_000);
      const jobSeconds = (performance.now() - jobStarted) / 1000;
      if (job.outcome !== 'done') throw new Error(`recount job: ${job.outcome}`);
      console.log(`stats: recount job ${fixed(jobSeconds)} s`);

      const latencies: number[] = [];
      let perCall = { requests: 0, itemsRead: 0 };
      for (let i = 0; i < runs; i++) {
        await reset();
        const started = performance.now();
        const view = await statisticsView(new Date());
        latencies.push(performance.now() - started);
        if (view.experts.total !== size) throw new Error(`counted ${view.experts.total}, loaded ${size}`);
        const s = await stats();
        perCall = {
          requests: Object.values(s.byOp).reduce((n, op) => n + op.calls, 0),
          itemsRead: Object.values(s.byOp).reduce((n, op) => n + (op.itemsRead ?? 0), 0),
        };
      }
      await reset();
      await targetsView(new Date());
      const targets = await stats();
      rows.push([
        size.toLocaleString('en'),
        String(perCall.requests),
        String(perCall.itemsRead),
        String(Object.values(targets.byOp).reduce((n, op) => n + (op.itemsRead ?? 0), 0)),
        fixed(median(latencies)),
        fixed(recountSeconds),
        fixed(jobSeconds),
        scanned.toLocaleString('en'),
      ]);
    }
    return [
      '## Statistics reads (GET /api/stats) at 1,000 and 50,000 profiles',
      '',
      `The service behind GET /api/stats and /api/stats/targets, in process, against DynamoDB Local through the ` +
        `counting proxy (items read per call, median of ${runs} calls). Counters built by the recount, whose ` +
        'full scan is timed too, in process and as the background job runs it (a checkpoint and heartbeat ' +
        'after every 1 MB page). Machine shared with other work: latencies are indicative.',
      '',
      markdownTable(
        [
          'profiles',
          'DynamoDB requests / stats read',
          'items read / stats read',
          'items read / targets read',
          'stats median ms',
          'recount s',
          'recount as a job s',
          'items scanned by the recount',
        ],
        rows,
      ),
      '',
      `Budget: the same number of items read at both sizes — ${rows[0][2] === rows[1]?.[2] ? 'met' : 'NOT met'}.`,
    ].join('\n');
  } finally {
    proxy.stop();
    await dynamo.stop();
  }
}
