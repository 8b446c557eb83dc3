/**
 * The recount of the statistics counters, as a background job. It scans the table page by page
 * (tens of thousands of profiles take minutes, far past an API function's 10 s), so
 * `POST /api/stats/recount` only records a job and starts the recount function asynchronously
 * (Lambda `Invoke`, `InvocationType: 'Event'`; locally the server runs it in the background); the
 * weekly schedule runs the same function. One job runs at a time (shared/db/recount-jobs.ts).
 *
 * Each page's counts are checkpointed with the run's heartbeat, so a run that dies (a crash, a
 * timeout) is resumed where it was by the next request or the next weekly run. When the scan is
 * done, each counter item is replaced by the recount, conditioned on the `rev` read before the
 * scan began: a stream update meanwhile leaves that item to another full scan (up to three), else
 * it is reported `busy` and left for the next run. A record still in flight when the scan starts is
 * in the table already and is added once more when it arrives; the next run repairs it.
 */
import { randomUUID } from 'node:crypto';
import { invokeInBackground } from '../async-invoke.ts';
import { recordAudit } from '../db/audit.ts';
import {
  claimRecountRun,
  countResumption,
  createRecountJob,
  getRecountJob,
  isStale,
  type RecountCheckpoint,
  type RecountDifference,
  type RecountJob,
  readRecountLock,
  saveRecountRun,
  takeOverStaleLock,
} from '../db/recount-jobs.ts';
import {
  counterScopes,
  countFromTable,
  countTablePage,
  readCounters,
  replaceCounters,
} from '../db/statistics.ts';
import { type Actor, recordedActor } from '../domain/actor.ts';
import { auditEvent } from '../domain/audit.ts';
import { DomainError, NotFound } from '../domain/errors.ts';
import { type CounterScope, type Counters, counterDelta, sumCounters } from '../domain/statistics.ts';

export type { RecountDifference, RecountJob } from '../db/recount-jobs.ts';

/** The function that runs recounts (scheduled weekly; started on demand). */
export const recountFunction = 'stats/recount-statistics';
const maxAttempts = 3;
/** A job item keeps at most this many differences (a first recount of empty counters finds hundreds). */
const maxDifferencesKept = 500;
/** A run stops and hands over when less time than this is left (Lambda's 15-minute limit). */
const reserveMs = 60_000;

export interface RecountReport {
  at: string;
  differences: RecountDifference[];
  /** Counter items rewritten (those with differences). */
  repaired: CounterScope[];
  /** Scopes that kept changing during every attempt and were left for the next run. */
  busy: CounterScope[];
}

/** 409 with the running job's id, so the caller can follow it. */
export class RecountRunning extends DomainError {
  constructor(readonly jobId: string) {
    super(409, 'conflict', `A recount is running already (job ${jobId})`, [{ path: 'id', message: jobId }]);
  }
}

/** The job as GET /api/stats/recount/{id} shows it (the checkpoint is internal). */
export type RecountJobView = Omit<RecountJob, 'checkpoint'>;
const view = ({ checkpoint: _checkpoint, ...job }: RecountJob): RecountJobView => job;

/** About how many items the scan counts: the counters' own totals (for progress only). */
function expectedItems(stored: Awaited<ReturnType<typeof readCounters>>): number {
  let n = 0;
  for (const [scope, item] of stored) {
    const c = item.counters;
    if (scope.startsWith('experts#')) {
      n += Object.entries(c)
        .filter(([name]) => name.startsWith('status:'))
        .reduce((sum, [, v]) => sum + v, 0);
    } else n += (c.total ?? 0) + (scope === 'calls' ? (c.responses ?? 0) : 0);
  }
  return Math.max(n, 0);
}

function newJob(trigger: RecountJob['trigger'], now: Date, requestedBy?: string): RecountJob {
  return {
    id: randomUUID(),
    status: 'queued',
    trigger,
    ...(requestedBy ? { requestedBy } : {}),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    progress: { counted: 0, expected: 0 },
    differences: [],
    repaired: [],
    busy: [],
    resumed: 0,
  };
}

/**
 * POST /api/stats/recount: records a job and starts the recount function in the background. A
 * running job → 409 with its id; a job whose run died is resumed (202 with its id).
 */
export async function requestRecount(actor: Actor, now: Date): Promise<{ id: string; status: string }> {
  const job = newJob('admin', now, recordedActor(actor).id);
  let id = job.id;
  let resumed = false;
  if (!(await createRecountJob(job, now))) {
    const lock = await readRecountLock();
    if (!lock) throw new RecountRunning('unknown'); // finished in between: rare; ask again
    if (!isStale(lock, now) || !(await takeOverStaleLock(lock, now))) throw new RecountRunning(lock.jobId);
    id = lock.jobId;
    resumed = true;
    await countResumption(id);
  }
  await invokeInBackground(recountFunction, { recountJobId: id });
  await recordAudit(auditEvent('stats.recounted', actor, 'stats', now, { job: id, resumed }));
  const stored = await getRecountJob(id);
  return { id, status: stored?.status ?? 'queued' };
}

/** GET /api/stats/recount/{id}. */
export async function readRecountJob(id: string): Promise<RecountJobView> {
  const job = await getRecountJob(id);
  if (!job) throw new NotFound('Recount job not found');
  return view(job);
}

export type RecountOutcome =
  | { outcome: 'done' | 'failed' | 'paused' | 'lost'; job: string }
  | { outcome: 'skipped'; running: string };

/**
 * The job function: `{recountJobId}` runs (or resumes) that job; the weekly event starts a job of
 * its own, or resumes one whose run died, or leaves a live run alone.
 */
export async function runRecountJob(
  event: { recountJobId?: unknown } | undefined,
  remainingMs: () => number,
  options: { clock?: () => Date; pageLimit?: number } = {},
): Promise<RecountOutcome> {
  const clock = options.clock ?? (() => new Date());
  let jobId = typeof event?.recountJobId === 'string' ? event.recountJobId : undefined;
  if (!jobId) {
    const job = newJob('schedule', clock());
    if (await createRecountJob(job, clock())) jobId = job.id;
    else {
      const lock = await readRecountLock();
      if (!lock || !isStale(lock, clock())) return { outcome: 'skipped', running: lock?.jobId ?? 'unknown' };
      jobId = lock.jobId;
      await countResumption(jobId);
    }
  }
  const runId = randomUUID();
  if (!(await claimRecountRun(jobId, runId, clock()))) {
    const lock = await readRecountLock();
    return { outcome: 'skipped', running: lock?.jobId ?? 'none' };
  }
  const job = (await getRecountJob(jobId)) as RecountJob;
  try {
    return await continueRecount(job, runId, remainingMs, clock, options.pageLimit);
  } catch (error) {
    await saveRecountRun(
      jobId,
      runId,
      {
        status: 'failed',
        error: (error as Error).name,
        finishedAt: clock().toISOString(),
        checkpoint: undefined,
      },
      clock(),
      'delete',
    );
    throw error;
  }
}

const toMap = (totals: RecountCheckpoint['totals']) =>
  new Map(Object.entries(totals) as [CounterScope, Counters][]);

async function freshCheckpoint(attempt: number, scopes: CounterScope[]) {
  const stored = await readCounters();
  const checkpoint: RecountCheckpoint = {
    attempt,
    scopes,
    revs: Object.fromEntries([...stored].map(([scope, item]) => [scope, item.rev])),
    totals: {},
  };
  return { checkpoint, expected: expectedItems(stored) };
}

async function continueRecount(
  job: RecountJob,
  runId: string,
  remainingMs: () => number,
  clock: () => Date,
  pageLimit: number | undefined,
): Promise<RecountOutcome> {
  const differences = [...job.differences];
  const repaired = new Set(job.repaired);
  let progress = job.progress;
  let checkpoint = job.checkpoint;
  if (!checkpoint) {
    const fresh = await freshCheckpoint(1, [...counterScopes]);
    checkpoint = fresh.checkpoint;
    progress = { counted: 0, expected: fresh.expected };
  }
  for (;;) {
    // Scan from the checkpoint to the end, saving each page's counts with the heartbeat.
    let startKey = checkpoint.startKey;
    do {
      if (remainingMs() < reserveMs) {
        await saveRecountRun(job.id, runId, { status: 'paused', checkpoint, progress }, clock(), 'pause');
        return { outcome: 'paused', job: job.id };
      }
      const page = await countTablePage(startKey, pageLimit);
      const totals = toMap(checkpoint.totals);
      for (const [scope, counters] of page.totals)
        totals.set(scope, sumCounters(totals.get(scope) ?? {}, counters));
      startKey = page.nextKey;
      checkpoint = { ...checkpoint, totals: Object.fromEntries(totals), startKey };
      if (!startKey) delete checkpoint.startKey;
      progress = { counted: progress.counted + page.counted, expected: progress.expected };
      if (!(await saveRecountRun(job.id, runId, { checkpoint, progress }, clock()))) {
        return { outcome: 'lost', job: job.id };
      }
    } while (startKey);

    const compared = await replaceDrifted(checkpoint.scopes, checkpoint.totals, checkpoint.revs, clock());
    differences.push(...compared.differences);
    for (const scope of compared.repaired) repaired.add(scope);
    const { busy } = compared;
    if (!busy.length || checkpoint.attempt >= maxAttempts) {
      const done = await saveRecountRun(
        job.id,
        runId,
        {
          status: 'done',
          progress: { counted: progress.counted, expected: progress.counted },
          differences: differences.slice(0, maxDifferencesKept),
          repaired: [...repaired],
          busy,
          finishedAt: clock().toISOString(),
          checkpoint: undefined,
        },
        clock(),
        'delete',
      );
      return { outcome: done ? 'done' : 'lost', job: job.id };
    }
    const fresh = await freshCheckpoint(checkpoint.attempt + 1, busy);
    checkpoint = fresh.checkpoint;
    progress = { counted: 0, expected: fresh.expected };
    if (
      !(await saveRecountRun(
        job.id,
        runId,
        {
          checkpoint,
          progress,
          differences: differences.slice(0, maxDifferencesKept),
          repaired: [...repaired],
        },
        clock(),
      ))
    ) {
      return { outcome: 'lost', job: job.id };
    }
  }
}

/**
 * Replaces each drifted counter item by the recount, only if no stream record changed it since the
 * scan began (its `rev` then): those that changed are `busy`, for another scan.
 */
async function replaceDrifted(
  scopes: readonly CounterScope[],
  totals: Partial<Record<CounterScope, Counters>>,
  revs: Partial<Record<CounterScope, number>>,
  now: Date,
): Promise<{ differences: RecountDifference[]; repaired: CounterScope[]; busy: CounterScope[] }> {
  const stored = await readCounters();
  const differences: RecountDifference[] = [];
  const repaired: CounterScope[] = [];
  const busy: CounterScope[] = [];
  for (const scope of scopes) {
    const before = stored.get(scope) ?? { counters: {}, rev: 0, asOf: null };
    const actual = totals[scope] ?? {};
    const delta = counterDelta(before.counters, actual);
    if (!Object.keys(delta).length) continue;
    const readRev = revs[scope] ?? 0;
    if (before.rev === readRev && (await replaceCounters(scope, actual, readRev, now))) {
      repaired.push(scope);
      for (const name of Object.keys(delta).sort()) {
        differences.push({ scope, name, counted: before.counters[name] ?? 0, actual: actual[name] ?? 0 });
      }
    } else busy.push(scope);
  }
  return { differences, repaired, busy };
}

/**
 * The whole recount in this process, without a job (the benchmark): the same scan and the same
 * conditional replacement.
 */
export async function recountStatistics(now: Date): Promise<RecountReport> {
  const differences: RecountDifference[] = [];
  const repaired: CounterScope[] = [];
  let scopes: CounterScope[] = [...counterScopes];
  for (let attempt = 1; attempt <= maxAttempts && scopes.length; attempt++) {
    const revs = Object.fromEntries([...(await readCounters())].map(([scope, item]) => [scope, item.rev]));
    const totals = Object.fromEntries(await countFromTable());
    const compared = await replaceDrifted(scopes, totals, revs, now);
    differences.push(...compared.differences);
    repaired.push(...compared.repaired);
    scopes = compared.busy;
  }
  return { at: now.toISOString(), differences, repaired, busy: scopes };
}
