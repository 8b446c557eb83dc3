/**
 * The `Server-Timing` response header of the search routes (HR search, directory, matches): how
 * long each part of the request took inside the function, so a benchmark or a browser's network
 * panel shows which part grows with the register. Part names are fixed words; no personal data.
 *
 *   server-timing: changes;dur=1.2, index;dur=3.4, confirm;dur=2.1
 */
import { performance } from 'node:perf_hooks';

/** The parts a search route may report, in the order they run. */
export const serverTimingParts = [
  /** The cold load of the index (snapshot or table), on an instance's first request only. */
  'load',
  /** Reading the demand (matches only). */
  'demand',
  /** The change-log Query (and applying what it found) before answering. */
  'changes',
  /** The index's own work: text hits, filters, facets, order; or ranking a demand's candidates. */
  'index',
  /** The page's one BatchGetItem against the current listing items. */
  'confirm',
] as const;
export type ServerTimingPart = (typeof serverTimingParts)[number];

export class ServerTiming {
  private readonly durations = new Map<ServerTimingPart, number>();

  /** Adds `ms` to a part (a part timed twice reports the sum). */
  add(part: ServerTimingPart, ms: number): void {
    this.durations.set(part, (this.durations.get(part) ?? 0) + ms);
  }

  /** Runs `work` and adds its duration to `part`, whether it succeeds or throws. */
  async time<T>(part: ServerTimingPart, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(part, performance.now() - started);
    }
  }

  /** The same for synchronous work (the index's). */
  timeSync<T>(part: ServerTimingPart, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(part, performance.now() - started);
    }
  }

  /** The header's value: the parts timed, in the order they run, in ms with one decimal. */
  header(): string {
    return serverTimingParts
      .filter((part) => this.durations.has(part))
      .map((part) => `${part};dur=${(this.durations.get(part) ?? 0).toFixed(1)}`)
      .join(', ');
  }

  /** `{ 'server-timing': ... }`, or nothing when no part was timed. */
  headers(): Record<string, string> {
    const value = this.header();
    return value ? { 'server-timing': value } : {};
  }
}

/** The parts of a `Server-Timing` value, in ms (a part without a `dur` is left out). */
export function parseServerTiming(value: string | null | undefined): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const entry of (value ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const dur = params.map((p) => /^\s*dur=([\d.]+)\s*$/.exec(p)?.[1]).find((d) => d !== undefined);
    if (name && dur !== undefined) parts[name.trim()] = Number(dur);
  }
  return parts;
}
