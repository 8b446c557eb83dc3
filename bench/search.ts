/**
 * `npm run bench -- --only search`: HR search, the directory and demand matches through the local
 * server at 1,000, 10,000 and 50,000 generated profiles, in one run (issue #8, DESIGN.md budgets).
 *
 * DynamoDB Local ← counting proxy (../shared/tools/ddb-count-proxy.mjs) ← the local server (the
 * real handlers, `--in-memory`). Profiles are loaded straight into DynamoDB Local (BatchWriteItem
 * in parallel, the app's own bulk items), then the snapshot is rebuilt (POST /dev/search/snapshot).
 * Per request: DynamoDB items read (proxy: Query/Scan ScannedCount + items found by Get/BatchGet)
 * against items returned, and the median latency of BENCH_SEARCH_RUNS requests; per size: the
 * cold load (snapshot → index: time, heap, snapshot size, items read). "Full scan" is what a Scan
 * of the table reads: the baseline without any read model.
 *
 * Settings: BENCH_SEARCH_SIZES (1000,10000,50000), BENCH_SEARCH_RUNS (9).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BatchGetItemCommand, DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { repoRoot } from '../infra/bundling.ts';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { parseServerTiming } from '../shared/app/server-timing.ts';
import { keys } from '../shared/db/keys.ts';
import { generateProfiles } from '../shared/demo/generate-profiles.ts';
import type { Registration } from '../shared/domain/expert.ts';
import { foldVietnamese } from '../shared/domain/text.ts';
import { fixed, freePort, intSetting, markdownTable, median } from './measure.ts';

const tableName = 'bench-search';
const sizes = (process.env.BENCH_SEARCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const runs = intSetting('BENCH_SEARCH_RUNS', 9);

interface Measured {
  itemsRead: number;
  returned: number;
  total: number | undefined;
  medianMs: number;
  /** The median of each Server-Timing part (ms), and of what is outside them (`outside`). */
  parts: Record<string, number>;
}

/** The Server-Timing parts the table shows, then what lies outside them. */
const timingColumns = ['changes', 'demand', 'index', 'confirm', 'outside'] as const;

async function waitFor(url: string, child?: ChildProcess) {
  const started = Date.now();
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() - started > 120_000) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * POSTs and waits for the answer however long it takes: draining the stream after 49,000 new
 * profiles (BENCH_SEARCH_SIZES=1000,50000) takes over the 300 s that fetch waits for headers.
 */
function postAndWait(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function run(): Promise<string> {
  Object.assign(process.env, {
    AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
  });
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  await ensureTable(dynamo.endpoint, tableName);
  const proxyPort = await freePort();
  const proxy = spawn(
    process.execPath,
    [
      `${repoRoot}/../shared/tools/ddb-count-proxy.mjs`,
      '--port',
      String(proxyPort),
      '--upstream',
      dynamo.endpoint,
    ],
    { stdio: 'ignore' },
  );
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  await waitFor(`${proxyUrl}/__health`, proxy);
  const port = await freePort();
  // The server's own output, kept for the run: a failed request's cause is in it.
  mkdirSync(`${repoRoot}/.build`, { recursive: true });
  const serverLog = openSync(`${repoRoot}/.build/bench-search-server.log`, 'w');
  const server = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      'infra/local/main.ts',
      '--in-memory',
      '--no-seed',
      '--port',
      String(port),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        AWS_ENDPOINT_URL_DYNAMODB: proxyUrl,
        TABLE_NAME: tableName,
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
      stdio: ['ignore', serverLog, serverLog],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, server);
    process.env.TABLE_NAME = tableName;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
    const { verifiedExpertItems } = await import('../shared/db/experts.ts');
    const { batchPut } = await import('../shared/db/bulk-load.ts');
    const post = (path: string, body?: unknown, token?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    // A staff token as the JWT authorizer sees one; taken again for each size, since loading
    // 40,000 profiles takes longer than a token lives.
    const freshToken = async () =>
      (
        (await post('/dev/token', {
          sub: 'bench',
          email: 'bench@quangngai.gov.vn',
          groups: ['hr'],
          agency: 'so-khoa-hoc-cong-nghe',
        })) as { token: string }
      ).token;
    let token = await freshToken();
    // The proxy's `dynamo` totals: table operations only (the stream poller's reads are apart).
    const itemsRead = async () =>
      ((await fetch(`${proxyUrl}/__stats`).then((r) => r.json())) as { dynamo: { itemsRead: number } }).dynamo
        .itemsRead;
    const reset = () => fetch(`${proxyUrl}/__reset`, { method: 'POST' });

    /**
     * `firstAsk`: before each timed request, the demands' cached rankings and the index's cached
     * text hits are dropped, so each is timed as a first ask is (scoring every hit or candidate).
     */
    async function measure(path: string, options: { firstAsk?: boolean } = {}): Promise<Measured> {
      let timing: Record<string, number> = {};
      const get = async () => {
        const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { items?: unknown[]; total?: number };
        if (!response.ok || !Array.isArray(body.items))
          throw new Error(
            `${path}: ${response.status} ${JSON.stringify(body).slice(0, 500)} (server log: .build/bench-search-server.log)`,
          );
        timing = parseServerTiming(response.headers.get('server-timing'));
        return body as { items: unknown[]; total?: number; nextCursor?: string | null };
      };
      await get(); // warm
      await reset();
      const body = await get();
      const read = await itemsRead();
      const times: number[] = [];
      const parts = new Map<string, number[]>();
      for (let i = 0; i < runs; i++) {
        if (options.firstAsk) await post('/dev/search/forget-caches');
        const started = performance.now();
        await get();
        const ms = performance.now() - started;
        times.push(ms);
        // What the function measured of itself; the rest is the HTTP hop, the JWT check and the
        // handler's validation and JSON.
        const inside = Object.values(timing).reduce((sum, part) => sum + part, 0);
        for (const [part, partMs] of [...Object.entries(timing), ['outside', ms - inside] as const])
          parts.set(part, [...(parts.get(part) ?? []), partMs]);
      }
      return {
        itemsRead: read,
        returned: body.items.length,
        total: body.total,
        medianMs: median(times),
        parts: Object.fromEntries([...parts].map(([part, samples]) => [part, median(samples)])),
      };
    }

    const firstPageIds = async (path: string) =>
      (
        (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
          r.json(),
        )) as { items: { id: string }[] }
      ).items.map((e) => e.id);

    /**
     * The two DynamoDB calls every search request makes (the page's BatchGetItem of 20 listing
     * items, the change-log Query), made here straight to DynamoDB Local and through the counting
     * proxy: what the local database (and the proxy) cost at this size, apart from our code.
     */
    async function rawCalls(ids: string[]): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const [via, endpoint] of [
        ['straight', dynamo.endpoint],
        ['proxy', proxyUrl],
      ] as const) {
        const client = new DynamoDBClient({ endpoint });
        const batchGet = () =>
          client.send(
            new BatchGetItemCommand({
              RequestItems: {
                [tableName]: {
                  Keys: ids.map((id) => {
                    const key = keys.listing(id);
                    return { PK: { S: key.PK }, SK: { S: key.SK } };
                  }),
                },
              },
            }),
          );
        const logQuery = () =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'PK = :pk AND SK > :since',
              ExpressionAttributeValues: {
                ':pk': { S: keys.searchChangeDay(new Date().toISOString().slice(0, 10)) },
                ':since': { S: new Date(Date.now() - 5_000).toISOString() },
              },
              ConsistentRead: true,
            }),
          );
        for (const [call, send] of [
          [`BatchGetItem of ${ids.length} listing items`, batchGet],
          ['change-log Query', logQuery],
        ] as const) {
          await send();
          const times: number[] = [];
          for (let i = 0; i < runs * 2; i++) {
            const started = performance.now();
            await send();
            times.push(performance.now() - started);
          }
          out[`${call}, ${via === 'straight' ? 'straight to DynamoDB Local' : 'through the proxy'}`] =
            median(times);
        }
        client.destroy();
      }
      return out;
    }

    const demands = [
      {
        name: 'narrow: 2.3 doctorate, fr',
        fieldCodes: ['2.3'],
        minDegree: 'doctorate',
        languages: [{ code: 'fr', minLevel: 'B2' }],
      },
      { name: '3.2 master', fieldCodes: ['3.2'], minDegree: 'master', languages: [] },
      { name: '4 (group) bachelor', fieldCodes: ['4'], minDegree: 'bachelor', languages: [] },
      { name: '1.2 + 2.2 bachelor', fieldCodes: ['1.2', '2.2'], minDegree: 'bachelor', languages: [] },
      { name: 'broad: 2 + 5 bachelor', fieldCodes: ['2', '5'], minDegree: 'bachelor', languages: [] },
    ];
    const demandIds: string[] = [];
    for (const d of demands) {
      const created = await post(
        '/api/demands',
        {
          title: d.name,
          fieldCodes: d.fieldCodes,
          minDegree: d.minDegree,
          languages: d.languages,
          zone: 'provincial-centre',
          engagement: 'full_time',
          status: 'open',
        },
        token,
      );
      demandIds.push(String(created.id));
    }

    const results = new Map<string, Map<number, Measured>>();
    const cold = new Map<number, Record<string, number | string>>();
    const fullScan = new Map<number, number>();
    const raw = new Map<number, Record<string, number>>();
    /** The 1-minute load average as each size's requests start: a busy machine shows in it. */
    const loadAverage = new Map<number, number>();
    let loaded = 0;
    let people: Registration[] = [];
    for (const size of sizes) {
      const batch = generateProfiles(size - loaded, { startIndex: loaded, emailDomain: 'bench.example.vn' });
      people = [...people, ...batch];
      console.log(`loading ${batch.length} profiles (to ${size})`);
      await batchPut(
        batch.flatMap((r) => verifiedExpertItems(r, new Date())),
        { concurrency: 16 },
      );
      loaded = size;
      // The local stream poller runs every consumer of the new items (search change log, counters):
      // measured while it works, requests would wait behind it. Drained first, as a quiet register is.
      const drainStarted = performance.now();
      const drained = await postAndWait(`${base}/dev/stream/drain`);
      if (drained !== 200) throw new Error(`stream drain failed: ${drained}`);
      console.log(`stream drained in ${fixed((performance.now() - drainStarted) / 1000, 1)} s`);
      token = await freshToken();
      const build = await post('/dev/search/snapshot');
      fullScan.set(size, Number(build.itemsRead ?? 0));
      // The cold load of a new instance.
      await post('/dev/search/reset');
      await reset();
      await fetch(`${base}/api/experts?q=a`, { headers: { authorization: `Bearer ${token}` } });
      const coldRead = await itemsRead();
      const load = (
        (await fetch(`${base}/dev/search`).then((r) => r.json())) as {
          coldLoad: Record<string, number | string>;
        }
      ).coldLoad;
      cold.set(size, { ...load, itemsReadIncludingFirstPage: coldRead });
      const counts = new Map<string, number>();
      for (const p of people)
        counts.set(foldVietnamese(p.fullName), (counts.get(foldVietnamese(p.fullName)) ?? 0) + 1);
      const unique =
        people.find((p, i) => i > 0 && counts.get(foldVietnamese(p.fullName)) === 1) ?? people[0];
      const queries: [string, string][] = [
        ['frequent surname `q=nguyen`', '/api/experts?q=nguyen'],
        ['exact full name (diacritics)', `/api/experts?q=${encodeURIComponent(unique?.fullName ?? '')}`],
        [
          'exact full name (folded)',
          `/api/experts?q=${encodeURIComponent(foldVietnamese(unique?.fullName ?? ''))}`,
        ],
        ['README example `q=nguyen van an`', '/api/experts?q=nguyen%20van%20an'],
        ['specialization `q=thiet ke may`', '/api/experts?q=thiet%20ke%20may'],
        ['matches nothing `q=zzqxv`', '/api/experts?q=zzqxv'],
        ['`q=nguyen&minDegree=doctorate`', '/api/experts?q=nguyen&minDegree=doctorate'],
        ['`q=nguyen&field=2`', '/api/experts?q=nguyen&field=2'],
        // Associate professors: at 1,000 generated profiles no Nguyễn is a full professor, so that
        // row's small size answered an empty page (no confirm) and its ratio compared unlike work.
        ['`q=nguyen&title=associate_professor`', '/api/experts?q=nguyen&title=associate_professor'],
        ['`q=nguyen&locationKind=overseas`', '/api/experts?q=nguyen&locationKind=overseas'],
        ['`q=nguyen&country=JP`', '/api/experts?q=nguyen&country=JP'],
        ['`q=nguyen&native=true`', '/api/experts?q=nguyen&native=true'],
        ['`q=nguyen&language=en`', '/api/experts?q=nguyen&language=en'],
        ['`q=nguyen&engagement=remote_advisory`', '/api/experts?q=nguyen&engagement=remote_advisory'],
        ['no text, sort=updated', '/api/experts?sort=updated'],
        ['directory `q=nguyen`', '/api/directory?q=nguyen'],
        ...demands.map((d, i): [string, string] => [
          `matches: ${d.name}`,
          `/api/demands/${demandIds[i]}/matches`,
        ]),
      ];
      const record = (name: string, m: Measured) => {
        if (!results.has(name)) results.set(name, new Map());
        results.get(name)?.set(size, m);
        console.log(`${size} ${name}: read ${m.itemsRead}, returned ${m.returned}, ${fixed(m.medianMs)} ms`);
      };
      // The server's first requests compile its code paths: before the first size is timed, every
      // request runs a few times untimed, so the smallest size is not measured on cold code.
      if (size === sizes[0]) {
        for (let round = 0; round < 5; round++)
          for (const [, path] of queries)
            await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
              r.arrayBuffer(),
            );
      }
      loadAverage.set(size, loadavg()[0]);
      raw.set(size, await rawCalls(await firstPageIds('/api/experts?q=nguyen')));
      for (const [name, path] of queries) {
        // The first ask scores every hit (a demand: every candidate); the next page of the same
        // query reuses that work (a text's hits, a demand's ranking) while the index is unchanged.
        record(name, await measure(path, { firstAsk: true }));
        const first = (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(
          (r) => r.json(),
        )) as { nextCursor?: string | null };
        if (first.nextCursor) {
          const separator = path.includes('?') ? '&' : '?';
          record(
            `${name}, page 2`,
            await measure(`${path}${separator}cursor=${encodeURIComponent(first.nextCursor)}`),
          );
        }
      }
    }

    const rows = [...results].map(([name, bySize]) => {
      const cells = sizes.flatMap((size) => {
        const m = bySize.get(size);
        if (!m) return ['', ''];
        const ok = m.itemsRead <= 1.5 * m.returned + 25 ? '' : ' ✗';
        return [
          `${m.itemsRead} / ${m.returned}${m.total !== undefined ? ` of ${m.total}` : ''}${ok}`,
          fixed(m.medianMs),
        ];
      });
      const first = bySize.get(sizes[0] ?? 0)?.medianMs ?? 0;
      const last = bySize.get(sizes.at(-1) ?? 0)?.medianMs ?? 0;
      return [name, ...cells, first ? `${fixed(last / first, 2)}×` : ''];
    });
    // Where the time goes: the median of each Server-Timing part, and of the rest (`outside`).
    const splitRows = [...results].map(([name, bySize]) => [
      name,
      ...sizes.flatMap((size) => {
        const parts = bySize.get(size)?.parts;
        return timingColumns.map((part) => (parts?.[part] === undefined ? '' : fixed(parts[part])));
      }),
    ]);
    const rawRows = [...new Set([...raw.values()].flatMap((r) => Object.keys(r)))].map((call) => [
      call,
      ...sizes.map((size) => fixed(raw.get(size)?.[call] ?? Number.NaN)),
    ]);
    const coldRows = sizes.map((size) => {
      const c = cold.get(size) ?? {};
      return [
        size.toLocaleString('en'),
        String(c.source ?? ''),
        String(c.loadMs ?? ''),
        String(c.heapMb ?? ''),
        String(c.heapUsedMb ?? ''),
        String(c.maxRssMb ?? ''),
        fixed(Number(c.snapshotBytes ?? 0) / 1e6),
        String(c.itemsRead ?? ''),
        String(fullScan.get(size) ?? ''),
      ];
    });
    return [
      '## Search and matches (read model)',
      '',
      `Items DynamoDB read per request / items returned (of the total), and the median of ${runs} requests in ms, through the local server on DynamoDB Local with the counting proxy. Budget: read ≤ 1.5 × returned + 25 (✗ marks a miss); median at ${sizes.at(-1)?.toLocaleString('en')} ≤ 2 × at ${sizes[0]?.toLocaleString('en')}. Each request is timed as a first ask: the index's cached text hits and the demands' cached rankings are dropped before each one (it scores every hit or candidate); "page 2" rows time the next page of the same query, which reuses them. The load average in the header says how busy the machine was.`,
      '',
      markdownTable(
        [
          'request',
          ...sizes.flatMap((s) => [
            `read / returned @${s.toLocaleString('en')}`,
            `ms @${s.toLocaleString('en')}`,
          ]),
          'ms ratio',
        ],
        rows,
      ),
      '',
      `1-minute load average as each size's requests started: ${sizes.map((size) => `${fixed(loadAverage.get(size) ?? Number.NaN, 2)} @${size.toLocaleString('en')}`).join(', ')}.`,
      '',
      `Where the time goes: the median (of the same ${runs} requests) of each part the function reports in its \`Server-Timing\` header, in ms: \`changes\` the change-log Query before answering, \`demand\` reading the demand (matches), \`index\` the index's work (text hits, filters, facets, order; or ranking a demand's candidates), \`confirm\` the page's BatchGetItem; \`outside\` is the request's time minus these parts (the HTTP hop, the local JWT check, the handler's validation and JSON).`,
      '',
      markdownTable(
        [
          'request',
          ...sizes.flatMap((s) => timingColumns.map((part) => `${part} @${s.toLocaleString('en')}`)),
        ],
        splitRows,
      ),
      '',
      `DynamoDB Local alone: the two calls every search request makes, made by the benchmark itself (median of ${runs * 2}), straight to DynamoDB Local and through the counting proxy, in ms: what the local database costs at each size, apart from our code.`,
      '',
      markdownTable(['call', ...sizes.map((s) => `ms @${s.toLocaleString('en')}`)], rawRows),
      '',
      'Cold load of one instance (snapshot → in-memory index, then the change log), and the full-scan baseline: the listing items a scan-style read (what the snapshot builder does once) reads.',
      '',
      markdownTable(
        [
          'profiles',
          'source',
          'load ms',
          'index heap MB',
          'heap in use MB',
          'peak RSS MB',
          'snapshot MB',
          'items read (log)',
          'full read (baseline)',
        ],
        coldRows,
      ),
    ].join('\n');
  } finally {
    server.kill('SIGTERM');
    proxy.kill('SIGTERM');
    await dynamo.stop();
  }
}
