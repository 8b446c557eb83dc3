/**
 * The in-memory search index of the read model (docs/search-read-model.md): every expert who
 * shares the profile with agencies (their summary: what HR search, facets and matching need, no
 * contacts) and every expert listed in the public directory (their public entry only), in one
 * MiniSearch full-text index over the folded name, specializations and employer.
 *
 * Pure: no AWS, no clock. The application service keeps one per Lambda instance, loaded from the
 * snapshot and kept current from the change log; it answers with ids in order, the total and the
 * facets, and the caller confirms the page against the table before returning it.
 *
 * Why MiniSearch (bench/search-libraries.ts, at 50,000 profiles): the smallest serialised index
 * (`toJSON`/`loadJSON`, so a cold instance loads instead of rebuilding), per-term prefix and
 * edit-distance search with field boosts, a term processor that takes our Vietnamese folding;
 * facets are a count over the hits, a few lines here. Orama has facets built in but its index
 * serialises ~4× larger and queried ~3× slower; FlexSearch is fastest but has no typo tolerance
 * and no facet counts.
 */
import MiniSearch, { type Query } from 'minisearch';
import { type DirectoryEntry, degreeRank, type ExpertSummary } from './expert.ts';
import {
  bitOfCode,
  type FacetCountArrays,
  fieldsPerSlot,
  IndexColumns,
  maxBitCode,
  type SlotFacets,
  wideFields,
} from './index-columns.ts';
import type { FieldMatch } from './matching.ts';
import { fieldGroupOf } from './taxonomy.ts';
import { foldVietnamese } from './text.ts';
import { type Fuzzy, TextScoring } from './text-scoring.ts';

/** One expert in the read model. At least one of `summary` and `entry` is present. */
export interface SearchDoc {
  id: string;
  /** The profile's version when projected: a change applies only over an older one. */
  version: number;
  /** Present while the expert is active and shares the profile with agencies. */
  summary?: ExpertSummary;
  /** Present while the expert is active and listed in the public directory. */
  entry?: DirectoryEntry & { updatedAt: string };
}

/** A change from the change log: the doc as it now is, or null once neither audience may see it. */
export interface SearchChange {
  id: string;
  version: number;
  doc: SearchDoc | null;
}

export type Audience = 'agencies' | 'directory';
export const searchSorts = ['relevance', 'name', 'updated'] as const;
export type SearchSort = (typeof searchSorts)[number];

export interface IndexFilters {
  /** A field code ("2.3") or a top-level group ("2"). */
  field?: string;
  minDegree?: ExpertSummary['highestDegree'];
  title?: ExpertSummary['academicTitle'];
  locationKind?: ExpertSummary['location']['kind'];
  country?: string;
  native?: boolean;
  language?: string;
  engagement?: ExpertSummary['engagement'][number];
}

export interface IndexQuery extends IndexFilters {
  q?: string;
  sort?: SearchSort;
}

export type FacetCounts = Record<string, number>;
export interface SearchFacets {
  fieldGroup: FacetCounts;
  degree: FacetCounts;
  locationKind: FacetCounts;
  /** The most frequent countries only (topCountries). */
  country: FacetCounts;
}

export interface IndexResult {
  /** How many experts match. */
  total: number;
  /** The matching ids from `start` to `end` (exclusive), in the order asked for: a page costs its own length. */
  slice(start: number, end: number): string[];
  /** Every matching id, in order (costs the total; for tests and small lists). */
  readonly ids: string[];
  facets: SearchFacets;
}

export const topCountries = 10;
/** A word of at least this many letters may carry one typo. */
export const typoMinLength = 6;
/** Queries whose text hits an index keeps (see `textCache`). */
const textCacheEntries = 32;

/** Relevance: a word in the name counts most, then the specialization, then the employer. */
const fieldBoosts = { name: 4, topic: 2, employer: 1 } as const;
type IndexedField = keyof typeof fieldBoosts;
const indexedFields = Object.keys(fieldBoosts) as IndexedField[];
const directoryFields: IndexedField[] = ['name', 'topic'];

/**
 * What the index reads of MiniSearch (7.2.0, pinned in package.json) beyond its public API:
 * `_idToShortId` (protected) gives a doc's short id when it is added or removed, so the index keeps
 * its docs in an array by short id, and `TextScoring` (text-scoring.ts) scores a text's hits by
 * short id over MiniSearch's own index without the objects `search()` builds per hit. Where either
 * is missing (another MiniSearch version), `search()` is used, with the same answers; a unit test
 * compares the two ways.
 */
interface EngineInternals {
  _idToShortId: Map<string, number>;
}

function internalsOf(
  search: MiniSearch<SearchDoc>,
): (EngineInternals & { scoring: TextScoring }) | undefined {
  const engine = search as unknown as Partial<EngineInternals>;
  const scoring = TextScoring.of(search);
  return scoring && engine._idToShortId instanceof Map
    ? { _idToShortId: engine._idToShortId, scoring }
    : undefined;
}

export interface IndexOptions {
  /** Score text hits through MiniSearch's public `search()` only (tests compare the two ways). */
  publicApiOnly?: boolean;
}

/** The MiniSearch options; a serialised index loads only with the same ones. */
const miniSearchOptions = {
  fields: indexedFields,
  storeFields: [],
  // Every token is folded (tones, đ/Đ, case) as it is indexed and as it is searched.
  processTerm: (term: string) => foldVietnamese(term) || null,
  extractField: (doc: SearchDoc, field: string) => textOf(doc, field as IndexedField | 'id'),
};

const nameOf = (doc: SearchDoc): string => doc.summary?.fullName ?? doc.entry?.fullName ?? '';
const fieldsOf = (doc: SearchDoc) => doc.summary?.fields ?? doc.entry?.fields ?? [];

function textOf(doc: SearchDoc, field: IndexedField | 'id'): string {
  if (field === 'id') return doc.id;
  if (field === 'name') return nameOf(doc);
  if (field === 'topic')
    return fieldsOf(doc)
      .map((f) => f.specialization ?? '')
      .join(' ');
  return doc.summary?.employer?.name ?? '';
}

/** The facets a doc adds to one audience's counts, as small integer codes (see `FacetCodes`). */
type FacetsOfDoc = SlotFacets;

/**
 * What the index keeps beside each doc, computed once when the doc arrives, so that a query over
 * tens of thousands of docs sorts, filters and counts without recomputing it per doc and per query.
 */
interface Held {
  doc: SearchDoc;
  /** The folded name: plain lower-case ASCII, compared as a string (not by locale). */
  sortName: string;
  updatedAt: string;
  /** The distinct field groups each audience sees (the group filter). */
  agencyGroups: readonly string[];
  directoryGroups: readonly string[];
  facets: Partial<Record<Audience, FacetsOfDoc>>;
  /** The doc's slot in the index's columns (index-columns.ts): what filters and counts read. */
  slot: number;
}

/** Each value of one kind (languages, engagement modes) as a bit, in order of arrival; past `maxBitCode`, none. */
class Bits {
  private readonly codes = new Map<string, number>();

  of(values: Iterable<string>): number {
    let bits = 0;
    for (const value of values) {
      let code = this.codes.get(value);
      if (code === undefined) {
        code = this.codes.size;
        this.codes.set(value, code);
      }
      if (code < maxBitCode) bits |= 2 ** code;
    }
    return bits;
  }

  /** A filter value's bit: 0 if no doc has had it, undefined if it has none (read the doc). */
  bitOf(value: string): number | undefined {
    const code = this.codes.get(value);
    if (code === undefined) return 0;
    return bitOfCode(code);
  }
}

type Order = 'name' | 'updated';
const facetNames = ['fieldGroup', 'degree', 'locationKind', 'country'] as const;
type FacetName = (typeof facetNames)[number];

/**
 * Facet values as small integers, so that counting the facets of 50,000 matches is array
 * increments (a Map or an object given keys on the fly took ~15-25 ms there).
 */
class FacetCodes {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  /** The value's code, or undefined if no doc has had it. */
  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  of(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}

/** Counts per facet, indexed by code: kept counts grow with the codes; a query's are sized to them. */
type Counts = FacetCountArrays;
const newCounts = (): Counts => ({ fieldGroup: [], degree: [], locationKind: [], country: [] });

function count(counts: Counts, f: FacetsOfDoc, delta: number): void {
  for (const group of f.groups) counts.fieldGroup[group] = (counts.fieldGroup[group] ?? 0) + delta;
  counts.degree[f.degree] = (counts.degree[f.degree] ?? 0) + delta;
  if (f.locationKind >= 0)
    counts.locationKind[f.locationKind] = (counts.locationKind[f.locationKind] ?? 0) + delta;
  counts.country[f.country] = (counts.country[f.country] ?? 0) + delta;
}

const filterKeys = [
  'field',
  'minDegree',
  'title',
  'locationKind',
  'country',
  'native',
  'language',
  'engagement',
] as const satisfies readonly (keyof IndexFilters)[];
const hasFilters = (f: IndexFilters): boolean => filterKeys.some((key) => f[key] !== undefined);

const seenBy = (h: Held, audience: Audience): boolean =>
  audience === 'agencies' ? h.doc.summary !== undefined : h.doc.entry !== undefined;
const audiences: readonly Audience[] = ['agencies', 'directory'];

const groupsOf = (fields: readonly { code: string }[] | undefined): string[] =>
  fields ? [...new Set(fields.map((f) => fieldGroupOf(f.code)))] : [];

const byId = (a: Held, b: Held): number => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
const byName = (a: Held, b: Held): number =>
  a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : byId(a, b);
/** The most recently updated first. */
const byUpdated = (a: Held, b: Held): number =>
  a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : byId(a, b);
const comparators: Record<Order, (a: Held, b: Held) => number> = { name: byName, updated: byUpdated };

/** The first position in `sorted` whose element does not come before `x`. */
function lowerBound(sorted: readonly Held[], x: Held, compare: (a: Held, b: Held) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid], x) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class ExpertIndex {
  private readonly held = new Map<string, Held>();
  /** Versions of experts removed by a change, so an older change replayed later cannot revive them. */
  private readonly removedAt = new Map<string, number>();
  /**
   * Each audience's docs in name order and in last-update order, built on first use and then kept
   * sorted as changes apply (a binary search and a splice each): a query without text reads a
   * page of one instead of sorting the register (50,000 docs: ~300 ms a query before).
   */
  private readonly orders = new Map<`${Audience}:${Order}`, Held[]>();
  /** Each audience's facet counts, kept as docs come and go: what a query without text or filters shows. */
  private readonly tallies: Record<Audience, Counts> = { agencies: newCounts(), directory: newCounts() };
  private readonly codes: Record<FacetName, FacetCodes> = {
    fieldGroup: new FacetCodes(),
    degree: new FacetCodes(),
    locationKind: new FacetCodes(),
    country: new FacetCodes(),
  };
  private readonly bits = { language: new Bits(), engagement: new Bits() };
  private readonly titles = new FacetCodes();
  private readonly fieldCodes = new FacetCodes();
  private readonly internal = internalizer();
  /** Every held doc's filter and facet values in typed arrays by slot, and the doc by slot. */
  private readonly columns = new IndexColumns();
  private readonly heldBySlot: (Held | undefined)[] = [];
  /** By slot, the agencies' summary and its one-shape copy (`matchViewOf`): a demand's ranking reads these. */
  private readonly summaryBySlot: (ExpertSummary | undefined)[] = [];
  private readonly viewBySlot: (ExpertSummary | undefined)[] = [];
  /** MiniSearch's short id → the doc's slot (-1: gone), with `internals` only. */
  private slotOfShortId = new Int32Array(0);
  private readonly search: MiniSearch<SearchDoc>;
  /**
   * The text hits of recent queries (audience and folded text; before filters), dropped at any
   * change: the next page of a query, or the same text with other filters or order, skips the
   * engine's scoring, which is most of a frequent word's cost (a surname a third of the register
   * carries: ~15,000 hits at 50,000 profiles).
   */
  private readonly textCache = new Map<string, { exact: TextHits; typo?: TextHits }>();
  /** MiniSearch's internals the index reads, if present (see `EngineInternals`). */
  private readonly internals: (EngineInternals & { scoring: TextScoring }) | undefined;
  private constructor(search: MiniSearch<SearchDoc>, docs: readonly SearchDoc[], options: IndexOptions) {
    this.search = search;
    this.internals = options.publicApiOnly ? undefined : internalsOf(search);
    for (const doc of docs) this.remember(doc);
  }

  static build(docs: readonly SearchDoc[], options: IndexOptions = {}): ExpertIndex {
    const search = new MiniSearch<SearchDoc>(miniSearchOptions);
    search.addAll(docs);
    return new ExpertIndex(search, docs, options);
  }

  /** An index from `serialise()`; the docs travel beside it. */
  static load(serialised: { index: string; docs: SearchDoc[] }, options: IndexOptions = {}): ExpertIndex {
    return new ExpertIndex(
      MiniSearch.loadJSON(serialised.index, miniSearchOptions),
      serialised.docs,
      options,
    );
  }

  serialise(): { index: string; docs: SearchDoc[] } {
    return { index: JSON.stringify(this.search), docs: [...this.held.values()].map((h) => h.doc) };
  }

  get size(): number {
    return this.held.size;
  }

  get(id: string): SearchDoc | undefined {
    return this.held.get(id)?.doc;
  }

  /**
   * Applies one change if it is newer than what the index holds (the change log is read with an
   * overlap, so a change may come twice; a removal wins over a doc of the same version).
   */
  apply(change: SearchChange): boolean {
    const heldVersion = this.held.get(change.id)?.doc.version ?? this.removedAt.get(change.id);
    if (change.doc === null) {
      if (heldVersion !== undefined && heldVersion > change.version) return false;
      this.remove(change.id);
      this.removedAt.set(change.id, change.version);
      return true;
    }
    if (heldVersion !== undefined && heldVersion >= change.version) return false;
    this.remove(change.id);
    this.removedAt.delete(change.id);
    this.search.add(change.doc);
    this.remember(change.doc);
    return true;
  }

  /** Drops an expert the table no longer lists (found while confirming a page). */
  forget(id: string): void {
    const version = this.held.get(id)?.doc.version;
    this.remove(id);
    if (version !== undefined) this.removedAt.set(id, version);
  }

  /**
   * Lets MiniSearch drop the postings of discarded docs now (it does so by itself, in the
   * background, once a tenth of the index is discarded). Until then its public `search()` counts
   * them in a word's document frequency for some hits; the index's own scoring never does.
   */
  settle(): Promise<void> {
    return this.search.vacuum();
  }

  /** Forgets the cached text hits (the benchmark times a first query with it). */
  clearQueryCache(): void {
    this.textCache.clear();
  }

  private remove(id: string): void {
    const gone = this.held.get(id);
    if (!gone) return;
    this.textCache.clear();
    const shortId = this.internals?._idToShortId.get(id);
    this.search.discard(id);
    if (shortId !== undefined) {
      this.internals?.scoring.discardedId(shortId);
      this.slotOfShortId[shortId] = -1;
    }
    this.columns.drop(gone.slot);
    this.heldBySlot[gone.slot] = undefined;
    this.summaryBySlot[gone.slot] = undefined;
    this.viewBySlot[gone.slot] = undefined;
    for (const [key, sorted] of this.orders) {
      const at = lowerBound(sorted, gone, comparators[orderOf(key)]);
      if (sorted[at] === gone) sorted.splice(at, 1);
    }
    for (const audience of audiences) {
      const facets = gone.facets[audience];
      if (facets) count(this.tallies[audience], facets, -1);
    }
    this.held.delete(id);
  }

  private hold(doc: SearchDoc): Held {
    const { summary, entry } = doc;
    const agencyGroups = groupsOf(summary?.fields);
    const directoryGroups = groupsOf(entry?.fields);
    const codes = (groups: string[], degree: string, locationKind: string | null, country: string) => ({
      groups: groups.map((g) => this.codes.fieldGroup.of(g)),
      degree: this.codes.degree.of(degree),
      locationKind: locationKind === null ? -1 : this.codes.locationKind.of(locationKind),
      country: this.codes.country.of(country),
    });
    const facets = {
      ...(summary
        ? {
            agencies: codes(
              agencyGroups,
              summary.highestDegree,
              summary.location.kind,
              summary.location.country,
            ),
          }
        : {}),
      ...(entry ? { directory: codes(directoryGroups, entry.highestDegree, null, entry.country) } : {}),
    };
    const updatedAt = summary?.updatedAt ?? entry?.updatedAt ?? '';
    const slot = this.columns.put({
      facets,
      degreeRank: summary ? degreeRank(summary.highestDegree) : -1,
      title: summary ? this.titles.of(summary.academicTitle) : -1,
      native: summary?.nativeOfProvince ?? false,
      languageBits: this.bits.language.of(summary?.languages.map((l) => l.code) ?? []),
      engagementBits: this.bits.engagement.of(summary?.engagement ?? []),
      updatedMs: Date.parse(updatedAt),
      fieldCodes: summary?.fields.map((f) => this.fieldCodes.of(f.code)) ?? [],
    });
    return {
      doc,
      sortName: foldVietnamese(nameOf(doc)),
      updatedAt,
      agencyGroups,
      directoryGroups,
      facets,
      slot,
    };
  }

  private remember(doc: SearchDoc): void {
    this.textCache.clear();
    const added = this.hold(doc);
    this.held.set(doc.id, added);
    this.heldBySlot[added.slot] = added;
    this.summaryBySlot[added.slot] = doc.summary;
    this.viewBySlot[added.slot] = doc.summary && matchViewOf(doc.summary, this.internal);
    const shortId = this.internals?._idToShortId.get(doc.id);
    if (shortId !== undefined) {
      this.internals?.scoring.added(shortId);
      if (shortId >= this.slotOfShortId.length) {
        const bigger = new Int32Array(Math.max(1024, Math.ceil((shortId + 1) * 1.5))).fill(-1);
        bigger.set(this.slotOfShortId);
        this.slotOfShortId = bigger;
      }
      this.slotOfShortId[shortId] = added.slot;
    }
    for (const [key, sorted] of this.orders) {
      if (seenBy(added, audienceOf(key)))
        sorted.splice(lowerBound(sorted, added, comparators[orderOf(key)]), 0, added);
    }
    for (const audience of audiences) {
      const facets = added.facets[audience];
      if (facets) count(this.tallies[audience], facets, 1);
    }
  }

  private inOrder(audience: Audience, order: Order): readonly Held[] {
    const key = `${audience}:${order}` as const;
    let sorted = this.orders.get(key);
    if (!sorted) {
      sorted = [...this.held.values()].filter((h) => seenBy(h, audience)).sort(comparators[order]);
      this.orders.set(key, sorted);
    }
    return sorted;
  }

  /** The experts of one audience that match the query and filters, in order, with facet counts. */
  query(audience: Audience, query: IndexQuery): IndexResult {
    const text = query.q?.trim() ?? '';
    if (foldVietnamese(text)) {
      const { slots, scores, counts } = this.textHits(text, audience, query);
      const facets = this.facetsFrom(counts);
      const heldAt = (slot: number) => this.heldBySlot[slot] as Held;
      if (query.sort === 'name' || query.sort === 'updated')
        return resultOf(slots.map(heldAt), (h) => h.doc.id, facets, comparators[query.sort]);
      // Best score first; equal relevance (namesakes): the most recently updated profile first, as
      // HR expects. Ordered by position, so that no object is made per hit.
      const positions: number[] = [];
      for (let i = 0; i < slots.length; i++) positions.push(i);
      const updatedMs = this.columns.updatedMs;
      return resultOf(
        positions,
        (i) => heldAt(slots[i]).doc.id,
        facets,
        (a, b) =>
          scores[b] - scores[a] ||
          updatedMs[slots[b]] - updatedMs[slots[a]] ||
          byUpdated(heldAt(slots[a]), heldAt(slots[b])),
      );
    }
    const ordered = this.inOrder(audience, query.sort === 'updated' ? 'updated' : 'name');
    // Browsing the whole audience: a page of the kept order and the kept counts, whatever the size.
    if (!hasFilters(query))
      return resultOf(ordered, (h) => h.doc.id, this.facetsFrom(this.tallies[audience]));
    const test = this.filterOf(audience, query) ?? (() => true);
    const matches = ordered.filter((h) => test(h.slot));
    return resultOf(matches, (h) => h.doc.id, this.facetsOf(matches, audience));
  }

  /**
   * Every word must match in one and the same field ("nguyen van an" finds the name Nguyễn Văn
   * An, not a Nguyễn at the Phạm Văn Đồng university working on "an toàn"), each word may be the
   * start of a word; if nothing matches, words of six letters or more may carry one typo. In no
   * particular order (the caller orders them: by score, then ties), with their facet counts.
   */
  private textHits(text: string, audience: Audience, filters: IndexFilters): TextHits {
    const fields = audience === 'agencies' ? indexedFields : directoryFields;
    const columns = this.columns[audience];
    // The audience is checked here, on the docs the index holds, rather than through MiniSearch's
    // filter callback, and the facets are counted in the same pass. Filters apply to the (cached)
    // hits after.
    const visible = (fuzzy: Fuzzy): TextHits => {
      const slots: number[] = [];
      const scores: number[] = [];
      const counts = this.queryCounts();
      const { present } = columns;
      const scored = this.internals?.scoring.score(text, fields, fieldBoosts, fuzzy);
      if (scored) {
        const { ids } = scored;
        const slotOf = this.slotOfShortId;
        for (let i = 0; i < ids.length; i++) {
          const slot = slotOf[ids[i]];
          if (slot < 0 || present[slot] !== 1) continue;
          columns.count(counts, slot);
          slots.push(slot);
          scores.push(scored.scores[i]);
        }
        return { slots, scores, counts };
      }
      const inOneField: Query = {
        combineWith: 'OR',
        queries: fields.map((field) => ({
          queries: [text],
          fields: [field],
          combineWith: 'AND' as const,
          prefix: true,
          fuzzy,
        })),
      };
      for (const hit of this.search.search(inOneField, { boost: fieldBoosts })) {
        const slot = this.held.get(String(hit.id))?.slot;
        if (slot === undefined || present[slot] !== 1) continue;
        columns.count(counts, slot);
        slots.push(slot);
        scores.push(hit.score);
      }
      return { slots, scores, counts };
    };
    const key = `${audience}\u0000${foldVietnamese(text).replace(/\s+/g, ' ').trim()}`;
    let cached = this.textCache.get(key);
    if (!cached) {
      if (this.textCache.size >= textCacheEntries)
        this.textCache.delete(this.textCache.keys().next().value as string);
      cached = { exact: visible(false) };
      this.textCache.set(key, cached);
    }
    const test = this.filterOf(audience, filters);
    // The hits that pass the filters, counted as they are picked.
    const passing = (all: TextHits): TextHits => {
      if (!test) return all;
      const slots: number[] = [];
      const scores: number[] = [];
      const counts = this.queryCounts();
      for (let i = 0; i < all.slots.length; i++) {
        const slot = all.slots[i];
        if (!test(slot)) continue;
        slots.push(slot);
        scores.push(all.scores[i]);
        columns.count(counts, slot);
      }
      return { slots, scores, counts };
    };
    const exact = passing(cached.exact);
    if (exact.slots.length > 0) return exact;
    cached.typo ??= visible((term) => (term.length >= typoMinLength ? 1 : false));
    return passing(cached.typo);
  }

  /**
   * The filters of a query as one test of a doc's slot (undefined: no filter), each value looked
   * up once: hits are filtered by reading the columns, the doc itself only for a field code.
   */
  private filterOf(audience: Audience, f: IndexFilters): ((slot: number) => boolean) | undefined {
    if (!hasFilters(f)) return undefined;
    const c = this.columns;
    const agencies = audience === 'agencies';
    const groupBits = c[audience].groupBits;
    const field = f.field;
    const fieldCode = field?.includes('.') ? field : undefined;
    const groupBit = field !== undefined && fieldCode === undefined ? this.groupBitsOf([field]) : 0;
    const minDegree = f.minDegree ? degreeRank(f.minDegree) : undefined;
    const title = f.title === undefined ? undefined : (this.titles.find(f.title) ?? -2);
    const locationKind =
      f.locationKind === undefined ? undefined : (this.codes.locationKind.find(f.locationKind) ?? -2);
    const country = f.country === undefined ? undefined : (this.codes.country.find(f.country) ?? -2);
    const native = f.native === undefined ? undefined : f.native ? 1 : 0;
    const { language, engagement } = f;
    const languageBit = language === undefined ? 0 : this.bits.language.bitOf(language);
    const engagementBit = engagement === undefined ? 0 : this.bits.engagement.bitOf(engagement);
    const held = (slot: number) => this.heldBySlot[slot] as Held;
    return (slot) => {
      if (field !== undefined) {
        if (fieldCode !== undefined) {
          if (!fieldsOf(held(slot).doc).some((x) => x.code === fieldCode)) return false;
        } else if (groupBit !== undefined) {
          if ((groupBits[slot] & groupBit) === 0) return false;
        } else if (!(agencies ? held(slot).agencyGroups : held(slot).directoryGroups).includes(field))
          return false;
      }
      if (!agencies) return true;
      if (minDegree !== undefined && c.degreeRank[slot] < minDegree) return false;
      if (title !== undefined && c.title[slot] !== title) return false;
      if (locationKind !== undefined && c.agencies.locationKind[slot] !== locationKind) return false;
      if (country !== undefined && c.agencies.country[slot] !== country) return false;
      if (native !== undefined && c.native[slot] !== native) return false;
      if (language !== undefined) {
        if (languageBit === undefined) {
          if (!held(slot).doc.summary?.languages.some((l) => l.code === language)) return false;
        } else if ((c.languageBits[slot] & languageBit) === 0) return false;
      }
      if (engagement !== undefined) {
        if (engagementBit === undefined) {
          if (!held(slot).doc.summary?.engagement.includes(engagement)) return false;
        } else if ((c.engagementBits[slot] & engagementBit) === 0) return false;
      }
      return true;
    };
  }

  /**
   * Field groups as the bits of their codes in the columns (`groupBits`): a group no doc has had
   * adds no bit (nothing matches it); undefined if one is past the codes with bits (never, with the
   * taxonomy's six groups), and then the caller reads each doc's groups.
   */
  private groupBitsOf(groups: Iterable<string>): number | undefined {
    let bits = 0;
    for (const group of groups) {
      const code = this.codes.fieldGroup.find(group);
      if (code === undefined) continue;
      const bit = bitOfCode(code);
      if (bit === undefined) return undefined;
      bits |= bit;
    }
    return bits;
  }

  /** Zero counts for one query's matches, one per facet value known. */
  private queryCounts(): Counts {
    const zeros = (name: FacetName) => new Int32Array(this.codes[name].values.length);
    return {
      fieldGroup: zeros('fieldGroup'),
      degree: zeros('degree'),
      locationKind: zeros('locationKind'),
      country: zeros('country'),
    };
  }

  private facetsOf(matches: readonly Held[], audience: Audience): SearchFacets {
    const counts = this.queryCounts();
    const columns = this.columns[audience];
    for (const h of matches) columns.count(counts, h.slot);
    return this.facetsFrom(counts);
  }

  private facetsFrom(counts: Counts): SearchFacets {
    const named = (name: FacetName): [string, number][] =>
      [...counts[name]].flatMap((n, code) =>
        n > 0 ? [[this.codes[name].values[code], n] as [string, number]] : [],
      );
    return {
      fieldGroup: Object.fromEntries(named('fieldGroup')),
      degree: Object.fromEntries(named('degree')),
      locationKind: Object.fromEntries(named('locationKind')),
      country: Object.fromEntries(
        named('country')
          .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
          .slice(0, topCountries),
      ),
    };
  }

  /**
   * The agencies' experts with a field in one of the groups of a demand's `fieldCodes` that
   * `score` scores (undefined: not a match), best score first, ties by id: for a demand
   * (matching.ts's `demandScorer`: its hard filters and points), `rankScoresForDemand`'s order over
   * `summaries()`, but cheaper for a first page, which is what a broad demand's first ask spends
   * (23,000 candidates at 50,000 profiles). The field groups are checked on the columns' bits
   * before `score` runs; `score` gets a one-shape copy of the summary (`matchViewOf`), its update
   * time already parsed and how its fields meet the demand's codes, read from the columns (the
   * fields were the scorer's first, slowest read); and the order is settled only as far as a page
   * asks (early pages pick their entries in one pass; a deep page sorts them all, once). A unit
   * test compares it with `rankScoresForDemand`.
   */
  rankInGroups(
    fieldCodes: readonly string[],
    score: (expert: ExpertSummary, updatedMs: number, fieldMatch?: FieldMatch) => number | undefined,
  ): Ranking {
    const scored: Ranked[] = [];
    const groups = new Set(fieldCodes.map(fieldGroupOf));
    const wanted = this.groupBitsOf(groups);
    // What makes a field match exact, as numbers: the groups the demand names whole, and a table of
    // the field codes it names. Without them (a code past the bits), the scorer reads the fields.
    const wholeGroups = this.groupBitsOf(fieldCodes.filter((code) => !code.includes('.')));
    const namedFields = new Uint8Array(this.fieldCodes.values.length);
    for (const code of fieldCodes) {
      const id = code.includes('.') ? this.fieldCodes.find(code) : undefined;
      if (id !== undefined) namedFields[id] = 1;
    }
    const { present, groupBits } = this.columns.agencies;
    const { fieldCodes: codesOf, fieldCount } = this.columns;
    for (let slot = 0; slot < this.columns.slots; slot++) {
      if (present[slot] !== 1) continue;
      let fieldMatch: FieldMatch | undefined;
      if (wanted === undefined) {
        if (!(this.heldBySlot[slot] as Held).agencyGroups.some((g) => groups.has(g))) continue;
      } else {
        const bits = groupBits[slot];
        if ((bits & wanted) === 0) continue;
        const count = fieldCount[slot];
        if (wholeGroups !== undefined && count !== wideFields) {
          let exact = (bits & wholeGroups) !== 0;
          for (let i = 0; i < count && !exact; i++)
            exact = namedFields[codesOf[slot * fieldsPerSlot + i]] === 1;
          fieldMatch = exact ? 'exact' : 'group';
        }
      }
      const view = this.viewBySlot[slot] as ExpertSummary;
      const points = score(view, this.columns.updatedMs[slot], fieldMatch);
      if (points !== undefined)
        scored.push({ summary: this.summaryBySlot[slot] as ExpertSummary, id: view.id, score: points });
    }
    let sorted: Ranked[] | undefined;
    const upTo = (end: number): readonly Ranked[] => {
      if (sorted) return sorted;
      if (end * 4 < scored.length) return firstInOrder(scored, end, byScoreThenId);
      sorted = [...scored].sort(byScoreThenId);
      return sorted;
    };
    return {
      length: scored.length,
      slice: (start, end) =>
        upTo(end)
          .slice(start, end)
          .map(({ summary, id, score }) => ({ expert: summary, id, score })),
    };
  }

  /** The summaries of the agencies' audience (the match candidates), in no particular order. */
  summaries(): ExpertSummary[] {
    const out: ExpertSummary[] = [];
    for (const { doc } of this.held.values()) if (doc.summary) out.push(doc.summary);
    return out;
  }
}

interface Ranked {
  summary: ExpertSummary;
  id: string;
  score: number;
}

/** A demand's matches, ordered as far as `slice` asks (see `rankForDemand`). */
export interface Ranking {
  readonly length: number;
  slice(start: number, end: number): { expert: ExpertSummary; score: number }[];
}

/** rankScoresForDemand's order: best score first, ties by id. */
const byScoreThenId = (a: Ranked, b: Ranked): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A text's hits in one audience (their slots), their scores (same positions) and their facet counts. */
interface TextHits {
  slots: number[];
  scores: number[];
  counts: Counts;
}

/**
 * A result whose order is settled only as far as a page needs: `slice(0, 20)` of 20,000 text
 * hits picks the first 20 in one pass (keeping the best 20 so far; few hits displace one) instead
 * of sorting them all. `ordered` is left untouched.
 */
function resultOf<T>(
  ordered: readonly T[],
  idOf: (item: T) => string,
  facets: SearchFacets,
  compare?: (a: T, b: T) => number,
): IndexResult {
  let sorted: T[] | undefined;
  const firstSorted = (end: number): readonly T[] => {
    if (!compare) return ordered;
    if (sorted && sorted.length >= Math.min(end, ordered.length)) return sorted;
    sorted = end * 4 >= ordered.length ? [...ordered].sort(compare) : firstInOrder(ordered, end, compare);
    return sorted;
  };
  return {
    total: ordered.length,
    slice: (start, end) => firstSorted(end).slice(start, end).map(idOf),
    get ids() {
      return firstSorted(ordered.length).map(idOf);
    },
    facets,
  };
}

/** The first `k` items of `items` in `compare` order, without sorting the rest. */
function firstInOrder<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best = items.slice(0, k).sort(compare);
  for (let i = k; i < items.length; i++) {
    const item = items[i];
    if (k === 0 || compare(item, best[k - 1]) >= 0) continue;
    let low = 0;
    let high = k - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(best[mid], item) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, item);
    best.pop();
  }
  return best;
}

/**
 * A summary's copy in one shape, with what matching reads and its codes as internalized strings
 * (compared by pointer): summaries differ in their optional parts (employer, city,
 * specializations), and a broad demand's scorer read 23,000 of them through property lookups over
 * many shapes.
 */
/**
 * A function giving the internalized instance of a string (V8 compares two internalized strings
 * by pointer), looked up in its own table so that each distinct code is internalized once: a
 * profile's codes parsed from the snapshot are separate strings, each compared by content.
 */
function internalizer(): <T extends string>(value: T) => T {
  const known = new Map<string, string>();
  return <T extends string>(value: T): T => {
    let found = known.get(value);
    if (found === undefined) {
      // A property key is internalized; reading it back gives that instance.
      found = Object.keys({ [value]: 0 })[0] as string;
      known.set(found, found);
    }
    return found as T;
  };
}

const matchViewOf = (s: ExpertSummary, internal: <T extends string>(value: T) => T): ExpertSummary => ({
  id: s.id,
  fullName: s.fullName,
  highestDegree: internal(s.highestDegree),
  academicTitle: internal(s.academicTitle),
  fields: s.fields.map((f) => ({ code: internal(f.code) })),
  location: { kind: internal(s.location.kind), country: internal(s.location.country) },
  nativeOfProvince: s.nativeOfProvince,
  yearsExperience: s.yearsExperience,
  languages: s.languages.map((l) => ({ code: internal(l.code), level: internal(l.level) })),
  engagement: s.engagement.map(internal),
  updatedAt: s.updatedAt,
});

const orderOf = (key: `${Audience}:${Order}`): Order => key.split(':')[1] as Order;
const audienceOf = (key: `${Audience}:${Order}`): Audience => key.split(':')[0] as Audience;
