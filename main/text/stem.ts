import { stemmer } from 'stemmer';

const latin = /^[a-z][a-z'-]*$/;

/**
 * The English stem of a lower-cased Latin word (Porter's algorithm, a possessive "'s" dropped), so
 * `refunds`, `refunded` and `refunding` read as `refund`. Anything else (Chinese, numbers, words
 * with accents or capitals) comes back unchanged.
 */
export function stem(word: string): string {
  return latin.test(word) ? stemmer(word.replace(/'s$/, '')) : word;
}

/** Lower-cased and accent-free ("Café" → "cafe"), as the full-text index folds words before stemming them. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
