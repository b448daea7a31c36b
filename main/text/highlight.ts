import { fold, stem } from './stem.js';
import { wordSegments } from './words.js';

/** A run of characters of a text, `start` included and `end` not (UTF-16 offsets, as `String.slice`). */
export interface TextRange {
  start: number;
  end: number;
}

/** A word as the full-text index matches it: folded (lower case, no accents), then stemmed. */
const matchKey = (word: string) => stem(fold(word));

/**
 * Where `text` says what `query` asks: the whole words of the text (segmented as the index
 * segments them, Chinese included) that are a word of the query or share its stem, in order.
 * Never a piece of a longer word: "退" is not found inside "退款", nor "a" inside "banana".
 */
export function matchRanges(text: string, query: string): TextRange[] {
  const wanted = new Set<string>();
  for (const s of wordSegments(query)) if (s.isWordLike) wanted.add(matchKey(s.segment));
  const out: TextRange[] = [];
  if (!wanted.size) return out;
  for (const s of wordSegments(text))
    if (s.isWordLike && wanted.has(matchKey(s.segment))) out.push({ start: s.index, end: s.index + s.segment.length });
  return out;
}
