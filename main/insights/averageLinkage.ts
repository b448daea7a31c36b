import { lexicalNeighbours, type Sparse } from './questionVectors.js';

export interface Space {
  sizes: number[];
  /** Average pairwise similarity of two groups of unit vectors: the dot product of their sums over both sizes. */
  linkage(a: number, b: number): number;
  absorb(into: number, from: number): void;
  /** Groups that may reach the threshold with `a`. */
  candidates(a: number): Iterable<number>;
  settle(a: number): void;
}

export const dotMaps = (a: Map<number, number>, b: Map<number, number>) => {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
  return dot;
};

/**
 * Units of identical vectors (`counts` of them each), neighbouring their nearest units. A neighbour
 * carries the summed similarity of all pairs of members, kept exact across merges: two neighbours'
 * sums add up, and a neighbour only one side had is computed once from the summed vectors.
 */
export function sparseSpace(
  vectors: Sparse[],
  counts: number[],
  threshold: number,
): Space & { sums: Map<number, number>[] } {
  const sums = vectors.map((v, u) => new Map([...v.ids].map((id, k) => [id, counts[u]! * v.weights[k]!])));
  const sizes = [...counts];
  const near = lexicalNeighbours(vectors, threshold).map((pairs, a) => {
    const summed = new Map<number, number>();
    for (const [b, sim] of pairs) summed.set(b, sim * sizes[a]! * sizes[b]!);
    return summed;
  });
  return {
    sums,
    sizes,
    linkage: (a, b) => near[a]!.get(b)! / (sizes[a]! * sizes[b]!),
    absorb(into, from) {
      for (const k of new Set([...near[into]!.keys(), ...near[from]!.keys()])) {
        if (k === into || k === from) continue;
        const summed =
          (near[into]!.get(k) ?? dotMaps(sums[into]!, sums[k]!)) +
          (near[from]!.get(k) ?? dotMaps(sums[from]!, sums[k]!));
        near[into]!.set(k, summed);
        near[k]!.set(into, summed);
        near[k]!.delete(from);
      }
      near[into]!.delete(from);
      near[from]!.clear();
      const [small, large] =
        sums[into]!.size < sums[from]!.size ? [sums[into]!, sums[from]!] : [sums[from]!, sums[into]!];
      for (const [id, w] of small) large.set(id, (large.get(id) ?? 0) + w);
      sums[into] = large;
      sizes[into]! += sizes[from]!;
    },
    candidates: (a) => near[a]!.keys(),
    settle(a) {
      for (const k of near[a]!.keys()) near[k]!.delete(a);
      near[a]!.clear();
    },
  };
}

export const dotDense = (a: Float32Array | Float64Array, b: Float32Array | Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Embeddings have no terms to index, so a single pass (most asked first) puts each question into the
 * group it is on average most alike, or a new one; the merge then joins groups as average linkage
 * would, from a table of the groups' summed similarities.
 */
export function denseSpace(
  vectors: Float32Array[],
  threshold: number,
): Space & { sums: Float64Array[]; groups: number[][] } {
  const sums: Float64Array[] = [];
  const sizes: number[] = [];
  const groups: number[][] = [];
  vectors.forEach((x, i) => {
    let best = -1;
    let bestScore = threshold;
    sums.forEach((sum, g) => {
      const score = dotDense(x, sum) / sizes[g]!;
      if (score >= bestScore) [best, bestScore] = [g, score];
    });
    if (best < 0) {
      best = sums.push(new Float64Array(x.length)) - 1;
      sizes.push(0);
      groups.push([]);
    }
    for (let k = 0; k < x.length; k++) sums[best]![k]! += x[k]!;
    sizes[best]!++;
    groups[best]!.push(i);
  });
  const n = sums.length;
  const table = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) table[a * n + b] = table[b * n + a] = dotDense(sums[a]!, sums[b]!);
  const open = new Set(sums.keys());
  return {
    sums,
    sizes,
    groups,
    linkage: (a, b) => table[a * n + b]! / (sizes[a]! * sizes[b]!),
    absorb(into, from) {
      for (let k = 0; k < sums[into]!.length; k++) sums[into]![k]! += sums[from]![k]!;
      for (let k = 0; k < n; k++)
        table[into * n + k] = table[k * n + into] = table[into * n + k]! + table[from * n + k]!;
      sizes[into]! += sizes[from]!;
      open.delete(from);
    },
    candidates: () => open,
    settle: (a) => open.delete(a),
  };
}

/**
 * Average-linkage agglomeration by nearest-neighbour chains: merge reciprocal nearest groups while
 * they reach `threshold`. A group whose nearest is below it stays apart for good, since a merge of
 * others averages their linkages and so cannot lift one above the threshold.
 */
export function agglomerate(space: Space, threshold: number): number[][] {
  const n = space.sizes.length;
  const members = Array.from({ length: n }, (_, i) => [i]);
  const open = new Uint8Array(n).fill(1);
  const starts = [...members.keys()].reverse();
  const chain: number[] = [];
  for (;;) {
    if (!chain.length) {
      while (starts.length && !open[starts[starts.length - 1]!]) starts.pop();
      const start = starts.pop();
      if (start === undefined) break;
      chain.push(start);
    }
    const c = chain[chain.length - 1]!;
    const previous = chain[chain.length - 2];
    let best = -1;
    let bestScore = -Infinity;
    for (const k of space.candidates(c)) {
      if (k === c || !open[k]) continue;
      const score = space.linkage(c, k);
      if (score > bestScore || (score === bestScore && (k === previous || (best !== previous && k < best))))
        [best, bestScore] = [k, score];
    }
    if (best < 0 || bestScore < threshold) {
      chain.pop();
      space.settle(c);
      open[c] = 0;
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const [into, from] = space.sizes[c]! >= space.sizes[best]! ? [c, best] : [best, c];
    space.absorb(into, from);
    members[into]!.push(...members[from]!);
    members[from] = [];
    open[from] = 0;
    starts.push(into);
  }
  return members.filter((m) => m.length);
}

/** The cluster's 2-4 heaviest words, as customers wrote them, in the order the top example has them. */
