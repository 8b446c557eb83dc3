/** The search read model's in-memory index: folding, prefixes, typos, filters, facets and order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpertSummary } from '#shared/domain/expert';
import { ExpertIndex, type IndexQuery, type SearchDoc } from '#shared/domain/expert-index';
import {
  decodeOffsetCursor,
  encodeOffsetCursor,
  pageOf,
  queryFingerprint,
} from '#shared/domain/expert-search';
import { demandScorer, type MatchDemand, rankScoresForDemand } from '#shared/domain/matching';

let next = 0;
function doc(
  fullName: string,
  over: Partial<ExpertSummary> = {},
  audiences: { agencies?: boolean; directory?: boolean } = { agencies: true },
): SearchDoc {
  next += 1;
  const id = `e${String(next).padStart(4, '0')}`;
  const summary: ExpertSummary = {
    id,
    fullName,
    highestDegree: 'master',
    academicTitle: 'none',
    fields: [{ code: '2.3', specialization: 'Thiết kế máy' }],
    location: { kind: 'in_province', country: 'VN' },
    nativeOfProvince: true,
    employer: { name: 'Công ty Cơ khí Dung Quất', sector: 'enterprise' },
    yearsExperience: 5,
    languages: [{ code: 'en', level: 'B2' }],
    engagement: ['full_time'],
    updatedAt: `2026-0${(next % 9) + 1}-01T00:00:00.000Z`,
    ...over,
  };
  return {
    id,
    version: 1,
    ...(audiences.agencies !== false ? { summary } : {}),
    ...(audiences.directory
      ? {
          entry: {
            id,
            fullName,
            highestDegree: summary.highestDegree,
            academicTitle: summary.academicTitle,
            fields: summary.fields,
            country: summary.location.country,
            updatedAt: summary.updatedAt,
          },
        }
      : {}),
  };
}

const names = (index: ExpertIndex, ids: string[]) => ids.map((id) => index.get(id)?.summary?.fullName);

describe('the expert index', () => {
  const an = doc('Nguyễn Văn An', {
    highestDegree: 'doctorate',
    location: { kind: 'overseas', country: 'JP' },
  });
  const dung = doc('Đặng Thị Dung', { fields: [{ code: '3.2', specialization: 'Tim mạch' }] });
  const anh = doc('Nguyễn Văn Anh', { fields: [{ code: '1.1', specialization: 'Toán ứng dụng' }] });
  const employee = doc('Trần Bình', {
    employer: { name: 'Trường Đại học Phạm Văn Đồng' },
    fields: [{ code: '2.3', specialization: 'An toàn lao động' }],
  });
  const publicOnly = doc('Lê Văn Đức', {}, { agencies: false, directory: true });
  const index = ExpertIndex.build([an, dung, anh, employee, publicOnly]);

  it('ignores tones, vowel marks, case and folds đ/Đ to d', () => {
    expect(index.query('agencies', { q: 'nguyen van an' }).ids[0]).toBe(an.id);
    expect(index.query('agencies', { q: 'NGUYỄN VĂN AN' }).ids[0]).toBe(an.id);
    expect(index.query('agencies', { q: 'dang thi dung' }).ids).toEqual([dung.id]);
    expect(index.query('agencies', { q: 'Đặng' }).ids).toEqual([dung.id]);
  });

  it('takes every word as the start of a word, the exact word ranking first', () => {
    expect(index.query('agencies', { q: 'nguy va an' }).ids).toEqual([an.id, anh.id]);
    expect(index.query('agencies', { q: 'tim' }).ids).toEqual([dung.id]);
  });

  it('needs every word in one field: a name, a specialization or an employer', () => {
    // "an" is in Trần Bình's specialization and "van" in his employer, never in one field.
    expect(index.query('agencies', { q: 'van an' }).ids).not.toContain(employee.id);
    expect(index.query('agencies', { q: 'pham van dong' }).ids).toEqual([employee.id]);
    expect(index.query('agencies', { q: 'an toan' }).ids).toEqual([employee.id]);
  });

  it('finds a name with one typo in a word of six letters or more, not in shorter ones', () => {
    expect(index.query('agencies', { q: 'nguyrn van an' }).ids).toContain(an.id);
    expect(index.query('agencies', { q: 'dubg' }).ids).toEqual([]);
  });

  it('ranks a name match before a specialization or employer match', () => {
    const tim = doc('Phan Tim'); // the name "Tim" against Đặng Thị Dung's "Tim mạch"
    const withTim = ExpertIndex.build([dung, tim]);
    expect(withTim.query('agencies', { q: 'tim' }).ids).toEqual([tim.id, dung.id]);
  });

  it('combines the text with every filter', () => {
    expect(index.query('agencies', { q: 'nguyen', minDegree: 'doctorate' }).ids).toEqual([an.id]);
    expect(index.query('agencies', { q: 'nguyen', field: '1' }).ids).toEqual([anh.id]);
    expect(index.query('agencies', { q: 'nguyen', field: '2.3' }).ids).toEqual([an.id]);
    expect(index.query('agencies', { locationKind: 'overseas' }).ids).toEqual([an.id]);
    expect(index.query('agencies', { country: 'JP', q: 'anh' }).ids).toEqual([]);
    expect(
      index.query('agencies', { language: 'en', native: true, engagement: 'full_time' }).ids,
    ).toHaveLength(4);
    expect(index.query('agencies', { language: 'fr' }).ids).toEqual([]);
  });

  it('filters by a language or engagement mode past the thirty kept as bits, by reading the doc', () => {
    // Languages are kept as bits in order of arrival, thirty of them; the rest are read from the doc.
    const codes = Array.from({ length: 35 }, (_, i) => `l${i}`);
    const polyglots = ExpertIndex.build(
      codes.map((code, i) =>
        doc(`Nguyễn Văn ${i}`, {
          languages: [{ code, level: 'B2' }],
          ...(i === 33 ? { engagement: ['remote_advisory' as const] } : {}),
        }),
      ),
    );
    const named = (q: IndexQuery) => names(polyglots, polyglots.query('agencies', q).ids);
    for (const i of [3, 29, 30, 33]) {
      expect(named({ language: `l${i}` })).toEqual([`Nguyễn Văn ${i}`]);
      expect(named({ q: 'nguyen', language: `l${i}` })).toEqual([`Nguyễn Văn ${i}`]);
    }
    expect(named({ q: 'nguyen', language: 'l33', engagement: 'remote_advisory' })).toEqual(['Nguyễn Văn 33']);
    expect(named({ language: 'l99' })).toEqual([]);
  });

  it('counts facets over the current matches, countries limited to the top ones', () => {
    const { facets } = index.query('agencies', { q: 'nguyen' });
    expect(facets).toEqual({
      fieldGroup: { '1': 1, '2': 1 },
      degree: { doctorate: 1, master: 1 },
      locationKind: { overseas: 1, in_province: 1 },
      country: { JP: 1, VN: 1 },
    });
    const many = ExpertIndex.build(
      Array.from({ length: 15 }, (_, i) =>
        doc(`Người ${i}`, { location: { kind: 'overseas', country: `C${String.fromCharCode(65 + i)}` } }),
      ),
    );
    expect(Object.keys(many.query('agencies', {}).facets.country)).toHaveLength(10);
  });

  it('sorts by name without a query, and by name or last update on request', () => {
    const byName = index.query('agencies', {}).ids;
    expect(names(index, byName)).toEqual(['Đặng Thị Dung', 'Nguyễn Văn An', 'Nguyễn Văn Anh', 'Trần Bình']);
    const updated = index
      .query('agencies', { sort: 'updated' })
      .ids.map((id) => index.get(id)?.summary?.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(index.query('agencies', { q: 'nguyen', sort: 'name' }).ids).toEqual([an.id, anh.id]);
  });

  it('keeps the two audiences apart: HR never sees a directory-only expert, and the directory no one else', () => {
    expect(index.query('agencies', { q: 'duc' }).ids).toEqual([]);
    expect(index.query('directory', { q: 'duc' }).ids).toEqual([publicOnly.id]);
    expect(index.query('directory', {}).ids).toEqual([publicOnly.id]);
  });

  it('applies a change only over an older version, a removal winning a tie, and survives a round trip', () => {
    const copy = ExpertIndex.load(index.serialise());
    expect(copy.query('agencies', { q: 'nguyen van an' }).ids[0]).toBe(an.id);
    const renamed = {
      ...an,
      version: 2,
      summary: { ...(an.summary as ExpertSummary), fullName: 'Nguyễn Văn Bình' },
    };
    expect(copy.apply({ id: an.id, version: 2, doc: renamed })).toBe(true);
    expect(copy.apply({ id: an.id, version: 1, doc: an })).toBe(false);
    expect(copy.query('agencies', { q: 'binh nguyen' }).ids).toEqual([an.id]);
    expect(copy.apply({ id: an.id, version: 2, doc: null })).toBe(true);
    expect(copy.apply({ id: an.id, version: 2, doc: renamed })).toBe(false);
    expect(copy.query('agencies', { q: 'binh nguyen' }).ids).toEqual([]);
    copy.forget(anh.id);
    expect(copy.query('agencies', { q: 'nguyen' }).ids).toEqual([]);
    // The original is untouched.
    expect(index.query('agencies', { q: 'nguyen' }).ids).toHaveLength(2);
  });
});

interface DocSpec {
  surname: string;
  name: string;
  degree: ExpertSummary['highestDegree'];
  country: string;
  field: string;
  /** Further fields (up to five: past four, the index's columns read the summary's fields). */
  more: string[];
  month: number;
  agencies: boolean;
  directory: boolean;
}

describe('the index at scale: kept orders, kept counts and partial ordering', () => {
  const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng'];
  const given = ['An', 'Anh', 'Bình', 'Dung', 'Hà', 'Khoa'];
  const degrees = ['bachelor', 'master', 'doctorate'] as const;
  const countries = ['VN', 'JP', 'DE', 'US', 'KR'];
  const arbitraryDoc: fc.Arbitrary<DocSpec> = fc
    .record({
      surname: fc.constantFrom(...surnames),
      name: fc.constantFrom(...given),
      degree: fc.constantFrom(...degrees),
      country: fc.constantFrom(...countries),
      field: fc.constantFrom('1.2', '2.3', '4.1'),
      more: fc.oneof(
        { weight: 4, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: fc.subarray(['1.1', '2.1', '4.2', '6.1', '6.2']) },
      ),
      month: fc.integer({ min: 1, max: 9 }),
      agencies: fc.boolean(),
      directory: fc.boolean(),
    })
    .filter((d) => d.agencies || d.directory);
  const build = (d: DocSpec, i: number, version = 1): SearchDoc => {
    const made = doc(
      `${d.surname} Văn ${d.name}`,
      {
        highestDegree: d.degree,
        location: { kind: d.country === 'VN' ? 'in_province' : 'overseas', country: d.country },
        fields: [d.field, ...d.more].map((code) => ({ code })),
        updatedAt: `2026-0${d.month}-01T00:00:00.000Z`,
      },
      { agencies: d.agencies, directory: d.directory },
    );
    const id = `x${i}`;
    return {
      ...made,
      id,
      version,
      ...(made.summary ? { summary: { ...made.summary, id } } : {}),
      ...(made.entry ? { entry: { ...made.entry, id } } : {}),
    };
  };
  const queries: IndexQuery[] = [
    {},
    { sort: 'updated' as const },
    { field: '2' },
    { q: 'nguyen' },
    // The same text as the query before it: answered from its cached hits, filtered.
    { q: 'nguyen', minDegree: 'master' as const },
    { q: 'van', sort: 'name' as const },
    { q: 'an' },
    { minDegree: 'master' as const, country: 'JP' },
  ];

  it('answers after any series of changes exactly as an index rebuilt from the same docs', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryDoc, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.option(arbitraryDoc)), { maxLength: 30 }),
        (initial, changes) => {
          const docs = initial.map((d, i) => build(d, i));
          const kept = ExpertIndex.build(docs);
          // Orders and counts are first built here, then kept through the changes below.
          for (const q of queries)
            for (const audience of ['agencies', 'directory'] as const) kept.query(audience, q);
          const current = new Map(docs.map((d) => [d.id, d]));
          changes.forEach(([n, next], k) => {
            const id = `x${n % (initial.length + 5)}`;
            // Every change is newer than all before it, as the change log orders them.
            const version = 2 + k;
            const changed = next ? build(next, n % (initial.length + 5), version) : null;
            kept.apply({ id, version, doc: changed });
            if (changed) current.set(id, changed);
            else current.delete(id);
            // A query between changes fills the text cache that the next change must drop.
            kept.query(k % 2 ? 'agencies' : 'directory', queries[k % queries.length] ?? {});
          });
          const rebuilt = ExpertIndex.build([...current.values()]);
          for (const q of queries) {
            for (const audience of ['agencies', 'directory'] as const) {
              const a = kept.query(audience, q);
              const b = rebuilt.query(audience, q);
              // Relevance after a change may differ from a rebuild's until MiniSearch vacuums
              // what `discard` left (its document frequencies): same people, possibly another order.
              if (q.q && !q.sort) expect([...a.ids].sort()).toEqual([...b.ids].sort());
              else expect(a.ids).toEqual(b.ids);
              expect(a.total).toBe(b.ids.length);
              expect(a.facets).toEqual(b.facets);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers through MiniSearch's internals exactly as through its public search()", async () => {
    const texts = ['nguyen', 'van', 'an', 'nguyen van', 'tran van anh', 'thiet ke', 'dang', 'nguyenn', 'zz'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryDoc, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.option(arbitraryDoc)), { maxLength: 20 }),
        fc.constantFrom(...texts),
        fc.constantFrom<IndexQuery>(
          {},
          { sort: 'name' },
          { minDegree: 'master' },
          { field: '2', sort: 'updated' },
        ),
        async (initial, changes, q, rest) => {
          const docs = initial.map((d, i) => build(d, i));
          const fast = ExpertIndex.build(docs);
          const reference = ExpertIndex.build(docs, { publicApiOnly: true });
          // Changes move docs to new short ids and leave discarded ones behind in MiniSearch.
          changes.forEach(([n, next], k) => {
            const id = `x${n % (initial.length + 5)}`;
            const change = {
              id,
              version: 2 + k,
              doc: next ? build(next, n % (initial.length + 5), 2 + k) : null,
            };
            fast.apply(change);
            reference.apply(change);
          });
          // Until MiniSearch vacuums, its search() counts discarded docs in a word's document
          // frequency for some hits and the index's own scoring does not: the same people and
          // counts, possibly in another order; after it, exactly the same answers.
          for (const audience of ['agencies', 'directory'] as const) {
            const a = fast.query(audience, { q, ...rest });
            const b = reference.query(audience, { q, ...rest });
            expect([...a.ids].sort()).toEqual([...b.ids].sort());
            expect(a.total).toBe(b.total);
            expect(a.facets).toEqual(b.facets);
          }
          await Promise.all([fast.settle(), reference.settle()]);
          for (const audience of ['agencies', 'directory'] as const) {
            fast.clearQueryCache();
            reference.clearQueryCache();
            const a = fast.query(audience, { q, ...rest });
            const b = reference.query(audience, { q, ...rest });
            expect(a.ids).toEqual(b.ids);
            expect(a.slice(0, 3)).toEqual(b.slice(0, 3));
            expect(a.total).toBe(b.total);
            expect(a.facets).toEqual(b.facets);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it("ranks a demand's matches as rankScoresForDemand does, page by page", () => {
    const now = new Date('2026-10-01T00:00:00.000Z');
    const arbitraryDemand: fc.Arbitrary<MatchDemand> = fc.record({
      fieldCodes: fc.subarray(['1', '1.2', '2.1', '2.3', '4', '6', '6.2'], { minLength: 1 }),
      minDegree: fc.constantFrom(...degrees),
      minYearsExperience: fc.integer({ min: 0, max: 8 }),
      languages: fc.constantFrom([], [{ code: 'en', minLevel: 'B1' as const }]),
      engagement: fc.constantFrom('full_time' as const, 'remote_advisory' as const),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryDoc, { minLength: 30, maxLength: 120, size: 'large' }),
        arbitraryDemand,
        // Mostly early pages (picked in one pass), sometimes deep ones (everything sorted).
        fc.oneof(fc.nat({ max: 8 }), fc.nat({ max: 130 })),
        fc.integer({ min: 1, max: 20 }),
        (initial, demand, start, length) => {
          const index = ExpertIndex.build(initial.map((d, i) => build(d, i)));
          const whole = rankScoresForDemand(demand, index.summaries(), now);
          // As the read model ranks: demandScorer, given the update time the index keeps parsed
          // and how the fields meet the demand's codes, from its columns.
          const ranking = index.rankInGroups(demand.fieldCodes, demandScorer(demand, now));
          expect(ranking.length).toBe(whole.length);
          expect(ranking.slice(start, start + length)).toEqual(
            whole.slice(start, start + length).map(({ expert, score }) => ({ expert, id: expert.id, score })),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('cuts any page from a partly ordered result exactly as from the whole order', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryDoc, { minLength: 1, maxLength: 80 }),
        fc.nat({ max: 90 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...queries),
        (initial, start, length, query) => {
          const index = ExpertIndex.build(initial.map((d, i) => build(d, i)));
          for (const audience of ['agencies', 'directory'] as const) {
            const whole = index.query(audience, query).ids;
            expect(index.query(audience, query).slice(start, start + length)).toEqual(
              whole.slice(start, start + length),
            );
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('offset cursors', () => {
  const fingerprint = queryFingerprint({ q: 'an', audience: 'agencies' });

  it('pages through an ordered list without gaps or repeats', () => {
    const list = Array.from({ length: 45 }, (_, i) => i);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const { page, nextCursor } = pageOf(list, { cursor, limit: '20' }, fingerprint);
      seen.push(...page);
      cursor = nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(list);
  });

  it('refuses a cursor of another query, or one that was tampered with', () => {
    const other = encodeOffsetCursor(20, queryFingerprint({ q: 'binh', audience: 'agencies' }));
    for (const cursor of [
      other,
      'not-base64!',
      Buffer.from('{"o":-1,"f":"x"}').toString('base64url'),
      Buffer.from(JSON.stringify({ o: 1.5, f: fingerprint })).toString('base64url'),
      Buffer.from('[]').toString('base64url'),
      Buffer.from('null').toString('base64url'),
    ]) {
      expect(() => decodeOffsetCursor(cursor, fingerprint)).toThrow('Invalid cursor');
    }
    expect(decodeOffsetCursor(encodeOffsetCursor(40, fingerprint), fingerprint)).toBe(40);
  });
});
