const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

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
