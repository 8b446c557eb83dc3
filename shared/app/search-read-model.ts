/**
 * The search read model of one instance (docs/search-read-model.md): the in-memory index, loaded
 * once from the snapshot (or, with none, from the listings in the table) and brought up to date
 * from the change log before every answer; and the builder that writes a new snapshot.
 */
import { performance } from 'node:perf_hooks';
import { readAllSearchDocs, readSearchChanges } from '../db/search-read-model.ts';
import { packSnapshot, snapshotStore, unpackSnapshot } from '../db/search-snapshots.ts';
import { ExpertIndex, type SearchDoc } from '../domain/expert-index.ts';
import type { ServerTiming } from './server-timing.ts';

interface Snapshot {
  format: 1;
  builtAt: string;
  /** Every change before this time is in the snapshot; the log is replayed from here. */
  asOf: string;
  index: string;
  docs: SearchDoc[];
}

/**
 * Change-log entries are timed by their writers' clocks and committed a moment later: each read
 * starts this long before the previous one did, and applying a change twice does nothing.
 */
const changeLogOverlapMs = 5_000;
/** A listing read for a snapshot may lag the table's writes (GSIs are eventually consistent). */
const snapshotAsOfMarginMs = 30_000;

export interface ColdLoad {
  source: 'snapshot' | 'table';
  docs: number;
  loadMs: number;
  /** What the load added to the heap (after a full GC where `--expose-gc` allows one). */
  heapMb: number;
  /** The whole heap in use after the load: with `maxRssMb`, what the function's memory size rests on. */
  heapUsedMb: number;
  /** The process's peak resident memory so far (parsing the snapshot is the peak). */
  maxRssMb: number;
  snapshotBytes: number;
  /** Items read from the table for the load (listings when there is no snapshot) and the log. */
  itemsRead: number;
  changesApplied: number;
}

interface Instance {
  index: ExpertIndex;
  /** When the last change-log read started (by this instance's clock). */
  readFrom: string;
  /** Bumped whenever a change is applied: cached rankings of an older generation are stale. */
  generation: number;
}

let instance: Promise<Instance> | undefined;
let caughtUp: Promise<unknown> = Promise.resolve();
let coldLoad: ColdLoad | undefined;

async function catchUp(current: Instance): Promise<{ applied: number; itemsRead: number }> {
  const startedAt = new Date().toISOString();
  const since = new Date(Date.parse(current.readFrom) - changeLogOverlapMs).toISOString();
  const { changes, itemsRead } = await readSearchChanges(since, startedAt);
  let applied = 0;
  for (const change of changes) if (current.index.apply(change)) applied++;
  if (applied) current.generation++;
  current.readFrom = startedAt;
  return { applied, itemsRead };
}

async function load(): Promise<Instance> {
  const started = performance.now();
  const heapBefore = heapInUse();
  const body = await snapshotStore()?.read();
  let current: Instance;
  let itemsRead = 0;
  if (body) {
    const snapshot = unpackSnapshot<Snapshot>(body);
    current = { index: ExpertIndex.load(snapshot), readFrom: snapshot.asOf, generation: 0 };
  } else {
    const readFrom = new Date(Date.now() - snapshotAsOfMarginMs).toISOString();
    const all = await readAllSearchDocs();
    itemsRead = all.itemsRead;
    current = { index: ExpertIndex.build(all.docs), readFrom, generation: 0 };
  }
  const replay = await catchUp(current);
  coldLoad = {
    source: body ? 'snapshot' : 'table',
    docs: current.index.size,
    loadMs: Math.round(performance.now() - started),
    heapMb: Math.round((heapInUse() - heapBefore) / 1e6),
    heapUsedMb: Math.round(heapInUse() / 1e6),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    snapshotBytes: body?.length ?? 0,
    itemsRead: itemsRead + replay.itemsRead,
    changesApplied: replay.applied,
  };
  return current;
}

/** Bytes of heap in use, after a full collection when the process allows one (`node --expose-gc`). */
function heapInUse(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * The index, current as of this call: every change committed before it is applied. `timing`
 * gets the cold load (`load`, a new instance's first request) or the change-log read (`changes`).
 */
export async function currentIndex(timing?: ServerTiming): Promise<Instance> {
  const started = performance.now();
  if (!instance) {
    instance = load();
    instance.catch(() => {
      instance = undefined;
    });
    const loaded = await instance;
    timing?.add('load', performance.now() - started);
    return loaded;
  }
  const current = await instance;
  // One change-log read at a time; a request arriving during one waits for the next.
  caughtUp = caughtUp.catch(() => undefined).then(() => catchUp(current));
  await caughtUp;
  timing?.add('changes', performance.now() - started);
  return current;
}

/** What the last cold load cost (the benchmark and the local server's /dev/search report it). */
export const lastColdLoad = (): ColdLoad | undefined => coldLoad;

/** Forgets the loaded index's cached text hits (the benchmark times a first ask with it). */
export async function forgetQueryCaches(): Promise<void> {
  if (instance) (await instance).index.clearQueryCache();
}

/** Forgets the index: the next request loads it again, as a new instance would. */
export function dropSearchIndex(): void {
  instance = undefined;
  coldLoad = undefined;
}

export interface SnapshotBuild {
  built: boolean;
  docs: number;
  bytes: number;
  itemsRead: number;
  buildMs: number;
}

/**
 * Writes a new snapshot from the listings, unless one was written less than `minIntervalMs` ago
 * (the change log carries what a skipped build would have added).
 */
export async function buildSearchSnapshot(options: { minIntervalMs?: number } = {}): Promise<SnapshotBuild> {
  const store = snapshotStore();
  const skipped = { built: false, docs: 0, bytes: 0, itemsRead: 0, buildMs: 0 };
  if (!store) return skipped;
  if (options.minIntervalMs) {
    const writtenAt = await store.writtenAt();
    if (writtenAt && Date.now() - writtenAt.getTime() < options.minIntervalMs) return skipped;
  }
  const started = performance.now();
  const builtAt = new Date();
  const asOf = new Date(builtAt.getTime() - snapshotAsOfMarginMs).toISOString();
  const { docs, itemsRead } = await readAllSearchDocs();
  const snapshot: Snapshot = {
    format: 1,
    builtAt: builtAt.toISOString(),
    asOf,
    ...ExpertIndex.build(docs).serialise(),
  };
  const body = packSnapshot(snapshot);
  await store.write(body);
  return {
    built: true,
    docs: docs.length,
    bytes: body.length,
    itemsRead,
    buildMs: Math.round(performance.now() - started),
  };
}
