/**
 * MiniSearch's own scoring of the one query shape the expert index asks (every word of the text,
 * each also as the start of longer words and optionally with a typo, in one and the same field;
 * the fields OR-ed), computed over MiniSearch's index into reusable typed arrays instead of the
 * objects `executeQuery` builds: for every posting of every word it makes a result object with an
 * array of terms and a map of matched fields, then intersects and unites those maps. A frequent
 * word at 50,000 profiles has ~15,000 postings per field and a three-word name ~50,000: the objects
 * were most of a first ask (`q=nguyen van an` ~20 ms). This computes the same numbers, in the same
 * order of additions, so the scores are equal to the last bit; a unit test compares them with
 * `executeQuery` and with the public `search()`.
 *
 * It reads MiniSearch 7.2.0's internals (pinned in package.json): the radix tree of terms
 * (`_index`: `get`, `atPrefix`, `fuzzyGet`), field ids, field lengths, the average field lengths, the
 * document count and the options' tokenizer, term processor, weights and BM25 parameters. Where
 * any of them is missing (another version), `TextScoring.of` gives undefined and the index asks
 * MiniSearch's public `search()`.
 *
 * One difference, by design: a discarded document's postings stay in MiniSearch's tree until it
 * vacuums, and `executeQuery` counts them in a term's document frequency for the documents it
 * scores before meeting them (then deletes them). Here they never count, as in a freshly built
 * index of the same documents.
 */
import type MiniSearch from 'minisearch';

/** A term's postings: field id → (short document id → term frequency). */
type FieldTermData = Map<number, Map<number, number>>;

interface Internals {
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _options: {
    tokenize(text: string): string[];
    processTerm(term: string): string | string[] | null | undefined | false;
    searchOptions: {
      maxFuzzy: number;
      weights: { fuzzy: number; prefix: number };
      bm25: { k: number; b: number; d: number };
    };
  };
}

/** How far a word may be from a term: MiniSearch's `fuzzy` search option, per word. */
export type Fuzzy = false | ((term: string) => number | boolean);

/** The docs a text matches, by MiniSearch's short id, with their scores (as `search()` gives them). */
export interface ScoredIds {
  ids: number[];
  scores: number[];
}

/** Discarded short ids kept for `liveCount`'s shortcut (see `discardedId`). */
const maxDiscardedKept = 1024;

/** More words than this: the public `search()` answers (the bits of one 32-bit mask per word). */
const maxWords = 30;

const hasInternals = (engine: Partial<Internals>): engine is Internals => {
  const index = engine._index as Partial<Internals['_index']> | undefined;
  const options = engine._options as Partial<Internals['_options']> | undefined;
  return (
    typeof index?.get === 'function' &&
    typeof index.atPrefix === 'function' &&
    typeof index.fuzzyGet === 'function' &&
    typeof engine._fieldIds === 'object' &&
    engine._fieldLength instanceof Map &&
    Array.isArray(engine._avgFieldLength) &&
    typeof engine._documentCount === 'number' &&
    typeof engine._nextId === 'number' &&
    typeof engine._dirtCount === 'number' &&
    typeof options?.tokenize === 'function' &&
    typeof options.processTerm === 'function' &&
    typeof options.searchOptions?.maxFuzzy === 'number' &&
    typeof options.searchOptions.weights?.prefix === 'number' &&
    typeof options.searchOptions.weights.fuzzy === 'number' &&
    typeof options.searchOptions.bm25?.k === 'number'
  );
};

export class TextScoring {
  /** 1 where MiniSearch holds the short id (its `_documentIds`), as a typed array. */
  private alive = new Uint8Array(0);
  /** Each field's length per short id (MiniSearch's `_fieldLength`, column by column). */
  private lengths: Float64Array[] = [];
  /** Short ids discarded here; undefined: unknown (a loaded index with discarded postings). */
  private discarded: number[] | undefined = [];
  /** Per word: its score in the current field, by short id (zero between queries). */
  private sums: Float64Array[] = [];
  /** Bit i: word i matched the doc in the current field (zero between queries). */
  private masks = new Uint32Array(0);
  /** The score over the fields so far, by short id, and whether it has one (zero between queries). */
  private total = new Float64Array(0);
  private inTotal = new Uint8Array(0);

  private constructor(private readonly engine: Internals) {
    if (engine._dirtCount > 0) this.discarded = undefined;
  }

  /** The scoring of `search`'s index, or undefined where MiniSearch's internals are not as expected. */
  static of(search: MiniSearch<never> | MiniSearch<unknown>): TextScoring | undefined {
    const engine = search as unknown as Partial<Internals>;
    return hasInternals(engine) ? new TextScoring(engine) : undefined;
  }

  /** MiniSearch has just added the doc with this short id. */
  added(shortId: number): void {
    this.fit(shortId + 1);
    this.alive[shortId] = 1;
    const lengths = this.engine._fieldLength.get(shortId) ?? [];
    for (let field = 0; field < this.lengths.length; field++)
      this.lengths[field][shortId] = lengths[field] ?? 0;
  }

  /** MiniSearch has just discarded the doc with this short id (its postings stay until a vacuum). */
  discardedId(shortId: number): void {
    if (shortId < this.alive.length) this.alive[shortId] = 0;
    this.discarded?.push(shortId);
    // Past this many, checking each against a posting costs more than counting the posting's live
    // docs (which `liveCount` then does): the list is dropped rather than kept growing.
    if (this.discarded && this.discarded.length > maxDiscardedKept) this.discarded = undefined;
  }

  /**
   * The docs where every word of `text` (a word: itself, a longer term it starts, or within
   * `fuzzy`'s distance) occurs in one of `fields`, scored as MiniSearch's `search()` scores the
   * query `{ combineWith: 'OR', queries: fields.map((field) => ({ queries: [text], fields: [field],
   * combineWith: 'AND', prefix: true, fuzzy })) }` with `boost`; undefined for a text of more words
   * than the scoring takes (ask `search()`).
   */
  score(
    text: string,
    fields: readonly string[],
    boost: Readonly<Record<string, number>>,
    fuzzy: Fuzzy,
  ): ScoredIds | undefined {
    const { tokenize, processTerm, searchOptions } = this.engine._options;
    const words = tokenize(text)
      .flatMap((token) => processTerm(token))
      .filter((word): word is string => !!word);
    if (words.length > maxWords) return undefined;
    const out: ScoredIds = { ids: [], scores: [] };
    if (words.length === 0) return out;
    this.fit(this.engine._nextId);
    const expansions = words.map((word) => this.expansionsOf(word, fuzzy, searchOptions));
    const { k, b, d } = searchOptions.bm25;
    const count = this.engine._documentCount;
    const { alive, masks, total, inTotal } = this;
    const sums = this.sumsFor(words.length);
    const full = 2 ** words.length - 1;
    const united: number[] = [];
    for (const field of fields) {
      const fieldId = this.engine._fieldIds[field];
      const lengths = this.lengths[fieldId];
      const average = this.engine._avgFieldLength[fieldId];
      const fieldBoost = boost[field] || 1;
      const touched: number[] = [];
      for (let i = 0; i < words.length; i++) {
        const sum = sums[i];
        const before = 2 ** i - 1;
        const bit = 2 ** i;
        for (const [termWeight, data] of expansions[i]) {
          const postings = data.get(fieldId);
          if (!postings) continue;
          const matching = this.liveCount(postings);
          const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
          const weight = termWeight * fieldBoost;
          // forEach: iterating the entries would make an array per posting.
          postings.forEach((termFreq, id) => {
            if (alive[id] !== 1) return;
            const mask = masks[id];
            // A doc without an earlier word in this field is not a hit of it (AND).
            if ((mask & before) !== before) return;
            if (mask === 0) touched.push(id);
            const raw =
              idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * lengths[id]) / average)));
            sum[id] += weight * raw;
            masks[id] = mask | bit;
          });
        }
      }
      for (const id of touched) {
        if (masks[id] === full) {
          let score = sums[0][id];
          for (let i = 1; i < words.length; i++) score = score + sums[i][id];
          if (inTotal[id] === 1) total[id] = total[id] + score;
          else {
            total[id] = score;
            inTotal[id] = 1;
            united.push(id);
          }
        }
        masks[id] = 0;
        for (let i = 0; i < words.length; i++) sums[i][id] = 0;
      }
    }
    // search() multiplies by the number of distinct query terms a hit matched: here, all of them.
    const quality = new Set(words).size;
    for (const id of united) {
      out.ids.push(id);
      out.scores.push(total[id] * quality);
      inTotal[id] = 0;
      total[id] = 0;
    }
    return out;
  }

  /** A word's terms with their weights, as `executeQuerySpec` takes them: itself, longer terms, typos. */
  private expansionsOf(
    word: string,
    fuzzy: Fuzzy,
    options: Internals['_options']['searchOptions'],
  ): [number, FieldTermData][] {
    const index = this.engine._index;
    const out: [number, FieldTermData][] = [];
    const exact = index.get(word);
    if (exact) out.push([1, exact]);
    const fuzziness = fuzzy ? fuzzy(word) : false;
    let typos: Map<string, [FieldTermData, number]> | undefined;
    if (fuzziness) {
      const f = fuzziness === true ? 0.2 : fuzziness;
      const maxDistance = f < 1 ? Math.min(options.maxFuzzy, Math.round(word.length * f)) : f;
      if (maxDistance) typos = index.fuzzyGet(word, maxDistance);
    }
    for (const [term, data] of index.atPrefix(word)) {
      const distance = term.length - word.length;
      if (!distance) continue;
      typos?.delete(term);
      out.push([(options.weights.prefix * term.length) / (term.length + 0.3 * distance), data]);
    }
    if (typos)
      for (const [term, [data, distance]] of typos) {
        if (!distance) continue;
        out.push([(options.weights.fuzzy * term.length) / (term.length + distance), data]);
      }
    return out;
  }

  /** How many of the postings' docs MiniSearch still holds. */
  private liveCount(postings: Map<number, number>): number {
    const discarded = this.discarded;
    if (discarded && discarded.length * 4 < postings.size) {
      let live = postings.size;
      for (const id of discarded) if (postings.has(id)) live -= 1;
      return live;
    }
    let live = 0;
    for (const id of postings.keys()) if (this.alive[id] === 1) live += 1;
    return live;
  }

  private sumsFor(words: number): Float64Array[] {
    while (this.sums.length < words) this.sums.push(new Float64Array(this.alive.length));
    return this.sums;
  }

  /** Grows every array to hold short ids below `size`. */
  private fit(size: number): void {
    const fields = Object.keys(this.engine._fieldIds).length;
    while (this.lengths.length < fields) this.lengths.push(new Float64Array(this.alive.length));
    if (size <= this.alive.length) return;
    const capacity = Math.max(size, Math.ceil(this.alive.length * 1.5), 1024);
    const grow = <T extends Float64Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(a);
      return bigger;
    };
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.lengths = this.lengths.map((a) => grow(a, (n) => new Float64Array(n)));
    this.sums = this.sums.map((a) => grow(a, (n) => new Float64Array(n)));
    this.masks = grow(this.masks, (n) => new Uint32Array(n));
    this.total = grow(this.total, (n) => new Float64Array(n));
    this.inTotal = grow(this.inTotal, (n) => new Uint8Array(n));
  }
}
