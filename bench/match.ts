/**
 * Match read amplification (DESIGN.md "Budgets"): for typical demands over 50,000 profiles, the
 * items DynamoDB reads ÷ the profiles that pass the hard filters ≤ 1.5 — next to a full-scan
 * baseline that applies the same filters (what a naive implementation would do).
 *
 * One DynamoDB Local (in memory). Generated profiles are loaded as the items this benchmark reads:
 * each expert's PROFILE item (what a scan would filter) and its FIELDGROUP#g match-index items
 * (what GET /api/demands/{id}/matches queries). The e-mail, listing and directory items are left
 * out to save loading time (set BENCH_MATCH_ALL_ITEMS=1 to load them too; the scan then reads
 * more, the index query the same). "Passing" is computed in memory with the domain's own hard
 * filter over the generated profiles, independently of any query.
 *
 * Settings (environment): BENCH_MATCH_PROFILES (50000), BENCH_MATCH_RUNS (5 timed index queries
 * per demand), BENCH_MATCH_SCAN_RUNS (1 full scan), BENCH_CONCURRENCY (32 loaders),
 * BENCH_MATCH_ALL_ITEMS (0).
 */
import { performance } from 'node:perf_hooks';
import { ensureTable, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { generateProfiles } from '../shared/demo/generate-profiles.ts';
import type { Demand } from '../shared/domain/demand.ts';
import type { degrees } from '../shared/domain/expert.ts';
import { type MatchDemand, passesHardFilters } from '../shared/domain/matching.ts';
import { fixed, freePort, intSetting, markdownTable, percentile } from './measure.ts';

const tableName = 'bench-match';
const seed = 2030;
const batchSize = 5000;

type TypicalDemand = MatchDemand & { name: string };

const typicalDemands: TypicalDemand[] = [
  {
    name: 'Dung Quất EZ: mechanical engineering, doctorate',
    fieldCodes: ['2.3'],
    minDegree: 'doctorate',
    minYearsExperience: 5,
    languages: [{ code: 'en', minLevel: 'B2' }],
    engagement: 'full_time',
  },
  {
    name: 'Industrial parks: chemical engineering, master',
    fieldCodes: ['2.4'],
    minDegree: 'master',
    minYearsExperience: 3,
    languages: [{ code: 'en', minLevel: 'B1' }],
    engagement: 'full_time',
  },
  {
    name: 'Mountainous areas: agriculture, bachelor',
    fieldCodes: ['4.1'],
    minDegree: 'bachelor',
    minYearsExperience: 0,
    languages: [],
    engagement: 'relocate',
  },
  {
    name: 'Provincial hospital: clinical medicine, master',
    fieldCodes: ['3.2'],
    minDegree: 'master',
    minYearsExperience: 3,
    languages: [],
    engagement: 'full_time',
  },
  {
    name: 'Schools: educational sciences, bachelor',
    fieldCodes: ['5.3'],
    minDegree: 'bachelor',
    minYearsExperience: 2,
    languages: [],
    engagement: 'full_time',
  },
  {
    name: 'Economics and business, master',
    fieldCodes: ['5.2'],
    minDegree: 'master',
    minYearsExperience: 5,
    languages: [{ code: 'en', minLevel: 'B2' }],
    engagement: 'part_time',
  },
  {
    name: 'IT: computer science 1.2 + electrical/information engineering 2.2, bachelor',
    fieldCodes: ['1.2', '2.2'],
    minDegree: 'bachelor',
    minYearsExperience: 2,
    languages: [{ code: 'en', minLevel: 'B1' }],
    engagement: 'remote_advisory',
  },
  {
    name: 'Humanities (group 6), master',
    fieldCodes: ['6'],
    minDegree: 'master',
    minYearsExperience: 0,
    languages: [],
    engagement: 'project_based',
  },
];

/** What the in-memory hard filter needs of a profile. */
interface Loaded {
  highestDegree: (typeof degrees)[number];
  fields: { code: string }[];
  consent: { shareWithAgencies: boolean };
  status: 'active';
}

export async function run(): Promise<string> {
  const profileCount = intSetting('BENCH_MATCH_PROFILES', 50_000);
  const runs = intSetting('BENCH_MATCH_RUNS', 5);
  const scanRuns = intSetting('BENCH_MATCH_SCAN_RUNS', 1);
  const concurrency = intSetting('BENCH_CONCURRENCY', 32);
  const allItems = process.env.BENCH_MATCH_ALL_ITEMS === '1';

  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

  const port = await freePort();
  console.log(`match: starting DynamoDB Local (in memory) on 127.0.0.1:${port}`);
  const dynamo = await startDynamoDbLocal({ port });
  try {
    await ensureTable(dynamo.endpoint, tableName);
    // The repositories read their configuration when first imported: set it first.
    process.env.TABLE_NAME = tableName;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
    const { batchPut } = await import('../shared/db/bulk-load.ts');
    const { verifiedExpertItems } = await import('../shared/db/experts.ts');
    const { matchExpertsToDemand } = await import('../shared/app/matching.ts');
    const { dynamo: client } = await import('../shared/db/client.ts');
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');

    // Load in batches, so generation, memory and progress stay bounded.
    const loaded: Loaded[] = [];
    const itemKinds = new Map<string, number>();
    const now = new Date();
    const loadStarted = performance.now();
    let written = 0;
    for (let start = 0; start < profileCount; start += batchSize) {
      const registrations = generateProfiles(Math.min(batchSize, profileCount - start), {
        seed,
        startIndex: start,
      });
      const items = registrations.flatMap((r) => verifiedExpertItems(r, now));
      const wanted = allItems
        ? items
        : items.filter((i) => i.SK === 'PROFILE' || String(i.SK).startsWith('FIELDGROUP#'));
      for (const item of wanted) {
        const kind = String(item.SK).startsWith('FIELDGROUP#') ? 'FIELDGROUP#g' : String(item.SK);
        itemKinds.set(kind, (itemKinds.get(kind) ?? 0) + 1);
      }
      await batchPut(wanted, { concurrency });
      written += wanted.length;
      for (const r of registrations) {
        loaded.push({
          highestDegree: r.highestDegree,
          fields: r.fields,
          consent: { shareWithAgencies: r.consent.shareWithAgencies },
          status: 'active',
        });
      }
      const seconds = (performance.now() - loadStarted) / 1000;
      console.log(
        `match: loaded ${loaded.length}/${profileCount} profiles, ${written} items (${fixed(written / seconds, 0)} items/s)`,
      );
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    // The index path first (the budgeted number); each demand: one warm-up, then timed runs.
    const measured: {
      demand: TypicalDemand;
      passing: number;
      itemsRead: number;
      candidates: number;
      latencies: number[];
    }[] = [];
    for (const demand of typicalDemands) {
      const passing = loaded.filter((p) => passesHardFilters(demand, p)).length;
      const matchDemand = demand as unknown as Demand;
      const first = await matchExpertsToDemand(matchDemand, { limit: 20, now });
      const latencies: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await matchExpertsToDemand(matchDemand, { limit: 20, now });
        latencies.push(performance.now() - started);
      }
      measured.push({ demand, passing, itemsRead: first.itemsRead, candidates: first.candidates, latencies });
      console.log(
        `match: ${demand.name}: passing ${passing}, index read ${first.itemsRead} (${fixed(first.itemsRead / passing, 2)}×), p50 ${fixed(percentile(latencies, 50), 0)} ms`,
      );
    }

    // The baseline: a full Scan (every demand would read the same whole table), with DynamoDB
    // filtering visibility; degree and field group are tested here for each demand.
    const scanLatencies: number[] = [];
    let scan = { itemsRead: 0, visible: [] as Loaded[] };
    for (let i = 0; i < scanRuns; i++) {
      const started = performance.now();
      scan = await fullScan(client, ScanCommand);
      scanLatencies.push(performance.now() - started);
      console.log(
        `match: full scan ${i + 1}/${scanRuns}: ${scan.itemsRead} items read in ${fixed(scanLatencies[i] / 1000, 1)} s`,
      );
    }

    const ratios = measured.map((m) => m.itemsRead / m.passing);
    const scanRatios = measured.map((m) => scan.itemsRead / m.passing);
    const rows = measured.map((m, i) => {
      const scanPassing = scan.visible.filter((p) => passesHardFilters(m.demand, p)).length;
      const agrees = m.candidates === m.passing && scanPassing === m.passing;
      return [
        m.demand.name,
        String(m.passing),
        String(m.itemsRead),
        `${fixed(ratios[i], 2)}×`,
        fixed(percentile(m.latencies, 50), 0),
        fixed(percentile(m.latencies, 95), 0),
        String(scan.itemsRead),
        `${fixed(scanRatios[i], 1)}×`,
        fixed(percentile(scanLatencies, 50), 0),
        agrees ? 'yes' : `no (index ${m.candidates}, scan ${scanPassing})`,
      ];
    });

    const worst = Math.max(...ratios);
    const kinds = [...itemKinds.entries()].map(([kind, n]) => `${n} ${kind}`).join(', ');
    return [
      `## Match read amplification (${profileCount.toLocaleString('en')} profiles)`,
      '',
      'Budget: items DynamoDB reads ÷ profiles that pass the hard filters ≤ 1.5 (DESIGN.md). Index:',
      '`GET /api/demands/{id}/matches` as implemented (`matchExpertsToDemand`: a GSI1 query per field',
      'group of the demand, `GSI1SK >= "<minDegreeRank>#"`). Scan: a full-table Scan with the same',
      'hard filters (DynamoDB filters visibility; degree and field group are tested in the process).',
      '"Passing" is the domain hard filter applied in memory to the generated profiles.',
      '',
      markdownTable(
        [
          'demand',
          'passing',
          'index: items read',
          'index: ratio',
          'index p50 ms',
          'index p95 ms',
          'scan: items read',
          'scan: ratio',
          'scan p50 ms',
          'counts agree',
        ],
        rows,
      ),
      '',
      `- Worst index ratio: ${fixed(worst, 2)}× — ${worst <= 1.5 ? 'within' : 'OVER'} the 1.5 budget. ` +
        `Scan ratios: ${fixed(Math.min(...scanRatios), 1)}× to ${fixed(Math.max(...scanRatios), 1)}×.`,
      `- Latency: ${runs} timed index queries per demand after one warm-up (ranking included, limit 20); ` +
        `the scan (the same whole-table read for every demand) timed ${scanRuns} times.`,
      `- Loaded: ${written.toLocaleString('en')} items (${kinds}) in ${fixed(loadSeconds, 0)} s ` +
        `(${fixed(written / loadSeconds, 0)} items/s, concurrency ${concurrency}); ` +
        (allItems
          ? 'every item of every profile.'
          : 'only the PROFILE and FIELDGROUP items these queries read (e-mail, listing and directory items left out; a full table would make the scan read more).'),
      '- DynamoDB Local (one Java process sharing the machine) pages far more slowly than DynamoDB: the',
      '  latencies compare the two paths on the same store; they do not predict AWS latencies.',
      `- Generated profiles: seed ${seed}; all verified (active); ${loaded.filter((p) => p.consent.shareWithAgencies).length.toLocaleString('en')} share their profile with agencies.`,
      '',
    ].join('\n');
  } finally {
    await dynamo.stop();
  }
}

/** The naive way: scan everything, let DynamoDB filter what it can (visibility), keep the rest. */
async function fullScan(
  client: typeof import('../shared/db/client.ts').dynamo,
  ScanCommand: typeof import('@aws-sdk/lib-dynamodb').ScanCommand,
): Promise<{ itemsRead: number; visible: Loaded[] }> {
  let itemsRead = 0;
  const visible: Loaded[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :expert AND #status = :active AND consent.shareWithAgencies = :true',
        ExpressionAttributeNames: {
          '#type': 'type',
          '#status': 'status',
          '#degree': 'highestDegree',
          '#fields': 'fields',
        },
        ExpressionAttributeValues: { ':expert': 'expert', ':active': 'active', ':true': true },
        ProjectionExpression: '#degree, #fields',
        ExclusiveStartKey: startKey,
      }),
    );
    const before = itemsRead;
    itemsRead += page.ScannedCount ?? 0;
    if (Math.floor(itemsRead / 10_000) > Math.floor(before / 10_000)) {
      console.log(`match: full scan: ${itemsRead} items read`);
    }
    for (const item of page.Items ?? []) {
      visible.push({
        highestDegree: item.highestDegree,
        fields: item.fields,
        consent: { shareWithAgencies: true },
        status: 'active',
      });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { itemsRead, visible };
}
