import { idf, type TermStats } from './termStats.js';
import { contentTerms, termOf, wordsOf } from './textTerms.js';

/** How much of a question a passage covers: the share of the question's information it contains. */
export interface Coverage {
  /** 0 to 1: the IDF-weighted share of the question's terms found in the passage. */
  score: number;
  matched: string[];
  missing: string[];
}

/** The distinct informative terms of a question, as coverage weighs them. */
export function questionTerms(question: string): string[] {
  return [...new Set(contentTerms(question))];
}

/** The terms a passage holds, stemmed like the question's. */
export function passageTerms(text: string): Set<string> {
  return new Set(wordsOf(text).map(termOf));
}

/**
 * Confidence that a passage answers a question, comparable across questions and the same in every
 * search mode: the question's terms weighted by inverse document frequency, and the share of that
 * weight the passage holds. A word no chunk contains weighs the most, so a question about something
 * the knowledge never mentions scores low however well its common words match.
 */
export function coverage(terms: string[], passage: Set<string>, stats: TermStats): Coverage {
  let total = 0;
  let found = 0;
  const matched: string[] = [];
  const missing: string[] = [];
  for (const term of terms) {
    const weight = idf(stats, term);
    total += weight;
    if (passage.has(term)) {
      found += weight;
      matched.push(term);
    } else missing.push(term);
  }
  const share = total > 0 ? found / total : 0;
  // A long, chatty question whose three or more informative words the passage holds is covered,
  // however much else it says: their weight counts against that of 2.5 words no chunk contains.
  const saturated = matched.length >= 3 ? Math.min(1, found / (2.5 * idf(stats, '\u0000'))) : 0;
  return { score: Math.max(share, saturated), matched, missing };
}
