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
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import { type DirectoryEntry, degreeRank, type ExpertSummary } from './expert.ts';
import { fieldGroupOf } from './taxonomy.ts';
import { foldVietnamese } from './text.ts';

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
  /** Every matching id, in the order asked for. */
  ids: string[];
  facets: SearchFacets;
}

export const topCountries = 10;
/** A word of at least this many letters may carry one typo. */
export const typoMinLength = 6;

/** Relevance: a word in the name counts most, then the specialization, then the employer. */
const fieldBoosts = { name: 4, topic: 2, employer: 1 } as const;
type IndexedField = keyof typeof fieldBoosts;
const indexedFields = Object.keys(fieldBoosts) as IndexedField[];
const directoryFields: IndexedField[] = ['name', 'topic'];

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

export class ExpertIndex {
  private readonly docs = new Map<string, SearchDoc>();
  /** Versions of experts removed by a change, so an older change replayed later cannot revive them. */
  private readonly removedAt = new Map<string, number>();
  /** Folded names, computed once per doc for sorting. */
  private readonly sortNames = new Map<string, string>();
  private readonly search: MiniSearch<SearchDoc>;

  private constructor(search: MiniSearch<SearchDoc>, docs: readonly SearchDoc[]) {
    this.search = search;
    for (const doc of docs) this.remember(doc);
  }

  static build(docs: readonly SearchDoc[]): ExpertIndex {
    const search = new MiniSearch<SearchDoc>(miniSearchOptions);
    search.addAll(docs);
    return new ExpertIndex(search, docs);
  }

  /** An index from `serialise()`; the docs travel beside it. */
  static load(serialised: { index: string; docs: SearchDoc[] }): ExpertIndex {
    return new ExpertIndex(MiniSearch.loadJSON(serialised.index, miniSearchOptions), serialised.docs);
  }

  serialise(): { index: string; docs: SearchDoc[] } {
    return { index: JSON.stringify(this.search), docs: [...this.docs.values()] };
  }

  get size(): number {
    return this.docs.size;
  }

  get(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  /**
   * Applies one change if it is newer than what the index holds (the change log is read with an
   * overlap, so a change may come twice; a removal wins over a doc of the same version).
   */
  apply(change: SearchChange): boolean {
    const held = this.docs.get(change.id)?.version ?? this.removedAt.get(change.id);
    if (change.doc === null) {
      if (held !== undefined && held > change.version) return false;
      this.remove(change.id);
      this.removedAt.set(change.id, change.version);
      return true;
    }
    if (held !== undefined && held >= change.version) return false;
    this.remove(change.id);
    this.removedAt.delete(change.id);
    this.search.add(change.doc);
    this.remember(change.doc);
    return true;
  }

  /** Drops an expert the table no longer lists (found while confirming a page). */
  forget(id: string): void {
    const version = this.docs.get(id)?.version;
    this.remove(id);
    if (version !== undefined) this.removedAt.set(id, version);
  }

  private remove(id: string): void {
    if (!this.docs.has(id)) return;
    this.search.discard(id);
    this.docs.delete(id);
    this.sortNames.delete(id);
  }

  private remember(doc: SearchDoc): void {
    this.docs.set(doc.id, doc);
    this.sortNames.set(doc.id, foldVietnamese(nameOf(doc)));
  }

  /** The experts of one audience that match the query and filters, in order, with facet counts. */
  query(audience: Audience, query: IndexQuery): IndexResult {
    const visible = (doc: SearchDoc | undefined): doc is SearchDoc =>
      doc !== undefined &&
      (audience === 'agencies' ? doc.summary !== undefined : doc.entry !== undefined) &&
      passesFilters(doc, audience, query);

    const text = query.q?.trim() ?? '';
    let ids: string[];
    if (foldVietnamese(text)) {
      const hits = this.textHits(text, audience, (id) => visible(this.docs.get(id)));
      ids = hits.map((h) => h.id);
      if (query.sort === 'name' || query.sort === 'updated') ids = this.sorted(ids, query.sort);
    } else {
      ids = this.sorted(
        [...this.docs.values()].filter(visible).map((d) => d.id),
        query.sort === 'updated' ? 'updated' : 'name',
      );
    }
    return {
      ids,
      facets: facetsOf(
        ids.map((id) => this.docs.get(id) as SearchDoc),
        audience,
      ),
    };
  }

  /**
   * Every word must match in one and the same field ("nguyen van an" finds the name Nguyễn Văn
   * An, not a Nguyễn at the Phạm Văn Đồng university working on "an toàn"), each word may be the
   * start of a word; if nothing matches, words of six letters or more may carry one typo. Best
   * score first, then the most recently updated.
   */
  private textHits(text: string, audience: Audience, filter: (id: string) => boolean) {
    const inOneField = (fuzzy: SearchOptions['fuzzy']): Query => ({
      combineWith: 'OR',
      queries: (audience === 'agencies' ? indexedFields : directoryFields).map((field) => ({
        queries: [text],
        fields: [field],
        combineWith: 'AND' as const,
        prefix: true,
        fuzzy,
      })),
    });
    const options: SearchOptions = { boost: fieldBoosts, filter: (result) => filter(String(result.id)) };
    let hits = this.search.search(inOneField(false), options);
    if (hits.length === 0) {
      hits = this.search.search(
        inOneField((term) => (term.length >= typoMinLength ? 1 : false)),
        options,
      );
    }
    // Equal relevance (namesakes): the most recently updated profile first, as HR expects.
    return hits
      .map((h) => ({ id: String(h.id), score: h.score }))
      .sort((a, b) => b.score - a.score || this.byUpdated(a.id, b.id));
  }

  /** Folded names are plain lower-case ASCII letters: compared as strings, not by locale (50k × log). */
  private byName = (a: string, b: string): number => {
    const x = this.sortNames.get(a) ?? '';
    const y = this.sortNames.get(b) ?? '';
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };

  private updatedOf = (id: string): string => {
    const doc = this.docs.get(id);
    return doc?.summary?.updatedAt ?? doc?.entry?.updatedAt ?? '';
  };

  private byUpdated = (a: string, b: string): number => {
    const x = this.updatedOf(a);
    const y = this.updatedOf(b);
    return x > y ? -1 : x < y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };

  private sorted(ids: string[], sort: 'name' | 'updated'): string[] {
    return ids.sort(sort === 'name' ? this.byName : this.byUpdated);
  }

  /** The summaries of the agencies' audience (the match candidates), in no particular order. */
  summaries(): ExpertSummary[] {
    const out: ExpertSummary[] = [];
    for (const doc of this.docs.values()) if (doc.summary) out.push(doc.summary);
    return out;
  }
}

function passesFilters(doc: SearchDoc, audience: Audience, f: IndexFilters): boolean {
  if (f.field) {
    const codes = fieldsOf(doc).map((x) => x.code);
    const matches = f.field.includes('.')
      ? codes.includes(f.field)
      : codes.some((code) => fieldGroupOf(code) === f.field);
    if (!matches) return false;
  }
  if (audience === 'directory') return true;
  const s = doc.summary as ExpertSummary;
  if (f.minDegree && degreeRank(s.highestDegree) < degreeRank(f.minDegree)) return false;
  if (f.title && s.academicTitle !== f.title) return false;
  if (f.locationKind && s.location.kind !== f.locationKind) return false;
  if (f.country && s.location.country !== f.country) return false;
  if (f.native !== undefined && s.nativeOfProvince !== f.native) return false;
  if (f.language && !s.languages.some((l) => l.code === f.language)) return false;
  if (f.engagement && !s.engagement.includes(f.engagement)) return false;
  return true;
}

function facetsOf(docs: readonly SearchDoc[], audience: Audience): SearchFacets {
  const facets: SearchFacets = { fieldGroup: {}, degree: {}, locationKind: {}, country: {} };
  const add = (counts: FacetCounts, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const doc of docs) {
    const shown = audience === 'agencies' ? doc.summary : doc.entry;
    if (!shown) continue;
    for (const group of new Set(shown.fields.map((f) => fieldGroupOf(f.code)))) add(facets.fieldGroup, group);
    add(facets.degree, shown.highestDegree);
    if (doc.summary && audience === 'agencies') {
      add(facets.locationKind, doc.summary.location.kind);
      add(facets.country, doc.summary.location.country);
    } else if (doc.entry) {
      add(facets.country, doc.entry.country);
    }
  }
  facets.country = Object.fromEntries(
    Object.entries(facets.country)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, topCountries),
  );
  return facets;
}
