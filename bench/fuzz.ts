/**
 * The larger fuzz batch (test/integration/route-fuzz.test.ts runs 400 requests in `npm test`):
 * BENCH_FUZZ_RUNS requests (20,000) with a fresh seed each run, reported with the seed so a
 * failure can be replayed with `FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run --project
 * integration test/integration/route-fuzz.test.ts`.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../infra/bundling.ts';
import { fixed, intSetting, markdownTable } from './measure.ts';

export async function run(): Promise<string> {
  const runs = intSetting('BENCH_FUZZ_RUNS', 20_000);
  const seed = intSetting('BENCH_FUZZ_SEED', Date.now() % 2_147_483_647);
  console.log(`fuzz: ${runs} requests over every route, seed ${seed}`);
  const started = performance.now();
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'integration', 'test/integration/route-fuzz.test.ts'],
    {
      cwd: repoRoot,
      env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const passed = result.status === 0;
  const failure = passed
    ? ''
    : ((result.stdout + result.stderr).split('\n').find((line) => line.includes('→')) ??
      'see the vitest output');
  return [
    '## Fuzzing every route',
    '',
    markdownTable(
      ['Requests', 'Seed', 'Result', 'Seconds (with suite start)'],
      [
        [
          String(runs),
          String(seed),
          passed ? 'no 5xx, every error in the contract shape' : `**failed**: ${failure}`,
          fixed(seconds),
        ],
      ],
    ),
    '',
  ].join('\n');
}
