import { describe, expect, it } from 'vitest';
import { foldVietnamese, hasUnsafeCharacters, searchableText, searchNeedles } from '#shared/domain/text';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['ĐẶNG THỊ ÁNH', 'dang thi anh'],
    ['Đỗ   Quỳnh-Như', 'do quynh nhu'],
    ['Trường Đại học Phạm Văn Đồng', 'truong dai hoc pham van dong'],
    ['Nguye\u0302\u0303n', 'nguyen'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});

describe('search matching', () => {
  const matches = (text: string, query: string) =>
    searchNeedles(query).every((needle) => searchableText(text).includes(needle));

  it('finds "Nguyễn Văn An" by "nguyen van an", in any case', () => {
    expect(matches('Nguyễn Văn An', 'nguyen van an')).toBe(true);
    expect(matches('Nguyễn Văn An', 'NGUYEN VAN AN')).toBe(true);
  });

  it('matches the last word as a prefix and the others whole', () => {
    expect(matches('Nguyễn Văn Anh', 'nguyen van an')).toBe(true);
    expect(matches('Nguyễn Vănh An', 'nguyen van an')).toBe(false);
  });

  it('does not match a word inside another word', () => {
    expect(matches('Phan Quang Tuấn', 'an')).toBe(false);
  });

  it('needs no needle for an empty query', () => {
    expect(searchNeedles('  ')).toEqual([]);
  });
});

describe('hasUnsafeCharacters (every free-text field refuses these)', () => {
  it.each([
    ['NUL', 'Nguyễn\u0000An'],
    ['a bell', 'a\u0007b'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a directional isolate', 'a\u2066b'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
  ])('finds %s', (_, text) => {
    expect(hasUnsafeCharacters(text)).toBe(true);
  });

  it.each([
    ['Vietnamese with tones', 'Nguyễn Văn An, Đà Nẵng'],
    ['line breaks and tabs', 'dòng một\ndòng hai\r\n\tthụt lề'],
    ['an emoji (a surrogate pair)', 'Xin chào 😀'],
    ['Arabic and Hebrew text', 'مرحبا שלום'],
  ])('accepts %s', (_, text) => {
    expect(hasUnsafeCharacters(text)).toBe(false);
  });
});
