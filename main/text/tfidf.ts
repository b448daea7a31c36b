/** A sparse vector: feature ids in increasing order and their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** How much a feature found in `df` of `n` documents counts. */
export type Idf = (df: number, n: number) => number;

/** Smoothed IDF, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1; never zero. */
export const smoothIdf: Idf = (df, n) => Math.log((1 + n) / (1 + df)) + 1;
/** ln(1 + n / df): a feature in every document still counts ln 2. */
export const plusOneIdf: Idf = (df, n) => Math.log(1 + n / df);

/** How often each item occurs, in order of first occurrence. */
export function countsOf<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** In how many documents each feature occurs (a feature repeated inside one document counts once). */
export function documentFrequencies<T>(documents: Iterable<Iterable<T>>): Map<T, number> {
  const df = new Map<T, number>();
  for (const document of documents) for (const f of new Set(document)) df.set(f, (df.get(f) ?? 0) + 1);
  return df;
}

export interface TfidfOptions {
  /**
   * Features in blocks (words, character pairs, trigrams): each block is normalised on its own and
   * scaled by its weight before the whole vector is normalised, so no block outweighs another by size.
   */
  blocks?: { of: (id: number) => string; weight: (block: string) => number };
}

/**
 * A document's TF-IDF vector of unit length: sublinear term frequency (1 + ln tf) times `idf(id)`,
 * from its feature counts (feature id → times it occurs). Weights are summed in the order the counts
 * come in, so one order of counts always gives the same vector to the last bit.
 */
export function tfidfVector(
  counts: ReadonlyMap<number, number>,
  idf: (id: number) => number,
  options: TfidfOptions = {},
): SparseVector {
  const entries = Array.from(counts, ([id, tf]) => ({ id, weight: (1 + Math.log(tf)) * idf(id) }));
  const { blocks } = options;
  if (blocks) {
    const norms = new Map<string, number>();
    for (const e of entries) norms.set(blocks.of(e.id), (norms.get(blocks.of(e.id)) ?? 0) + e.weight ** 2);
    for (const e of entries) e.weight *= blocks.weight(blocks.of(e.id)) / Math.sqrt(norms.get(blocks.of(e.id))!);
  }
  const norm = Math.sqrt(entries.reduce((sum, e) => sum + e.weight ** 2, 0)) || 1;
  entries.sort((a, b) => a.id - b.id);
  return { ids: Int32Array.from(entries, (e) => e.id), weights: Float64Array.from(entries, (e) => e.weight / norm) };
}

/** The cosine of two unit-length sparse vectors: the sum of their weights' products over shared ids. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  return sum;
}
