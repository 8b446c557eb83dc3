import * as z from 'zod/mini';

/**
 * Vietnamese-aware text folding for search: "Nguyễn Văn An" and "nguyen van an" fold to the same
 * key. NFD splits the tone and vowel marks off as combining characters, which are dropped; đ/Đ
 * has no decomposition, so it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // đ and Đ, escaped: one non-ASCII character makes a whole Lambda bundle a two-byte string to
      // decode and parse at every cold start (esbuild escapes strings, not regular expressions).
      .replace(/[\u0111\u0110]/g, 'd')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Distinct folded words of a text, for token-wise "contains all words" search. */
export function searchTokens(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded ? [...new Set(folded.split(' '))] : [];
}

/**
 * The folded text a search matches against, padded with spaces so that a word can be matched
 * from its start: " nguyen van an " contains " an" but "quang" does not match "an".
 */
export const searchableText = (...parts: string[]): string => ` ${foldVietnamese(parts.join(' '))} `;

/**
 * What a query must contain, word by word: whole words, except the last, which may be the start
 * of a word (the user may still be typing it).
 */
export function searchNeedles(query: string): string[] {
  const tokens = searchTokens(query);
  return tokens.map((t, i) => (i < tokens.length - 1 ? ` ${t} ` : ` ${t}`));
}

/**
 * Characters no name or text of the registry needs and that can deceive or break a reader:
 * control characters (tab and line breaks aside), bidirectional overrides and isolates (which can
 * make "exe.pdf" read "fdp.exe"), and unpaired UTF-16 surrogates (not text at all).
 */
const unsafeCharacters = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

export const hasUnsafeCharacters = (value: string): boolean => unsafeCharacters.test(value);

/** A zod check for every free-text field: 400 with this message, never a stored oddity. */
export const safeText = z.refine(
  (value: unknown) => !hasUnsafeCharacters(String(value)),
  'Remove control characters, direction overrides and broken characters from this text',
);

/**
 * The trim every free-text field applies, one instance for all of them (as safeText): a zod 4
 * check keeps no state of the schemas it is attached to (its `onattach` hooks, if any, write to
 * the schema, not to the check), and each instance costs ~30 µs at a cold start.
 */
export const trim = z.trim();
