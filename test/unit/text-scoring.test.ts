/**
 * TextScoring (the index's own scoring of a text over MiniSearch's index) against MiniSearch's
 * `executeQuery`, the first step of its public `search()`: the same hits with the same scores,
 * to the last bit, for one word or several, prefixes and typos, after docs come and go.
 */
import fc from 'fast-check';
import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { type Fuzzy, TextScoring } from '#shared/domain/text-scoring';

interface Doc {
  id: string;
  name: string;
  topic: string;
}

const words = ['nguyen', 'nguyet', 'van', 'vang', 'an', 'anh', 'thiet', 'ke', 'may', 'khoa', 'khoai'];
const boost = { name: 4, topic: 2 };
const fields = ['name', 'topic'];
const typo: Fuzzy = (term) => (term.length >= 5 ? 1 : false);

/** What search() scores: executeQuery's score times the number of distinct words a hit matched. */
function expected(search: MiniSearch<Doc>, text: string, fuzzy: Fuzzy): Map<number, number> {
  const query: Query = {
    combineWith: 'OR',
    queries: fields.map((field) => ({
      queries: [text],
      fields: [field],
      combineWith: 'AND' as const,
      prefix: true,
      fuzzy,
    })),
  };
  const engine = search as unknown as {
    executeQuery(q: Query, o: object): Map<number, { score: number; terms: string[] }>;
  };
  const out = new Map<number, number>();
  for (const [id, { score, terms }] of engine.executeQuery(query, { boost }))
    out.set(id, score * (terms.length || 1));
  return out;
}

const arbitraryText = fc
  .array(fc.constantFrom(...words, 'ngu', 'nguyem', 'khoaa', 'zz'), { minLength: 1, maxLength: 3 })
  .map((ws) => ws.join(' '));
const arbitraryDoc = fc.record({
  name: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
  topic: fc.array(fc.constantFrom(...words), { maxLength: 5 }).map((ws) => ws.join(' ')),
});

describe('the text scoring over MiniSearch', () => {
  it('scores every hit as executeQuery does, to the last bit, before and after docs come and go', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryDoc, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.option(arbitraryDoc)), { maxLength: 20 }),
        fc.array(arbitraryText, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (initial, changes, texts, fuzzy) => {
          const search = new MiniSearch<Doc>({ fields, storeFields: [] });
          const scoring = TextScoring.of(search);
          expect(scoring).toBeDefined();
          if (!scoring) return;
          const shortIdOf = (id: string) =>
            (search as unknown as { _idToShortId: Map<string, number> })._idToShortId.get(id);
          const add = (doc: Doc) => {
            search.add(doc);
            scoring.added(shortIdOf(doc.id) as number);
          };
          initial.forEach((d, i) => {
            add({ id: `d${i}`, ...d });
          });
          changes.forEach(([n, next], k) => {
            const id = `d${n % (initial.length + 3)}`;
            const shortId = shortIdOf(id);
            if (shortId !== undefined) {
              search.discard(id);
              scoring.discardedId(shortId);
            }
            if (next) add({ id: k % 2 ? id : `${id}-${k}`, ...next });
          });
          const ask = (text: string) => {
            const got = scoring.score(text, fields, boost, fuzzy ? typo : false);
            return new Map(got?.ids.map((id, i) => [id, got.scores[i]]));
          };
          // Before a vacuum, the same hits (executeQuery may count discarded docs in a word's
          // document frequency); after it, the same scores too.
          for (const text of texts)
            expect([...ask(text).keys()].sort()).toEqual(
              [...expected(search, text, fuzzy ? typo : false).keys()].sort(),
            );
          await search.vacuum();
          for (const text of texts) expect(ask(text)).toEqual(expected(search, text, fuzzy ? typo : false));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scores a freshly built index exactly as executeQuery does, ranks included', () => {
    fc.assert(
      fc.property(fc.array(arbitraryDoc, { minLength: 1, maxLength: 60 }), arbitraryText, (docs, text) => {
        const search = new MiniSearch<Doc>({ fields, storeFields: [] });
        search.addAll(docs.map((d, i) => ({ id: `d${i}`, ...d })));
        const scoring = TextScoring.of(search) as TextScoring;
        for (let i = 0; i < docs.length; i++) scoring.added(i);
        const got = scoring.score(text, fields, boost, false);
        expect(new Map(got?.ids.map((id, i) => [id, got.scores[i]]))).toEqual(expected(search, text, false));
      }),
      { numRuns: 150 },
    );
  });

  it('scores exactly after more docs are discarded than it keeps a list of', async () => {
    const search = new MiniSearch<Doc>({ fields, storeFields: [] });
    const scoring = TextScoring.of(search) as TextScoring;
    const docs = Array.from({ length: 1500 }, (_, i) => ({
      id: `d${i}`,
      name: `${words[i % words.length]} ${words[(i * 7) % words.length]}`,
      topic: words[(i * 3) % words.length],
    }));
    search.addAll(docs);
    for (let i = 0; i < docs.length; i++) scoring.added(i);
    for (let i = 0; i < 1200; i++) {
      search.discard(`d${i}`);
      scoring.discardedId(i);
    }
    // Scored while the discarded docs' postings are still in MiniSearch's tree: they must not
    // count, so the scores equal executeQuery's once a vacuum has removed them.
    const texts = ['nguyen', 'van an', 'khoa thiet'];
    const before = texts.map((text) => {
      const got = scoring.score(text, fields, boost, false);
      return new Map(got?.ids.map((id, i) => [id, got.scores[i]]));
    });
    await search.vacuum();
    texts.forEach((text, i) => {
      expect(before[i]).toEqual(expected(search, text, false));
    });
  });

  it('leaves a text of more than thirty words to the public search()', () => {
    const search = new MiniSearch<Doc>({ fields, storeFields: [] });
    const scoring = TextScoring.of(search) as TextScoring;
    expect(scoring.score(Array(31).fill('an').join(' '), fields, boost, false)).toBeUndefined();
    expect(scoring.score(Array(30).fill('an').join(' '), fields, boost, false)).toEqual({
      ids: [],
      scores: [],
    });
  });

  it('gives undefined for a MiniSearch without the internals it reads', () => {
    const search = new MiniSearch<Doc>({ fields, storeFields: [] });
    Object.defineProperty(search, '_index', { value: undefined });
    expect(TextScoring.of(search)).toBeUndefined();
  });
});
