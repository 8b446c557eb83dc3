/**
 * `npm run bench -- --only search-libraries`: the three maintained full-text libraries the read
 * model could use, on the same generated profiles (name, specialization, employer, folded for
 * Vietnamese): build time, serialised size, load time, heap, query time, and whether a prefix, a
 * typo in a 6+ letter name and facet counts work out of the box. Informs docs/search-read-model.md.
 */
import { performance } from 'node:perf_hooks';
import { create, insertMultiple, load, save, search } from '@orama/orama';
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { generateProfiles } from '../shared/demo/generate-profiles.ts';
import { fieldGroupOf } from '../shared/domain/taxonomy.ts';
import { foldVietnamese } from '../shared/domain/text.ts';

const count = Number(process.env.BENCH_SEARCH_LIBRARIES_PROFILES ?? 50_000);

type Row = {
  id: string;
  name: string;
  topic: string;
  employer: string;
  fieldGroup: string;
  degree: string;
};

function rows(): Row[] {
  return generateProfiles(count).map((p, i) => ({
    id: String(i),
    name: foldVietnamese(p.fullName),
    topic: foldVietnamese(p.fields.map((f) => f.specialization ?? '').join(' ')),
    employer: foldVietnamese(p.employer?.name ?? ''),
    fieldGroup: fieldGroupOf(p.fields[0]?.code ?? '1'),
    degree: p.highestDegree,
  }));
}

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

function timeMs<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

function medianMs(fn: () => unknown, runs = 21): number {
  const times = Array.from({ length: runs }, () => timeMs(fn)[1]).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

interface Result {
  library: string;
  buildMs: number;
  heapMb: number;
  serialisedMb: number;
  loadMs: number;
  queryMs: number;
  exactName: boolean;
  prefix: boolean;
  typo: boolean;
  facets: string;
}

export async function run(): Promise<string> {
  const docs = rows();
  const exact = docs[0] as Row; // "nguyen van an"
  const typoName = 'nguyrn'; // "nguyen" with one letter wrong
  const results: Result[] = [];

  {
    const before = heapMb();
    const options = {
      fields: ['name', 'topic', 'employer'],
      storeFields: ['fieldGroup', 'degree'],
      processTerm: (t: string) => foldVietnamese(t) || null,
    };
    const [index, buildMs] = timeMs(() => {
      const ms = new MiniSearch<Row>(options);
      ms.addAll(docs);
      return ms;
    });
    const heap = heapMb() - before;
    const json = JSON.stringify(index);
    const [, loadMs] = timeMs(() => MiniSearch.loadJSON(json, options));
    const q = (text: string, fuzzy = 0) =>
      index.search(text, { prefix: true, fuzzy, combineWith: 'AND', boost: { name: 3 } });
    const facetCounts = (hits: ReturnType<typeof q>) => new Set(hits.map((h) => String(h.fieldGroup))).size;
    results.push({
      library: 'minisearch 7.2',
      buildMs,
      heapMb: heap,
      serialisedMb: json.length / 1e6,
      loadMs,
      queryMs: medianMs(() => q('nguyen van')),
      exactName: docs[Number(q(exact.name)[0]?.id)]?.name === exact.name,
      prefix: q('nguy').length > 0,
      typo: q(typoName, 0.2).length > 0,
      facets: `computed over hits (${facetCounts(q('nguyen'))} groups), not built in`,
    });
  }

  {
    const before = heapMb();
    const schema = {
      name: 'string',
      topic: 'string',
      employer: 'string',
      fieldGroup: 'enum',
      degree: 'enum',
    } as const;
    const [db, buildMs] = await timeAsync(async () => {
      const orama = create({ schema, components: { tokenizer: { stemming: false } } });
      await insertMultiple(orama, docs, 1000);
      return orama;
    });
    const heap = heapMb() - before;
    const json = JSON.stringify(save(db));
    const [, loadMs] = timeMs(() => {
      const copy = create({ schema });
      load(copy, JSON.parse(json));
    });
    const q = (term: string, tolerance = 0) =>
      search(db, {
        term,
        properties: ['name', 'topic', 'employer'],
        tolerance,
        limit: 20,
        boost: { name: 3 },
        facets: { fieldGroup: {}, degree: {} },
      }) as Awaited<ReturnType<typeof search>>;
    const first = await q(exact.name);
    results.push({
      library: 'orama 3.1',
      buildMs,
      heapMb: heap,
      serialisedMb: json.length / 1e6,
      loadMs,
      queryMs: medianMs(() => q('nguyen van')),
      exactName: (first.hits[0]?.document as Row | undefined)?.name === exact.name,
      prefix: (await q('nguy')).count > 0,
      typo: (await q(typoName, 2)).count > 0,
      facets: `built in (${Object.keys((await q('nguyen')).facets?.fieldGroup?.values ?? {}).length} groups)`,
    });
  }

  {
    const before = heapMb();
    const [index, buildMs] = timeMs(() => {
      const fx = new Document({
        document: { id: 'id', index: ['name', 'topic', 'employer'] },
        tokenize: 'forward',
      });
      for (const d of docs) fx.add({ ...d });
      return fx;
    });
    const heap = heapMb() - before;
    let serialised = 0;
    await index.export((_key: string, data: string) => {
      serialised += data?.length ?? 0;
    });
    const q = (text: string) => index.search(text, { limit: 20 });
    const hits = (text: string) => q(text).reduce((n, r) => n + r.result.length, 0);
    results.push({
      library: 'flexsearch 0.8',
      buildMs,
      heapMb: heap,
      serialisedMb: serialised / 1e6,
      loadMs: Number.NaN,
      queryMs: medianMs(() => q('nguyen van')),
      exactName: docs[Number(q(exact.name)[0]?.result[0])]?.name === exact.name,
      prefix: hits('nguy') > 0,
      typo: hits(typoName) > 0,
      facets: 'none (tags filter, no counts)',
    });
  }

  const f = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(n < 10 ? 1 : 0));
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return [
    `## Search libraries (${count.toLocaleString('en')} generated profiles, folded text)`,
    '',
    '| library | build ms | heap MB | serialised MB | load ms | query ms (median) | exact name first | prefix | typo (6+ letters) | facets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.library} | ${f(r.buildMs)} | ${f(r.heapMb)} | ${f(r.serialisedMb)} | ${f(r.loadMs)} | ${f(r.queryMs)} | ${yes(r.exactName)} | ${yes(r.prefix)} | ${yes(r.typo)} | ${r.facets} |`,
    ),
    '',
    'Measured in one process one after the other (heap after a forced GC where `--expose-gc` is on); the machine was shared with other work, so read the ratios rather than the absolute times.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
