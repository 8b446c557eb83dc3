/**
 * Vietnamese-aware text folding for search: "Nguyễn Văn An" and "nguyen van an" fold to the same
 * key. NFD splits the tone and vowel marks off as combining characters, which are dropped; đ/Đ
 * has no decomposition, so it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
