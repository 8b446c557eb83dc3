/**
 * Call fan-out (the "5,000 test"): opening a collaboration call for an audience of 5,000
 * opted-in experts queues exactly 5,000 mail items, each to a distinct address; a second open
 * request and a duplicated stream record add none.
 *
 * DynamoDB Local in memory, no local server: 5,000 opted-in experts (a third in field group 1, a
 * third in group 2, a third in both) plus 1,000 who must not be mailed (500 in group 2 without
 * the collaboration-calls consent, 500 opted in but in other groups) are bulk-loaded with
 * `verifiedExpertItems` + `batchPut`. A call on groups 1 and 2 is created and opened through the
 * repository, and the notification stream handler runs in-process on its CALLJOB record, as
 * Lambda would run it. Outbox items are counted with a Scan (fine in a benchmark). Then the
 * same for an overseas-natives call over the same experts.
 *
 * The measuring runs in a child process: the app's modules read TABLE_NAME and the endpoint once,
 * at first import, so another in-process benchmark cannot point them elsewhere.
 *
 * Settings (environment): BENCH_CALL_AUDIENCE (5000).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { repoRoot } from '../infra/bundling.ts';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { generateProfiles } from '../shared/demo/generate-profiles.ts';
import type { CallAudience } from '../shared/domain/call.ts';
import type { Registration } from '../shared/domain/expert.ts';
import { fixed, freePort, intSetting, markdownTable } from './measure.ts';

const tableName = 'bench-call-fanout';
const workerFlag = '--call-fanout-worker';
const resultMarker = 'CALL_FANOUT_RESULT ';

interface FanoutRow {
  audience: CallAudience;
  expected: number;
  queued: number;
  distinct: number;
  jobQueued: number;
  secondOpenStatus: string;
  /** Mail items added by the second open request and the duplicated stream record. */
  retryAdded: number;
  seconds: number;
}

interface FanoutResult {
  loaded: { experts: number; items: number; seconds: number };
  rows: FanoutRow[];
}

export async function run(): Promise<string> {
  const audienceSize = intSetting('BENCH_CALL_AUDIENCE', 5000);
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const port = await freePort();
  console.log(`call-fanout: starting DynamoDB Local on 127.0.0.1:${port}`);
  const dynamo = await startDynamoDbLocal({ port });
  let result: FanoutResult;
  try {
    await ensureTable(dynamo.endpoint, tableName);
    result = await runWorker({
      TABLE_NAME: tableName,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      MAIL_TRANSPORT: 'dev',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      BENCH_CALL_AUDIENCE: String(audienceSize),
    });
  } finally {
    await dynamo.stop();
  }
  return section(audienceSize, result);
}

function runWorker(env: Record<string, string>): Promise<FanoutResult> {
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
      if (code !== 0 || !line) reject(new Error(`call-fanout worker exited with ${code}:\n${output}`));
      else resolveRun(JSON.parse(line.slice(resultMarker.length)) as FanoutResult);
    });
  });
}

function section(audienceSize: number, { loaded, rows }: FanoutResult): string {
  const table = markdownTable(
    [
      'Call audience',
      'Experts who fit',
      'Mail items queued',
      'Distinct addresses',
      'Job count',
      'Second open',
      'Added by second open + duplicated record',
      'Duration s',
      'Mails/s',
    ],
    rows.map((r) => [
      r.audience,
      String(r.expected),
      String(r.queued),
      String(r.distinct),
      String(r.jobQueued),
      r.secondOpenStatus,
      String(r.retryAdded),
      fixed(r.seconds, 2),
      fixed(r.queued / r.seconds, 0),
    ]),
  );
  const exact = rows.every(
    (r) =>
      r.queued === r.expected &&
      r.distinct === r.expected &&
      r.jobQueued === r.expected &&
      r.retryAdded === 0,
  );
  return [
    '## Call fan-out',
    '',
    `${audienceSize} opted-in experts in the call's field groups (a third in both groups, to be ` +
      'mailed once) and 1000 who must not be mailed (no collaboration-calls consent, or other ' +
      `groups), bulk-loaded in ${fixed(loaded.seconds)} s (${loaded.items} items). Opening runs the ` +
      'transition (call + job in one transaction) and then the notification stream handler ' +
      'in-process on the CALLJOB record; duration is from the open request to the handler done. ' +
      'A second open request (409) and a second delivery of the same stream record follow. ' +
      'DynamoDB Local in memory.',
    '',
    table,
    '',
    `Exactly once per expert in the audience, and nothing more on retries: **${exact ? 'yes' : 'NO'}**.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The worker: the app's modules, loaded after the environment points them at the benchmark table.

const staff = {
  kind: 'staff' as const,
  sub: 'bench-officer',
  groups: ['hr'],
  agency: 'so-khoa-hoc-cong-nghe',
  isAdmin: false,
};

function population(audienceSize: number): { audience: Registration[]; outsiders: Registration[] } {
  const profiles = generateProfiles(audienceSize + 1000, { seed: 2045, emailDomain: 'fanout.bench.vn' });
  const consent = (collaborationCalls: boolean, p: Registration) => ({ ...p.consent, collaborationCalls });
  const audienceFields = [[{ code: '1.2' }], [{ code: '2.3' }], [{ code: '1.2' }, { code: '2.5' }]];
  const audience = profiles
    .slice(0, audienceSize)
    .map((p, i) => ({ ...p, fields: audienceFields[i % 3], consent: consent(true, p) }));
  const outsiders = profiles
    .slice(audienceSize)
    .map((p, i) =>
      i % 2 === 0
        ? { ...p, fields: [{ code: '2.3' }], consent: consent(false, p) }
        : { ...p, fields: [{ code: `${3 + (i % 4)}.1` }], consent: consent(true, p) },
    );
  return { audience, outsiders };
}

async function measure(): Promise<FanoutResult> {
  const audienceSize = intSetting('BENCH_CALL_AUDIENCE', 5000);
  const { verifiedExpertItems } = await import('../shared/db/experts.ts');
  const { batchPut } = await import('../shared/db/bulk-load.ts');
  const { createCall, transitionCall } = await import('../shared/app/calls.ts');
  const { getCallNotification } = await import('../shared/db/call-audience.ts');
  const { dynamo } = await import('../shared/db/client.ts');
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const { handler } = await import('../functions/calls/notify-call-audience.ts');

  const now = new Date();
  const { audience, outsiders } = population(audienceSize);
  const items = [...audience, ...outsiders].flatMap((r) => verifiedExpertItems(r, now));
  let started = performance.now();
  await batchPut(items);
  const loaded = {
    experts: audience.length + outsiders.length,
    items: items.length,
    seconds: (performance.now() - started) / 1000,
  };
  console.error(`call-fanout: loaded ${loaded.experts} experts in ${fixed(loaded.seconds)} s`);

  // A parallel Scan: nothing indexes outbox items by call, and a benchmark may read everything.
  const outboxOf = async (callId: string) => {
    const segments = 4;
    const pages = await Promise.all(
      Array.from({ length: segments }, async (_, segment) => {
        const addresses: string[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await dynamo.send(
            new ScanCommand({
              TableName: tableName,
              Segment: segment,
              TotalSegments: segments,
              FilterExpression: 'begins_with(PK, :prefix)',
              ExpressionAttributeValues: { ':prefix': `OUTBOX#call-${callId}-` },
              ExpressionAttributeNames: { '#to': 'to' },
              ProjectionExpression: '#to',
              ExclusiveStartKey: startKey,
            }),
          );
          addresses.push(...(page.Items ?? []).map((i) => i.to as string));
          startKey = page.LastEvaluatedKey;
        } while (startKey);
        return addresses;
      }),
    );
    return pages.flat();
  };
  const jobRecord = (callId: string, sequence: string): DynamoDBStreamEvent => ({
    Records: [
      {
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: { Keys: { PK: { S: `CALLJOB#${callId}` }, SK: { S: 'JOB' } }, SequenceNumber: sequence },
      },
    ],
  });

  const rows: FanoutRow[] = [];
  for (const callAudience of ['all', 'overseas_natives'] as const) {
    const expected = audience.filter(
      (p) => callAudience === 'all' || (p.location.kind === 'overseas' && p.nativeOfProvince),
    ).length;
    const call = await createCall(
      {
        title: 'Tư vấn chuyển đổi số / Digital transformation advice',
        description: 'Benchmark call',
        fieldCodes: ['1.2', '2'],
        engagement: 'remote_advisory',
        audience: callAudience,
        openUntil: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      },
      staff,
      now,
    );
    started = performance.now();
    await transitionCall(call.id, 'open', staff, new Date());
    const first = await handler(jobRecord(call.id, '1'));
    const seconds = (performance.now() - started) / 1000;
    if (first.batchItemFailures.length) throw new Error('the notification job failed');
    const queued = await outboxOf(call.id);

    // The retries: a second open request, then the same stream record delivered again.
    let secondOpenStatus = '200';
    try {
      await transitionCall(call.id, 'open', staff, new Date());
    } catch (error) {
      secondOpenStatus = String((error as { status?: number }).status ?? (error as Error).name);
    }
    const duplicate = await handler(jobRecord(call.id, '2'));
    if (duplicate.batchItemFailures.length) throw new Error('the duplicated record failed');
    const afterRetries = await outboxOf(call.id);
    rows.push({
      audience: callAudience,
      expected,
      queued: queued.length,
      distinct: new Set(queued).size,
      jobQueued: (await getCallNotification(call.id))?.queued ?? -1,
      secondOpenStatus,
      retryAdded: afterRetries.length - queued.length,
      seconds,
    });
    console.error(`call-fanout: ${callAudience}: ${queued.length} mails in ${fixed(seconds, 2)} s`);
  }
  return { loaded, rows };
}

if (process.argv.includes(workerFlag)) {
  measure().then(
    (result) => {
      process.stdout.write(`\n${resultMarker}${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
