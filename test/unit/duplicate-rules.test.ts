/**
 * The pure rules of the duplicates queue: one pair id whichever way round, the profile first,
 * the keys where likely duplicates meet (folded name with birth year, or with employer and field
 * group), and what a merge changes on the kept record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicatePairId,
  LikelyDuplicateIndex,
  likelyKeys,
  mergedValues,
  orderPair,
  type RecordRef,
} from '../../shared/domain/duplicates.ts';
import { classifyRow, type RosterPerson, rosterContentHash } from '../../shared/domain/roster.ts';

const entry = (id: string): RecordRef => ({ kind: 'roster', id });
const expert = (id: string): RecordRef => ({ kind: 'expert', id });

describe('a duplicate pair', () => {
  it('has one id whichever record comes first, and another for any other two records', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.boolean(), (x, y, mixed) => {
        const a = entry(x);
        const b = mixed ? expert(y) : entry(y);
        expect(duplicatePairId(a, b)).toBe(duplicatePairId(b, a));
        if (x !== y || mixed) expect(duplicatePairId(a, b)).not.toBe(duplicatePairId(a, entry(`${y}!`)));
      }),
    );
  });

  it('puts a registered profile first, else orders the entries by id', () => {
    expect(orderPair(entry('a'), expert('z'))).toEqual([expert('z'), entry('a')]);
    expect(orderPair(entry('b'), entry('a'))).toEqual([entry('a'), entry('b')]);
  });
});

describe('likely duplicates', () => {
  const base = {
    fullName: 'Nguyễn Văn An',
    birthYear: 1980,
    employer: { name: 'Sở Y tế' },
    fields: [{ code: '3.1' }, { code: '3.2' }, { code: '2.3' }],
  };

  it('meet under the folded name with the birth year, and with the employer and each field group', () => {
    expect(likelyKeys(base).map((k) => k.code)).toEqual([
      'same_name_year',
      'same_name_employer_field',
      'same_name_employer_field',
    ]);
    expect(likelyKeys({ ...base, birthYear: undefined, employer: undefined })).toEqual([]);
  });

  it('are found whatever the case and diacritics, and not across another year, employer or field group', () => {
    const index = new LikelyDuplicateIndex<string>();
    index.add(base, 'first');
    expect(index.find({ ...base, fullName: 'NGUYEN VAN AN' }, () => true)).toEqual({
      value: 'first',
      code: 'same_name_year',
    });
    expect(
      index.find(
        { ...base, fullName: 'nguyễn văn an', birthYear: 1981, employer: { name: 'SỞ Y TẾ' } },
        () => true,
      ),
    ).toEqual({ value: 'first', code: 'same_name_employer_field' });
    expect(index.find({ ...base, birthYear: 1981, fields: [{ code: '5.1' }] }, () => true)).toBeUndefined();
    expect(
      index.find({ ...base, birthYear: 1981, employer: { name: 'Sở Tài chính' } }, () => true),
    ).toBeUndefined();
    expect(index.find({ ...base, fullName: 'Nguyễn Văn Anh' }, () => true)).toBeUndefined();
    expect(index.find(base, (v) => v !== 'first')).toBeUndefined(); // itself is no duplicate
  });
});

describe('a merge', () => {
  const a = {
    fullName: 'Trần Thị Bình',
    phone: '0905000001',
    employer: { name: 'Sở Y tế' },
    hometown: 'Bình Sơn',
  };
  const b = { fullName: 'Tran Thi Binh', phone: '0905000002', employer: { name: 'Sở Y tế' } };

  it('changes only the fields taken from the other side, keeping what each held before', () => {
    expect(mergedValues(a, b, 'a', { phone: 'b', employer: 'b', fullName: 'a' })).toEqual([
      { field: 'phone', before: '0905000001', after: '0905000002' },
    ]);
    expect(mergedValues(b, a, 'b', { hometown: 'a' })).toEqual([
      { field: 'hometown', before: null, after: 'Bình Sơn' },
    ]);
    expect(mergedValues(a, b, 'a', {})).toEqual([]);
  });
});

describe('a row already merged into another entry', () => {
  it('is left unchanged by a later file, with the reason', () => {
    const person: RosterPerson = {
      fullName: 'Lê Văn Cường',
      highestDegree: 'master',
      fields: [{ code: '2.3' }],
    };
    const verdict = classifyRow({ ok: true, person }, person, {
      existing: { contentHash: 'other', mergedInto: 'x' },
    });
    expect(verdict).toMatchObject({ status: 'unchanged', reasons: [{ code: 'merged' }] });
    expect(
      classifyRow({ ok: true, person }, person, {
        existing: { contentHash: rosterContentHash(person) },
        sameNameYearRow: 2,
        likelyCode: 'same_name_employer_field',
      }),
    ).toMatchObject({ status: 'duplicate?', reasons: [{ code: 'same_name_employer_in_file' }] });
  });
});
