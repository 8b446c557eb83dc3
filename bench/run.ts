/**
 * `npm run bench`: runs the benchmarks one after the other, prints each table, and writes them
 * all to bench/results/latest.md (commit it with the change it measures).
 *
 *   npm run bench -- --only cold-start --only registration
 *   npm run bench -- --registrations 3000 --concurrency 64 --runs 21
 *
 * Benchmarks are never part of `npm test`: they take minutes and their numbers depend on the
 * machine. To add one, write a module exporting `run(): Promise<string>` (its Markdown section,
 * starting with a "## " heading) and list it in `benchmarks` below.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../infra/bundling.ts';

export interface BenchmarkModule {
  /** Runs the benchmark, prints progress, and returns its Markdown section. */
  run(): Promise<string>;
}

interface Benchmark {
  name: string;
  /** Imported only when picked: a benchmark may set the environment before loading app modules. */
  load: () => Promise<BenchmarkModule>;
}

/** The extension point: one entry per benchmark, run in this order. */
const benchmarks: readonly Benchmark[] = [
  { name: 'cold-start', load: () => import('./cold-start.ts') },
  { name: 'registration', load: () => import('./registration.ts') },
  { name: 'call-fanout', load: () => import('./call-fanout.ts') },
  { name: 'match', load: () => import('./match.ts') },
  { name: 'fuzz', load: () => import('./fuzz.ts') },
  { name: 'import', load: () => import('./import.ts') },
  { name: 'search', load: () => import('./search.ts') },
  { name: 'search-libraries', load: () => import('./search-libraries.ts') },
  { name: 'stats', load: () => import('./stats.ts') },
  { name: 'web', load: () => import('./web.ts') },
];

const usage = `Usage: npm run bench -- [options]

  --only NAME            run only this benchmark (repeatable): ${benchmarks.map((b) => b.name).join(', ')}
  --runs N               cold start: timed runs per command (default 15; env BENCH_COLD_START_RUNS)
  --registrations N      registration: requests per phase (default 1500; env BENCH_REGISTRATIONS)
  --concurrency N        registration: requests in flight (default 32; env BENCH_CONCURRENCY)
  --rounds N             registration: rounds of (a) raw then (b) API (default 2; env BENCH_ROUNDS)
  --web-runs N           web: Lighthouse runs per page and preset (default 3; env BENCH_WEB_RUNS)
  --help                 this text`;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    runs: { type: 'string' },
    registrations: { type: 'string' },
    concurrency: { type: 'string' },
    rounds: { type: 'string' },
    'web-runs': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(usage);
  process.exit(0);
}

// Flags win over the environment; the benchmarks read only the environment.
const flagToEnv = {
  runs: 'BENCH_COLD_START_RUNS',
  registrations: 'BENCH_REGISTRATIONS',
  concurrency: 'BENCH_CONCURRENCY',
  rounds: 'BENCH_ROUNDS',
  'web-runs': 'BENCH_WEB_RUNS',
} as const;
for (const [flag, env] of Object.entries(flagToEnv)) {
  const value = args[flag as keyof typeof flagToEnv];
  if (value !== undefined) process.env[env] = value;
}

const unknown = (args.only ?? []).filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}\n\n${usage}`);
  process.exit(2);
}
const picked = args.only ? benchmarks.filter((b) => args.only?.includes(b.name)) : benchmarks;

const cpuList = cpus();
const environment = [
  `Date: ${new Date().toISOString()}`,
  `Node ${process.version} on ${platform()}/${arch()}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown model'})`,
  `Load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (1, 5, 15 min)`,
  `Benchmarks: ${picked.map((b) => b.name).join(', ')}`,
];

const sections: string[] = [];
for (const benchmark of picked) {
  console.log(`\n=== ${benchmark.name} ===`);
  const loaded = await benchmark.load();
  const section = await loaded.run();
  console.log(`\n${section}`);
  sections.push(section);
}

// Other work on the machine moves every number here: say how busy it was.
environment.push(
  `Load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);

const resultsDir = join(repoRoot, 'bench', 'results');
const resultsFile = join(resultsDir, 'latest.md');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  resultsFile,
  mergeSections(existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '', sections),
);
console.log(`Written: ${join('bench', 'results', 'latest.md')}`);

/**
 * The results file keeps every benchmark's latest section: a run of some benchmarks (`--only`)
 * replaces their sections, with this run's environment above each, and leaves the others alone.
 */
function mergeSections(previous: string, fresh: string[]): string {
  const split = (text: string) =>
    text
      .split(/^(?=## )/m)
      .filter((part) => part.startsWith('## '))
      .map((part) => ({ heading: part.split('\n', 1)[0], text: part.trimEnd() }));
  const stamp = environment.map((line) => `_${line}_`).join(' · ');
  const updated = split(fresh.join('\n')).map(({ heading, text }) => {
    const [first, ...rest] = text.split('\n');
    return { heading, text: [first, '', stamp, ...rest].join('\n') };
  });
  const kept = split(previous).map((old) => updated.find((u) => u.heading === old.heading) ?? old);
  const added = updated.filter((u) => !kept.includes(u));
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); each section is the latest run of its benchmark, with the',
    'machine it ran on. Budgets: DESIGN.md, section "Budgets".',
    '',
    ...[...kept, ...added].map((section) => `${section.text}\n`),
  ].join('\n');
}
