/**
 * Cold start (DESIGN.md "Budgets"): importing a bundled handler in a fresh Node process costs at
 * most 2× a bare `node -e 0` start. Every function of the stack (routes, stream consumers,
 * scheduled jobs) is bundled with the same esbuild options as the stack (infra/bundling.ts), then
 * the bare start and each import are timed side by side: in every round each command runs once, in a new random
 * order, so load from anything else on the machine falls on all of them alike.
 *
 * Also timed, for information: the same import with --enable-source-maps, which is how the stack
 * runs the functions (NODE_OPTIONS in infra/constructs/registry-function.ts).
 *
 * Settings (environment): BENCH_COLD_START_RUNS (15), BENCH_COLD_START_WARMUPS (2),
 * BENCH_SOURCE_MAPS (1; 0 skips the --enable-source-maps column).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Message, Metafile } from 'esbuild';
import { routes, scheduledJobs, streamConsumers } from '#shared/routes';
import { bundleHandler, repoRoot } from '../infra/bundling.ts';
import { fixed, intSetting, markdownTable, median, percentile } from './measure.ts';

const budgetRatio = 2.0;
const bundleDir = join(repoRoot, '.build', 'bench-bundles');

/**
 * What a function sees at import in Lambda, minus the network: dummy credentials, no instance
 * metadata lookups, and no NODE_OPTIONS inherited from tsx or the shell.
 */
const childEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  TABLE_NAME: 'bench',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
  // Lambda runs Node 22; on a Node 20 workstation the SDK would print a deprecation warning at
  // import, which no Lambda cold start pays.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

interface Command {
  label: string;
  args: string[];
  samples: number[];
}

interface BundledHandler {
  handler: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
  plain: Command;
  withMaps: Command | undefined;
}

const importArgs = (file: string, extra: string[] = []) => [
  ...extra,
  '--input-type=module',
  '-e',
  `await import(${JSON.stringify(pathToFileURL(file).href)})`,
];

/** The gist of an error: esbuild's first message with its file, or the first line of the message. */
function firstLine(error: unknown): string {
  const first = (error as { errors?: Message[] }).errors?.[0];
  if (first) return `${first.location ? `${first.location.file}: ` : ''}${first.text}`;
  return (
    String((error as Error).message ?? error)
      .split('\n')
      .find((line) => line.trim()) ?? 'unknown error'
  );
}

/** One start of a fresh Node process, in milliseconds; throws with its stderr when it fails. */
function timeStart(command: Command): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, command.args, {
    cwd: bundleDir,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  const elapsed = performance.now() - started;
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command.label} failed (status ${result.status}): ${result.error?.message ?? result.stderr.slice(-2000)}`,
    );
  }
  return elapsed;
}

/**
 * A new random order for every round, so that no command is systematically first, last, or next
 * to the same neighbour (disk cache, CPU frequency and other load then fall on all alike).
 */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The esbuild inputs that weigh most in a bundle, and the same grouped by npm package. */
function heaviestInputs(bundle: BundledHandler, count: number): { inputs: string; packages: string } {
  const output = bundle.metafile.outputs[relative(repoRoot, bundle.file).split(sep).join('/')];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const byPackage = new Map<string, number>();
  for (const { path, bytes } of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1] : '(this repository)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
  }
  const kb = (bytes: number) => fixed(bytes / 1024, 1);
  const share = (bytes: number) => `${fixed((100 * bytes) / bundle.bytes, 1)} %`;
  return {
    inputs: markdownTable(
      ['Input', 'KB in bundle', 'Share'],
      inputs.slice(0, count).map((i) => [i.path, kb(i.bytes), share(i.bytes)]),
    ),
    packages: markdownTable(
      ['Package', 'KB in bundle', 'Share'],
      [...byPackage.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, bytes]) => [name, kb(bytes), share(bytes)]),
    ),
  };
}

export async function run(): Promise<string> {
  const runs = intSetting('BENCH_COLD_START_RUNS', 15);
  const warmups = intSetting('BENCH_COLD_START_WARMUPS', 2);
  const withSourceMaps = process.env.BENCH_SOURCE_MAPS !== '0';

  // Every Lambda function of the stack: routes, stream consumers, scheduled jobs.
  const handlers = [...new Set([...routes, ...streamConsumers, ...scheduledJobs].map((f) => f.handler))];
  rmSync(bundleDir, { recursive: true, force: true });
  const failures: { handler: string; reason: string }[] = [];
  const built = await Promise.all(
    handlers.map(async (handler): Promise<BundledHandler | undefined> => {
      try {
        const { file, bytes, metafile } = await bundleHandler(handler, bundleDir);
        return {
          handler,
          file,
          bytes,
          gzipBytes: gzipSync(readFileSync(file)).length,
          metafile,
          plain: { label: `import ${handler}`, args: importArgs(file), samples: [] },
          withMaps: withSourceMaps
            ? {
                label: `import ${handler} (--enable-source-maps)`,
                args: importArgs(file, ['--enable-source-maps']),
                samples: [],
              }
            : undefined,
        };
      } catch (error) {
        failures.push({ handler, reason: `bundling failed: ${firstLine(error)}` });
        return undefined;
      }
    }),
  );
  // A bundle that cannot even be imported is reported, not timed.
  const bundles = built.filter((b): b is BundledHandler => {
    if (!b) return false;
    try {
      timeStart(b.plain);
      return true;
    } catch (error) {
      failures.push({ handler: b.handler, reason: `import failed: ${firstLine(error)}` });
      return false;
    }
  });
  if (bundles.length === 0) throw new Error(`No bundle could be imported: ${JSON.stringify(failures)}`);

  const bare: Command = { label: 'node -e 0', args: ['-e', '0'], samples: [] };
  const commands = [bare, ...bundles.flatMap((b) => (b.withMaps ? [b.plain, b.withMaps] : [b.plain]))];
  console.log(
    `cold start: ${bundles.length} bundles, ${commands.length} commands × (${warmups} warm-up + ${runs}) rounds`,
  );
  for (let round = 0; round < warmups + runs; round++) {
    for (const command of shuffled(commands)) {
      const elapsed = timeStart(command);
      if (round >= warmups) command.samples.push(elapsed);
    }
    process.stdout.write(round + 1 === warmups + runs ? ' done\n' : '.');
  }

  const bareMedian = median(bare.samples);
  const ratio = (c: Command) => median(c.samples) / bareMedian;
  const rows = [
    ['node -e 0 (bare)', fixed(bareMedian), fixed(percentile(bare.samples, 90)), '1.00×', '—', '—', '—', '—'],
    ...bundles.map((b) => [
      b.handler,
      fixed(median(b.plain.samples)),
      fixed(percentile(b.plain.samples, 90)),
      `${fixed(ratio(b.plain), 2)}×`,
      b.withMaps ? `${fixed(ratio(b.withMaps), 2)}×` : '—',
      fixed(b.bytes / 1024),
      fixed(b.gzipBytes / 1024),
      ratio(b.plain) <= budgetRatio ? 'ok' : '**over budget**',
    ]),
    ...failures.map((f) => [f.handler, '—', '—', '—', '—', '—', '—', `**${f.reason}**`]),
  ];
  const table = markdownTable(
    [
      'Import of',
      'Median ms',
      'p90 ms',
      'Median ÷ bare',
      '÷ bare, source maps',
      'Bundle KB',
      'gzip KB',
      `Budget ≤ ${fixed(budgetRatio, 1)}×`,
    ],
    rows,
  );
  const over = bundles.filter((b) => ratio(b.plain) > budgetRatio);
  const largest = [...bundles].sort((a, b) => b.bytes - a.bytes)[0];
  const heaviest = heaviestInputs(largest, 5);

  return [
    '## Cold start',
    '',
    `Fresh \`node\` processes, ${runs} timed runs each after ${warmups} warm-up rounds, interleaved ` +
      '(every round runs each command once, in a new random order). Bundles built with `infra/bundling.ts` ' +
      'into `.build/bench-bundles/`. "÷ bare, source maps" imports with `--enable-source-maps`, as ' +
      'the stack runs the functions; informational, the budget applies to the plain import.',
    '',
    table,
    '',
    over.length === 0
      ? `All ${bundles.length} bundles measured are within the budget.`
      : `Over budget: ${over.length} of ${bundles.length}: ${over.map((b) => `\`${b.handler}\``).join(', ')}.`,
    ...(failures.length > 0
      ? ['', `Not measured: ${failures.map((f) => `\`${f.handler}\` (${f.reason})`).join('; ')}.`]
      : []),
    '',
    `Largest bundle: \`${largest.handler}\` (${fixed(largest.bytes / 1024)} KB). Its heaviest inputs:`,
    '',
    heaviest.inputs,
    '',
    'The same bundle by npm package:',
    '',
    heaviest.packages,
    '',
  ].join('\n');
}
