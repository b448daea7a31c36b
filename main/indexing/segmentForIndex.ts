import { isFramingWord, otherNames } from '../text/index.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const han = /\p{Script=Han}/u;

/**
 * Lower-cased words separated by spaces, so LanceDB's whitespace tokenizer sees Chinese words
 * (ICU's dictionary segmentation) as well as Latin ones. Index and query text go through this.
 */
export function segmentForIndex(text: string): string {
  const words: string[] = [];
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) words.push(s.segment);
  return words.join(' ');
}

/** The words of a query as the index sees them, for highlighting matched terms. */
export function queryTerms(query: string): string[] {
  return [...new Set(segmentForIndex(query).split(' ').filter(Boolean))];
}

/**
 * A question as the lexical index should read it: its words, without the Chinese particles and
 * asking words that a small knowledge base would otherwise count as rare and therefore telling
 * ("吗" in a handful of FAQ answers). Kept whole when nothing else is left.
 */
export function lexicalQuery(query: string): string {
  const words = segmentForIndex(query).split(' ').filter(Boolean);
  const kept = words.filter((w) => !(han.test(w) && isFramingWord(w)));
  // "UK" also searches "United Kingdom", and the other way round.
  return [...(kept.length ? kept : words), ...otherNames(query)].join(' ');
}
