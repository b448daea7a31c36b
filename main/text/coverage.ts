import { generalSpecificity } from './generalFrequency.js';
import { hanPairs, hanPieces, lowerWords, piece, sameActionWords, term, terms } from './terms.js';
import { passageClasses, termClasses } from './wordClasses.js';

/** What a question term counts for when the passage holds only another word of its concept. */
const conceptWeight = 0.5;

/** How many passages hold each term: the document frequencies behind inverse document frequency. */
export interface TermStats {
  chunks: number;
  df: Map<string, number>;
  /** How many passages express each concept (`wordClasses`), when counted. */
  concepts?: Map<string, number>;
  /** Whole articles as documents (title once, every section's headings and text), when counted. */
  articles?: ArticleStats;
}

/** Term counts per article: what a search over whole pages (as MiniSearch or Orama index them) reads. */
export interface ArticleStats {
  count: number;
  /** Per term, its count in each article holding it. */
  postings: Map<string, Map<string, number>>;
  /** Words per article, and their mean. */
  length: Map<string, number>;
  averageLength: number;
}

/**
 * BM25 of whole articles for a question's terms (k1 1.2, b 0.75), for the articles asked about: a
 * page whose sections together hold the question's words, even when no one section holds them all.
 */
export function articleScores(
  stats: TermStats,
  questionTermList: string[],
  articleIds: Iterable<string>,
): Map<string, number> {
  const out = new Map<string, number>();
  const a = stats.articles;
  if (!a) return out;
  const ids = [...new Set(articleIds)];
  for (const id of ids) out.set(id, 0);
  for (const t of new Set(questionTermList)) {
    const posting = a.postings.get(t);
    if (!posting) continue;
    const weight = Math.log(1 + (a.count - posting.size + 0.5) / (posting.size + 0.5));
    for (const id of ids) {
      const tf = posting.get(id);
      if (!tf) continue;
      const norm = 1 - 0.75 + (0.75 * (a.length.get(id) ?? a.averageLength)) / (a.averageLength || 1);
      out.set(id, out.get(id)! + (weight * tf * 2.2) / (tf + 1.2 * norm));
    }
  }
  return out;
}

/** BM25's inverse document frequency: rare terms count for more; a term no passage holds counts the most. */
export function idf(stats: TermStats, t: string): number {
  const df = stats.df.get(t) ?? 0;
  return Math.log(1 + (stats.chunks - df + 0.5) / (df + 0.5));
}

/** How much of a question a passage covers: the share of the question's information it contains. */
export interface Coverage {
  /** 0 to 1: the IDF-weighted share of the question's terms found in the passage. */
  score: number;
  matched: string[];
  missing: string[];
}

export interface CoverageOptions {
  /**
   * Temper each term's weight by how common the word is in everyday English (`generalSpecificity`):
   * for choosing the sentence that answers, where "now" or "tried" must not decide.
   */
  everyday?: boolean;
}

/** The distinct informative terms of a question, as coverage weighs them. */
export function questionTerms(question: string): string[] {
  return [...new Set(terms(question))];
}

const han = /\p{Script=Han}/u;

/** The terms a passage holds, stemmed like the question's, and its Han pieces. */
export function passageTerms(text: string): Set<string> {
  return new Set([...sameActionWords(lowerWords(text)).map(term), ...hanPieces(text)]);
}

/**
 * What a Chinese question word the passage does not hold as a word still finds of it, in pieces:
 * its characters (one-character words) or its character pairs, each worth at most what the piece
 * itself tells (a character every passage has tells little), half as much as the word.
 */
function piecesFound(t: string, weight: number, passage: Set<string>, stats: TermStats): number {
  if (!han.test(t)) return 0;
  const chars = [...t];
  const pieces = (chars.length === 1 ? chars : hanPairs(t)).map((p) => piece + p);
  let found = 0;
  for (const p of pieces) if (passage.has(p)) found += Math.min(weight, idf(stats, p));
  return (conceptWeight * found) / pieces.length;
}

/**
 * How much of a question a passage covers, comparable across questions and the same in every search
 * mode: the question's terms weighted by inverse document frequency, and the share of that weight the
 * passage holds. A word no passage contains weighs the most, so a question about something the
 * knowledge never mentions scores low however well its common words match.
 */
export function coverage(
  questionTermList: string[],
  passage: Set<string>,
  stats: TermStats,
  options: CoverageOptions = {},
): Coverage {
  let total = 0;
  let found = 0;
  const matched: string[] = [];
  const missing: string[] = [];
  for (const t of questionTermList) {
    const weight = idf(stats, t) * (options.everyday ? generalSpecificity(t) : 1);
    total += weight;
    if (passage.has(t)) {
      found += weight;
      matched.push(t);
    } else if (termClasses(t).some((c) => passageClasses(passage).has(c))) {
      // The passage says it in other words of the same concept ("crushed" for "damaged"): half the weight.
      found += conceptWeight * weight;
      matched.push(t);
    } else {
      const inPieces = piecesFound(t, weight, passage, stats);
      found += inPieces;
      (inPieces > 0 ? matched : missing).push(t);
    }
  }
  const share = total > 0 ? found / total : 0;
  // A long, chatty question whose three or more informative words the passage holds is covered,
  // however much else it says: their weight counts against that of 2.5 words no passage contains.
  const saturated = matched.length >= 3 ? Math.min(1, found / (2.5 * idf(stats, '\u0000'))) : 0;
  return { score: Math.max(share, saturated), matched, missing };
}
