import {
  countsOf,
  documentFrequencies,
  hanPairs,
  hasHan,
  plusOneIdf,
  term,
  terms,
  tfidfVector,
  wordSegments,
  type SparseVector,
} from '../text/index.js';
import type { GapQuestion } from './clusterQuestions.js';

// Words decide the topic; character trigrams catch plurals and typos ("refnd") at a lower weight.
export const blockWeights = { w: 1, b: 0.8, t: 0.5 } as const;
export type Block = keyof typeof blockWeights;
export const latin = /^[a-z]/;

export interface Distinct {
  text: string;
  language: 'en' | 'zh';
  questions: GapQuestion[];
  /** Content words: stemmed term, lower-cased surface, and as written unless first in the question. */
  words: { term: string; surface: string; cased: string }[];
  features: Map<string, number>;
}

/** A question's vector; feature ids are numbered rarest first. */
export type Sparse = SparseVector;

export const keyOf = (q: string) =>
  q
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?？!！.。,，~～]+$/u, '');

export function featuresOf(text: string): Pick<Distinct, 'words' | 'features'> {
  const pending = countsOf(terms(text));
  const words: Distinct['words'] = [];
  for (const { segment, isWordLike } of wordSegments(text)) {
    const surface = segment.toLowerCase();
    const t = term(surface);
    const left = pending.get(t);
    if (!isWordLike || !left) continue;
    pending.set(t, left - 1);
    words.push({ term: t, surface, cased: words.length ? segment : surface });
  }
  const features = new Map<string, number>();
  const add = (key: string) => features.set(key, (features.get(key) ?? 0) + 1);
  for (const { term, surface } of words) {
    add(`w:${term}`);
    if (latin.test(surface)) {
      const padded = ` ${surface} `;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`);
    } else for (const c of surface) if (hasHan(c)) add(`t:${c}`);
  }
  for (const pair of hanPairs(text)) add(`b:${pair}`);
  return { words, features };
}

export const deletions = (w: string) => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));

/**
 * Rare English terms one edit from a term asked at least three times as often are that term misspelt
 * ("refnd", "shiping"): they count as it.
 */
export function correctSpelling(items: Distinct[]): void {
  const df = new Map<string, number>();
  for (const item of items) for (const t of new Set(item.words.map((w) => w.term))) df.set(t, (df.get(t) ?? 0) + 1);
  const near = new Map<string, string[]>();
  for (const [t, n] of df)
    if (n > 1 && latin.test(t)) for (const d of [t, ...deletions(t)]) (near.get(d) ?? near.set(d, []).get(d)!).push(t);
  const fixed = new Map<string, string>();
  for (const [t, n] of df) {
    if (t.length < 5 || !latin.test(t)) continue;
    const candidates = [t, ...deletions(t)].flatMap((d) => near.get(d) ?? []);
    const best = candidates.sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1))[0];
    if (best && best !== t && df.get(best)! >= 3 * n) fixed.set(t, best);
  }
  if (!fixed.size) return;
  for (const item of items)
    for (const w of item.words) {
      const to = fixed.get(w.term);
      if (!to) continue;
      const tf = item.features.get(`w:${w.term}`)!;
      item.features.delete(`w:${w.term}`);
      item.features.set(`w:${to}`, (item.features.get(`w:${to}`) ?? 0) + tf);
      w.term = to;
    }
}

/** TF-IDF per block (words, Han bigrams, trigrams), blocks weighted, then the whole vector normalised. */
export function vectorize(items: Distinct[]): { vectors: Sparse[]; vocabulary: string[] } {
  const df = documentFrequencies(items.map((item) => item.features.keys()));
  const vocabulary = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const idOf = new Map(vocabulary.map((key, id) => [key, id]));
  const idf = (id: number) => plusOneIdf(df.get(vocabulary[id]!)!, items.length);
  const blocks = { of: (id: number) => vocabulary[id]![0]!, weight: (block: string) => blockWeights[block as Block] };
  const vectors = items.map((item) =>
    tfidfVector(new Map([...item.features].map(([key, tf]) => [idOf.get(key)!, tf])), idf, { blocks }),
  );
  return { vectors, vocabulary };
}

// A topic asked a thousand ways would otherwise link every pair of its questions; merged groups
// inherit their members' neighbours, so a topic still comes together through its nearest pairs.
export const maxNeighbours = 16;

/**
 * Each vector's most alike others, at least `threshold` alike, linked both ways. Dot products
 * accumulate along an inverted index, so vectors that share no feature are never compared.
 */
export function lexicalNeighbours(vectors: Sparse[], threshold: number): Map<number, number>[] {
  const features = vectors.reduce((most, v) => Math.max(most, v.ids.length ? v.ids[v.ids.length - 1]! + 1 : 0), 0);
  const start = new Int32Array(features + 1);
  for (const v of vectors) for (const id of v.ids) start[id + 1]!++;
  for (let f = 0; f < features; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, features);
  const owner = new Int32Array(start[features]!);
  const weight = new Float64Array(start[features]!);
  vectors.forEach((v, i) =>
    v.ids.forEach((id, k) => {
      owner[fill[id]!] = i;
      weight[fill[id]!++] = v.weights[k]!;
    }),
  );
  const neighbours = vectors.map(() => new Map<number, number>());
  const dot = new Float64Array(vectors.length);
  const touched = new Int32Array(vectors.length);
  vectors.forEach((x, i) => {
    let n = 0;
    for (let k = 0; k < x.ids.length; k++) {
      const id = x.ids[k]!;
      for (let p = start[id]!; p < start[id + 1]!; p++) {
        const j = owner[p]!;
        if (j === i) continue;
        if (dot[j] === 0) touched[n++] = j;
        dot[j]! += x.weights[k]! * weight[p]!;
      }
    }
    const best: [number, number][] = [];
    for (let q = 0; q < n; q++) {
      const j = touched[q]!;
      const sim = dot[j]!;
      dot[j] = 0;
      if (sim < threshold || (best.length === maxNeighbours && sim <= best[maxNeighbours - 1]![1])) continue;
      if (best.length === maxNeighbours) best.pop();
      let at = best.length;
      while (at > 0 && best[at - 1]![1] < sim) at--;
      best.splice(at, 0, [j, sim]);
    }
    for (const [j, sim] of best) {
      const shared = neighbours[j]!.get(i) ?? sim;
      neighbours[i]!.set(j, shared);
      neighbours[j]!.set(i, shared);
    }
  });
  return neighbours;
}
