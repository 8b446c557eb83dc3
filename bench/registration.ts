/**
 * Registration throughput (DESIGN.md "Budgets"): `POST /api/experts` through the local server
 * reaches at least 40 % of raw DynamoDB Local PutItem throughput at the same concurrency.
 *
 * One DynamoDB Local (in memory) and one local server (`infra/local/main.ts`, as `npm start` runs
 * it, stream poller and dev mailbox included) serve both paths:
 *   (a) raw: PutItem of one item per registration (its JSON as attributes, unique keys) through
 *       one shared document client, straight into DynamoDB Local;
 *   (b) API: POST /api/experts with a generated registration and a unique e-mail.
 * After a warm-up of each, (a) and (b) alternate for a number of rounds (DynamoDB Local's JIT
 * keeps warming up); between phases the server's stream poller is given time to deliver the
 * verification mails of (b), so that backlog does not fall on the next phase.
 *
 * Settings (environment; bench/run.ts maps flags to them): BENCH_REGISTRATIONS (1500),
 * BENCH_CONCURRENCY (32), BENCH_WARMUP (100), BENCH_ROUNDS (2).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { repoRoot } from '../infra/bundling.ts';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { generateProfiles } from '../shared/demo/generate-profiles.ts';
import type { Registration } from '../shared/domain/expert.ts';
import { fixed, freePort, intSetting, markdownTable, percentile } from './measure.ts';

const budgetShare = 0.4;
const tableName = 'bench-registration';
const emailDomain = 'bench.example.vn';
const requestTimeoutMs = 30_000;
const startTimeoutMs = 60_000;
const drainTimeoutMs = 120_000;

interface PhaseResult {
  label: string;
  requests: number;
  ok: number;
  /** Responses or errors other than the expected one, by status or error name, with counts. */
  unexpected: Map<string, number>;
  seconds: number;
  latenciesMs: number[];
}

const throughput = (r: PhaseResult) => r.requests / r.seconds;

/** Runs `send(i)` for i in 0..count at the given concurrency; `send` says whether it succeeded. */
async function runPhase(
  label: string,
  count: number,
  concurrency: number,
  send: (i: number) => Promise<true | string>,
): Promise<PhaseResult> {
  const result: PhaseResult = {
    label,
    requests: count,
    ok: 0,
    unexpected: new Map(),
    seconds: 0,
    latenciesMs: [],
  };
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      let outcome: true | string;
      try {
        outcome = await send(i);
      } catch (error) {
        outcome = (error as Error).name;
      }
      result.latenciesMs.push(performance.now() - started);
      if (outcome === true) result.ok++;
      else result.unexpected.set(outcome, (result.unexpected.get(outcome) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function waitFor(what: string, timeoutMs: number, ready: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      if (await ready()) return performance.now() - started;
    } catch {
      // not ready yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startLocalServer(endpoint: string, logPath: string) {
  const port = await freePort();
  const log = createWriteStream(logPath);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'infra/local/main.ts', '--in-memory', '--no-seed', '--port', String(port)],
    {
      cwd: repoRoot,
      env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: endpoint, TABLE_NAME: tableName },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  };
  try {
    await waitFor(`the local server (log: ${logPath})`, startTimeoutMs, async () => {
      if (child.exitCode !== null) throw new Error(`The local server exited; see ${logPath}`);
      return (await fetch(`${baseUrl}/api/health`)).ok;
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

export async function run(): Promise<string> {
  const count = intSetting('BENCH_REGISTRATIONS', 1500);
  const concurrency = intSetting('BENCH_CONCURRENCY', 32);
  const warmup = intSetting('BENCH_WARMUP', 100);
  const rounds = intSetting('BENCH_ROUNDS', 2);

  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

  const logDir = join(repoRoot, '.build', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, 'registration-server.log');

  const ddbPort = await freePort();
  console.log(`registration: starting DynamoDB Local on 127.0.0.1:${ddbPort} and the local server`);
  const dynamo = await startDynamoDbLocal({ port: ddbPort });
  let server: Awaited<ReturnType<typeof startLocalServer>> | undefined;
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint });
  const documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  const results: { round: string; raw: PhaseResult; api: PhaseResult }[] = [];
  const drainMs: number[] = [];
  let orphan = '';
  try {
    await ensureTable(dynamo.endpoint, tableName);
    server = await startLocalServer(dynamo.endpoint, logPath);
    const { baseUrl } = server;

    // Profile indexes (and so e-mails) never repeat across phases: one running counter.
    let nextIndex = 0;
    const batch = (n: number): Registration[] => {
      const profiles = generateProfiles(n, { seed: 2030, startIndex: nextIndex, emailDomain });
      nextIndex += n;
      return profiles;
    };

    const raw = (label: string, profiles: Registration[]) =>
      runPhase(label, profiles.length, concurrency, async (i) => {
        const registration = profiles[i];
        await documents.send(
          new PutCommand({
            TableName: tableName,
            Item: { PK: `BENCH#${registration.email}`, SK: 'RAW', ...registration },
          }),
        );
        return true;
      });

    const api = (label: string, profiles: Registration[]) =>
      runPhase(label, profiles.length, concurrency, async (i) => {
        const response = await fetch(`${baseUrl}/api/experts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(profiles[i]),
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        await response.arrayBuffer();
        return response.status === 202 ? true : `HTTP ${response.status}`;
      });

    // The stream poller delivers mails in stream order: once the last registration's mail is in
    // the dev mailbox, the backlog of this phase is gone.
    const drainMail = async (profiles: Registration[]) => {
      const last = profiles[profiles.length - 1].email;
      drainMs.push(
        await waitFor('the verification mails', drainTimeoutMs, async () => {
          const response = await fetch(`${baseUrl}/dev/outbox?to=${encodeURIComponent(last)}`);
          const { items } = (await response.json()) as { items: unknown[] };
          return items.length > 0;
        }),
      );
    };

    console.log(`registration: warm-up (${warmup} of each, not counted)`);
    await raw('warm-up raw', batch(warmup));
    const warmupProfiles = batch(warmup);
    const warm = await api('warm-up API', warmupProfiles);
    if (warm.ok !== warm.requests) {
      throw new Error(
        `Warm-up registrations failed: ${JSON.stringify([...warm.unexpected])}; see ${logPath}`,
      );
    }
    await drainMail(warmupProfiles);

    for (let round = 1; round <= rounds; round++) {
      const rawResult = await raw('(a) raw PutItem', batch(count));
      console.log(`registration: round ${round} (a) ${fixed(throughput(rawResult))} req/s`);
      const apiProfiles = batch(count);
      const apiResult = await api('(b) POST /api/experts', apiProfiles);
      console.log(`registration: round ${round} (b) ${fixed(throughput(apiResult))} req/s`);
      await drainMail(apiProfiles);
      results.push({ round: String(round), raw: rawResult, api: apiResult });
    }
  } finally {
    client.destroy();
    await server?.stop();
    await dynamo.stop();
    const left = spawnSync('pgrep', ['-f', `DynamoDBLocal.*-port ${ddbPort}( |$)`], { encoding: 'utf8' });
    orphan = left.stdout.trim();
  }
  if (orphan) console.error(`registration: DynamoDB Local still running after stop: pid ${orphan}`);

  const ms = (r: PhaseResult, p: number) => fixed(percentile(r.latenciesMs, p));
  const statuses = (r: PhaseResult, expected: string) =>
    r.ok === r.requests
      ? `${r.ok}/${r.requests} ${expected}`
      : `${r.ok}/${r.requests} ${expected}; ${[...r.unexpected].map(([k, n]) => `${n}× ${k}`).join(', ')}`;
  const rows = results.flatMap(({ round, raw, api }) => {
    const share = throughput(api) / throughput(raw);
    const verdict = share >= budgetShare && api.ok === api.requests ? 'ok' : '**over budget**';
    return [
      [
        round,
        raw.label,
        fixed(throughput(raw)),
        ms(raw, 50),
        ms(raw, 95),
        ms(raw, 99),
        statuses(raw, 'ok'),
        '',
        '',
      ],
      [
        round,
        api.label,
        fixed(throughput(api)),
        ms(api, 50),
        ms(api, 95),
        ms(api, 99),
        statuses(api, '202'),
        `${fixed(100 * share)} %`,
        verdict,
      ],
    ];
  });
  const table = markdownTable(
    [
      'Round',
      'Path',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'Responses',
      'b ÷ a',
      `Budget ≥ ${100 * budgetShare} %`,
    ],
    rows,
  );
  return [
    '## Registration throughput',
    '',
    `${count} requests per phase at concurrency ${concurrency}, after a warm-up of ${warmup} of each; ` +
      '(a) and (b) alternate. DynamoDB Local in memory; the local server (`infra/local/main.ts`, ' +
      'handlers run from TypeScript through tsx, stream poller on) and this load generator share ' +
      'the same machine. (a) puts one item per registration; (b) is the whole request: JSON and zod, ' +
      'one conditional PutItem of the e-mail key holding the pending registration, and the ' +
      'response; the verification mail (login token and outbox item) follows from the stream.',
    '',
    table,
    '',
    `Verification mails delivered by the stream poller after each (b) phase within ` +
      `${drainMs.map((d) => `${fixed(d / 1000)} s`).join(', ')} (warm-up first). ` +
      `DynamoDB Local after stop: ${orphan ? `**still running (pid ${orphan})**` : 'stopped, no process left'}.`,
    '',
  ].join('\n');
}
