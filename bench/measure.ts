/** What every benchmark needs: percentiles, Markdown tables, settings from the environment, ports. */
import { createServer } from 'node:net';

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** A number with a fixed count of decimals, or an em dash when it is not a number. */
export const fixed = (value: number, decimals = 1): string =>
  Number.isFinite(value) ? value.toFixed(decimals) : '—';

/** A GitHub-flavoured Markdown table; numeric-looking columns are right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = headers.map((_, column) =>
    rows.every((row) => /^[-+]?[\d.,]+( ?[%×x])?$|^—?$/.test(row[column] ?? '')),
  );
  const widths = headers.map((header, column) =>
    Math.max(header.length, 3, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const cell = (text: string, column: number) =>
    numeric[column] ? text.padStart(widths[column]) : text.padEnd(widths[column]);
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, column) => (numeric[column] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** A positive integer setting from the environment (benchmarks are configured by env or flags). */
export function intSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

/** A TCP port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
