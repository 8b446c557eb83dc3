/**
 * What the expert index filters and counts on, for every doc it holds, in typed arrays by the
 * doc's slot (a small integer, reused after a doc leaves): audience membership, facet codes,
 * the agencies' filter values, the update time. A query over the ~15,000 hits of a frequent name
 * at 50,000 profiles filters and counts them by reading these arrays instead of following each
 * hit's objects (doc, summary, location, arrays) scattered over a 120 MB heap: ~0.2 µs a hit then.
 *
 * Pure and private to the index (expert-index.ts), which gives each doc's values as it arrives.
 */
export type ColumnAudience = 'agencies' | 'directory';

/** One audience's facets of a doc as small integer codes (the index's `FacetCodes`). */
export interface SlotFacets {
  groups: readonly number[];
  degree: number;
  /** -1 where the audience sees no location kind (the directory). */
  locationKind: number;
  country: number;
}

/** What one doc puts in its slot. */
export interface SlotValues {
  facets: Partial<Record<ColumnAudience, SlotFacets>>;
  /** The agencies' values (a doc without a summary: -1 and zeros). */
  degreeRank: number;
  title: number;
  native: boolean;
  languageBits: number;
  engagementBits: number;
  updatedMs: number;
  /** The agencies' summary's field codes as small integers (the index's codes of field codes). */
  fieldCodes: readonly number[];
}

/** Field codes kept per slot; a doc with more is marked `wideFields` (read its summary). */
export const fieldsPerSlot = 4;
/** `fieldCount` of a doc with more than `fieldsPerSlot` field codes. */
export const wideFields = 255;

/** Counts per facet, indexed by code. */
export interface FacetCountArrays {
  fieldGroup: number[] | Int32Array;
  degree: number[] | Int32Array;
  locationKind: number[] | Int32Array;
  country: number[] | Int32Array;
}

/** Codes from this one on get no bit: a group filter or count on them reads the doc's facets. */
export const maxBitCode = 30;

/** A code's bit, or undefined past `maxBitCode`. */
export const bitOfCode = (code: number): number | undefined => (code < maxBitCode ? 2 ** code : undefined);

class AudienceColumns {
  present = new Uint8Array(0);
  degree = new Int32Array(0);
  locationKind = new Int32Array(0);
  country = new Int32Array(0);
  /** The doc's field groups as bits of their codes (codes below `maxBitCode`). */
  groupBits = new Int32Array(0);
  /** 1 where the doc has a group code past `maxBitCode` (read from `facets`). */
  wideGroups = new Uint8Array(0);
  facets: (SlotFacets | undefined)[] = [];

  grow(capacity: number): void {
    this.present = grown(this.present, capacity);
    this.degree = grown(this.degree, capacity);
    this.locationKind = grown(this.locationKind, capacity);
    this.country = grown(this.country, capacity);
    this.groupBits = grown(this.groupBits, capacity);
    this.wideGroups = grown(this.wideGroups, capacity);
  }

  put(slot: number, f: SlotFacets | undefined): void {
    this.facets[slot] = f;
    this.present[slot] = f ? 1 : 0;
    if (!f) return;
    this.degree[slot] = f.degree;
    this.locationKind[slot] = f.locationKind;
    this.country[slot] = f.country;
    let bits = 0;
    let wide = 0;
    for (const code of f.groups) {
      const bit = bitOfCode(code);
      if (bit === undefined) wide = 1;
      else bits |= bit;
    }
    this.groupBits[slot] = bits;
    this.wideGroups[slot] = wide;
  }

  /** Adds one doc's facets to `counts`. */
  count(counts: FacetCountArrays, slot: number): void {
    let bits = this.groupBits[slot];
    while (bits !== 0) {
      const low = bits & -bits;
      const code = 31 - Math.clz32(low);
      counts.fieldGroup[code] = (counts.fieldGroup[code] ?? 0) + 1;
      bits ^= low;
    }
    if (this.wideGroups[slot] === 1)
      for (const code of this.facets[slot]?.groups ?? [])
        if (code >= maxBitCode) counts.fieldGroup[code] = (counts.fieldGroup[code] ?? 0) + 1;
    const degree = this.degree[slot];
    counts.degree[degree] = (counts.degree[degree] ?? 0) + 1;
    const kind = this.locationKind[slot];
    if (kind >= 0) counts.locationKind[kind] = (counts.locationKind[kind] ?? 0) + 1;
    const country = this.country[slot];
    counts.country[country] = (counts.country[country] ?? 0) + 1;
  }
}

function grown<T extends Uint8Array | Int8Array | Int32Array | Float64Array>(a: T, capacity: number): T {
  if (capacity <= a.length) return a;
  const bigger = new (a.constructor as new (n: number) => T)(capacity);
  bigger.set(a);
  return bigger;
}

export class IndexColumns {
  readonly agencies = new AudienceColumns();
  readonly directory = new AudienceColumns();
  degreeRank = new Int8Array(0);
  title = new Int32Array(0);
  native = new Uint8Array(0);
  languageBits = new Int32Array(0);
  engagementBits = new Int32Array(0);
  updatedMs = new Float64Array(0);
  /** The agencies' field codes, `fieldsPerSlot` entries a slot, and how many (or `wideFields`). */
  fieldCodes = new Int32Array(0);
  fieldCount = new Uint8Array(0);
  /** One past the highest slot in use. */
  private end = 0;
  private readonly free: number[] = [];

  /** How many slots there are (in use or free): loops over every doc go up to it. */
  get slots(): number {
    return this.end;
  }

  /** A slot for a doc's values. */
  put(values: SlotValues): number {
    const slot = this.free.pop() ?? this.end++;
    if (slot >= this.updatedMs.length) this.grow(Math.max(1024, Math.ceil(this.end * 1.5)));
    this.agencies.put(slot, values.facets.agencies);
    this.directory.put(slot, values.facets.directory);
    this.degreeRank[slot] = values.degreeRank;
    this.title[slot] = values.title;
    this.native[slot] = values.native ? 1 : 0;
    this.languageBits[slot] = values.languageBits;
    this.engagementBits[slot] = values.engagementBits;
    this.updatedMs[slot] = values.updatedMs;
    const codes = values.fieldCodes;
    this.fieldCount[slot] = codes.length > fieldsPerSlot ? wideFields : codes.length;
    for (let i = 0; i < Math.min(codes.length, fieldsPerSlot); i++)
      this.fieldCodes[slot * fieldsPerSlot + i] = codes[i];
    return slot;
  }

  /** Frees a doc's slot (it is in no audience until reused). */
  drop(slot: number): void {
    this.agencies.put(slot, undefined);
    this.directory.put(slot, undefined);
    this.free.push(slot);
  }

  private grow(capacity: number): void {
    this.agencies.grow(capacity);
    this.directory.grow(capacity);
    this.degreeRank = grown(this.degreeRank, capacity);
    this.title = grown(this.title, capacity);
    this.native = grown(this.native, capacity);
    this.languageBits = grown(this.languageBits, capacity);
    this.engagementBits = grown(this.engagementBits, capacity);
    this.updatedMs = grown(this.updatedMs, capacity);
    this.fieldCodes = grown(this.fieldCodes, capacity * fieldsPerSlot);
    this.fieldCount = grown(this.fieldCount, capacity);
  }
}
