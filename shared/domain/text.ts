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
