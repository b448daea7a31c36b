import { conceptsOfWords, hanPieces, term, type TermStats } from '../text/index.js';
import type { ChunkIndex } from './ChunkIndex.js';
import { segmentForIndex } from './segmentForIndex.js';

const han = /\p{Script=Han}/u;

/** Count terms over the index's chunks (the words its full-text index holds, stemmed the same way), and over whole articles. */
export async function collectTermStats(index: ChunkIndex): Promise<TermStats> {
  const df = new Map<string, number>();
  const concepts = new Map<string, number>();
  const postings = new Map<string, Map<string, number>>();
  const length = new Map<string, number>();
  const titleLength = new Map<string, number>();
  // Words repeat across sections: each is stemmed once.
  const stems = new Map<string, string>();
  const termOf = (w: string) => {
    let t = stems.get(w);
    if (t === undefined) stems.set(w, (t = term(w)));
    return t;
  };
  const termsOf = (words: string[], stemmed: string[]) => {
    const joined = words.join('');
    return han.test(joined) ? [...stemmed, ...hanPieces(joined)] : stemmed;
  };
  const count = (article: string, words: string[], stemmed: string[]) => {
    length.set(article, (length.get(article) ?? 0) + words.length);
    for (const t of termsOf(words, stemmed)) {
      let posting = postings.get(t);
      if (!posting) postings.set(t, (posting = new Map()));
      posting.set(article, (posting.get(article) ?? 0) + 1);
    }
  };
  const rows = await index.lexicalRows();
  for (const row of rows) {
    const words = row.lex.split(' ').filter(Boolean);
    const stemmed = words.map(termOf);
    for (const t of new Set(termsOf(words, stemmed))) df.set(t, (df.get(t) ?? 0) + 1);
    for (const c of conceptsOfWords(words)) concepts.set(c, (concepts.get(c) ?? 0) + 1);
    // Every section's words repeat the title twice (see indexWorkspace): the article counts it once,
    // with the summary (`lex_title`).
    let titleWords = titleLength.get(row.article_id);
    if (titleWords === undefined) {
      titleWords = segmentForIndex(row.title).split(' ').filter(Boolean).length;
      titleLength.set(row.article_id, titleWords);
      const title = row.lex_title.split(' ').filter(Boolean);
      count(row.article_id, title, title.map(termOf));
    }
    count(row.article_id, words.slice(2 * titleWords), stemmed.slice(2 * titleWords));
  }
  const total = [...length.values()].reduce((a, b) => a + b, 0);
  return {
    chunks: rows.length,
    df,
    concepts,
    articles: { count: length.size, postings, length, averageLength: total / (length.size || 1) },
  };
}

const cache = new WeakMap<ChunkIndex, { version: number; stats: Promise<TermStats> }>();

/** Term statistics of an index, recounted only after a write (about 0.3 s per 10,000 chunks). */
export async function termStatsOf(index: ChunkIndex): Promise<TermStats> {
  const version = await index.tableVersion();
  const hit = cache.get(index);
  if (hit && hit.version === version) return hit.stats;
  const stats = collectTermStats(index);
  cache.set(index, { version, stats });
  return stats;
}
