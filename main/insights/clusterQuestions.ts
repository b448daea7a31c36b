import { createHash } from 'node:crypto';
import { contentTerms, hanBigrams, questionLanguage, termOf } from '../answer/index.js';

/** A question the agent did not answer well: handed off, answered with low confidence, or not resolved. */
export interface GapQuestion {
  question: string;
  reason: 'handoff' | 'low-confidence' | 'unresolved';
  time?: string;
  articleIds?: string[];
}

/** Questions about the same missing topic. */
export interface GapCluster {
  id: string;
  label: string;
  /** most representative first */
  examples: string[];
  volume: number;
  reasons: Record<string, number>;
  language: 'en' | 'zh';
  questions: GapQuestion[];
  /** articles the agent cited for these questions, most frequent first */
  relatedArticles: string[];
}

export interface ClusterOptions {
  /** Embeds a question; embeddings are compared by cosine. Without it questions are compared by their words. */
  embed?: (text: string) => Promise<Float32Array>;
  /** Average similarity at which two groups of questions merge. @default lexicalThreshold, or embeddingThreshold with `embed` */
  threshold?: number;
  /** Clusters with fewer questions are left out. @default 1 */
  minVolume?: number;
}

/**
 * Word-vector similarity at which groups merge. Measured on the tests' topics, the hand-off set's
 * labelled questions and 10,000 synthetic ones: 0.12 keeps clusters over 98% pure on the synthetic set.
 */
export const lexicalThreshold = 0.12;
/** Embedding similarity at which groups merge; a guess for multilingual-e5-small, whose unrelated pairs score about 0.75. */
export const embeddingThreshold = 0.85;

// Words decide the topic; character trigrams catch plurals and typos ("refnd") at a lower weight.
const blockWeights = { w: 1, b: 0.8, t: 0.5 } as const;
type Block = keyof typeof blockWeights;
const latin = /^[a-z]/;
const han = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

interface Distinct {
  text: string;
  language: 'en' | 'zh';
  questions: GapQuestion[];
  /** Content words: stemmed term, lower-cased surface, and as written unless first in the question. */
  words: { term: string; surface: string; cased: string }[];
  features: Map<string, number>;
}

interface Sparse {
  /** Feature ids, rarest first. */
  ids: Int32Array;
  weights: Float64Array;
}

const keyOf = (q: string) =>
  q
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?？!！.。,，~～]+$/u, '');

function featuresOf(text: string): Pick<Distinct, 'words' | 'features'> {
  const pending = new Map<string, number>();
  for (const t of contentTerms(text)) pending.set(t, (pending.get(t) ?? 0) + 1);
  const words: Distinct['words'] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const surface = segment.toLowerCase();
    const term = termOf(surface);
    const left = pending.get(term);
    if (!isWordLike || !left) continue;
    pending.set(term, left - 1);
    words.push({ term, surface, cased: words.length ? segment : surface });
  }
  const features = new Map<string, number>();
  const add = (key: string) => features.set(key, (features.get(key) ?? 0) + 1);
  for (const { term, surface } of words) {
    add(`w:${term}`);
    if (latin.test(surface)) {
      const padded = ` ${surface} `;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`);
    } else for (const c of surface) if (han.test(c)) add(`t:${c}`);
  }
  for (const bigram of hanBigrams(text)) add(`b:${bigram}`);
  return { words, features };
}

const deletions = (w: string) => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));

/**
 * Rare English terms one edit from a term asked at least three times as often are that term misspelt
 * ("refnd", "shiping"): they count as it.
 */
function correctSpelling(items: Distinct[]): void {
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
function vectorize(items: Distinct[]): { vectors: Sparse[]; vocabulary: string[] } {
  const df = new Map<string, number>();
  for (const item of items) for (const key of item.features.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const vocabulary = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const idOf = new Map(vocabulary.map((key, id) => [key, id]));
  const vectors = items.map((item) => {
    const entries = [...item.features].map(([key, tf]) => ({
      id: idOf.get(key)!,
      block: key[0] as Block,
      weight: (1 + Math.log(tf)) * Math.log(1 + items.length / df.get(key)!),
    }));
    const norms = new Map<Block, number>();
    for (const e of entries) norms.set(e.block, (norms.get(e.block) ?? 0) + e.weight ** 2);
    for (const e of entries) e.weight *= blockWeights[e.block] / Math.sqrt(norms.get(e.block)!);
    const norm = Math.sqrt(entries.reduce((s, e) => s + e.weight ** 2, 0)) || 1;
    entries.sort((a, b) => a.id - b.id);
    return {
      ids: Int32Array.from(entries, (e) => e.id),
      weights: Float64Array.from(entries, (e) => e.weight / norm),
    };
  });
  return { vectors, vocabulary };
}

// A topic asked a thousand ways would otherwise link every pair of its questions; merged groups
// inherit their members' neighbours, so a topic still comes together through its nearest pairs.
const maxNeighbours = 16;

/**
 * Each vector's most alike others, at least `threshold` alike, linked both ways. Dot products
 * accumulate along an inverted index, so vectors that share no feature are never compared.
 */
function lexicalNeighbours(vectors: Sparse[], threshold: number): Map<number, number>[] {
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

interface Space {
  sizes: number[];
  /** Average pairwise similarity of two groups of unit vectors: the dot product of their sums over both sizes. */
  linkage(a: number, b: number): number;
  absorb(into: number, from: number): void;
  /** Groups that may reach the threshold with `a`. */
  candidates(a: number): Iterable<number>;
  settle(a: number): void;
}

const dotMaps = (a: Map<number, number>, b: Map<number, number>) => {
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
function sparseSpace(vectors: Sparse[], counts: number[], threshold: number): Space & { sums: Map<number, number>[] } {
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

const dotDense = (a: Float32Array | Float64Array, b: Float32Array | Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/**
 * Embeddings have no terms to index, so a single pass (most asked first) puts each question into the
 * group it is on average most alike, or a new one; the merge then joins groups as average linkage
 * would, from a table of the groups' summed similarities.
 */
function denseSpace(vectors: Float32Array[], threshold: number): Space & { sums: Float64Array[]; groups: number[][] } {
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
function agglomerate(space: Space, threshold: number): number[][] {
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
function labelOf(items: Distinct[], vectors: Sparse[], vocabulary: string[], group: number[], top: Distinct): string {
  const weight = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const i of group) {
    const count = items[i]!.questions.length;
    vectors[i]!.ids.forEach((id, k) => {
      const [block, term] = [vocabulary[id]![0], vocabulary[id]!.slice(2)];
      if (block === 'w') weight.set(term, (weight.get(term) ?? 0) + count * vectors[i]!.weights[k]!);
    });
    for (const { term, cased } of items[i]!.words) {
      const forms = surfaces.get(term) ?? surfaces.set(term, new Map()).get(term)!;
      forms.set(cased, (forms.get(cased) ?? 0) + count);
    }
  }
  const ranked = [...weight].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 4);
  const order = (t: string) => (top.words.findIndex((w) => w.term === t) + 1 || Infinity) as number;
  const words = ranked
    .filter(([, w], k) => k < 2 || w >= 0.5 * ranked[0]![1])
    .map(([t]) => t)
    .sort((x, y) => order(x) - order(y) || 0)
    .map((t) => [...surfaces.get(t)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0]);
  // Chinese words the segmenter split ("门" "店") read as one where the example writes them together.
  const text = top.text.toLowerCase();
  return words.reduce(
    (label, w, k) => (k && !(han.test(w) && text.includes(words[k - 1]! + w)) ? `${label} ${w}` : label + w),
    '',
  );
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

/** Groups of items by their embeddings, and each item's closeness to its group's centroid weighted by volume. */
async function embeddingGroups(items: Distinct[], embed: NonNullable<ClusterOptions['embed']>, threshold: number) {
  const embedded: Float32Array[] = [];
  for (const item of items) {
    const e = Float32Array.from(await embed(item.text));
    const norm = Math.sqrt(dotDense(e, e)) || 1;
    embedded.push(e.map((x) => x / norm));
  }
  const space = denseSpace(embedded, threshold);
  const groups = agglomerate(space, threshold).map((units) => units.flatMap((unit) => space.groups[unit]!));
  const closeness = (group: number[]) => {
    const centroid = new Float64Array(embedded[0]!.length);
    for (const i of group) embedded[i]!.forEach((x, k) => (centroid[k]! += x * items[i]!.questions.length));
    return (i: number) => dotDense(embedded[i]!, centroid);
  };
  return { groups, closeness };
}

/** Groups of items by their words; items with the same features are one unit of that many. */
function lexicalGroups(items: Distinct[], vectors: Sparse[], threshold: number) {
  const units = new Map<string, number[]>();
  items.forEach((item, i) => {
    const signature = item.features.size ? [...item.features].join('\u0001') : `\u0002${i}`;
    (units.get(signature) ?? units.set(signature, []).get(signature)!).push(i);
  });
  const members = [...units.values()];
  const space = sparseSpace(
    members.map((m) => vectors[m[0]!]!),
    members.map((m) => m.length),
    threshold,
  );
  const groups = agglomerate(space, threshold).map((us) => us.flatMap((u) => members[u]!));
  const closeness = (group: number[]) => {
    const centroid = new Map<number, number>();
    for (const i of group)
      vectors[i]!.ids.forEach((id, k) =>
        centroid.set(id, (centroid.get(id) ?? 0) + vectors[i]!.weights[k]! * items[i]!.questions.length),
      );
    return (i: number) => vectors[i]!.ids.reduce((s, id, k) => s + vectors[i]!.weights[k]! * centroid.get(id)!, 0);
  };
  return { groups, closeness };
}

async function clusterLanguage(items: Distinct[], options: ClusterOptions): Promise<GapCluster[]> {
  correctSpelling(items);
  const { vectors, vocabulary } = vectorize(items);
  const { groups, closeness } = options.embed
    ? await embeddingGroups(items, options.embed, options.threshold ?? embeddingThreshold)
    : lexicalGroups(items, vectors, options.threshold ?? lexicalThreshold);
  return groups.map((group) => {
    const near = closeness(group);
    const score = new Map(group.map((i) => [i, near(i)]));
    const ranked = [...group].sort(
      (x, y) => score.get(y)! - score.get(x)! || items[y]!.questions.length - items[x]!.questions.length || x - y,
    );
    const questions = group.flatMap((i) => items[i]!.questions);
    const seen = new Set<string>();
    const representative = ranked.filter((i) => {
      const terms =
        items[i]!.words.map((w) => w.term)
          .sort()
          .join(' ') || keyOf(items[i]!.text);
      return !seen.has(terms) && seen.add(terms);
    });
    const examples = representative.slice(0, 5).map((i) => items[i]!.text);
    const language = items[group[0]!]!.language;
    return {
      id: `${language}-${createHash('sha1').update(keyOf(examples[0]!)).digest('hex').slice(0, 10)}`,
      label: labelOf(items, vectors, vocabulary, group, items[representative[0]!]!) || examples[0]!.slice(0, 60),
      examples,
      volume: questions.length,
      reasons: Object.fromEntries(countBy(questions.map((q) => q.reason))),
      language,
      questions,
      relatedArticles: countBy(questions.flatMap((q) => [...new Set(q.articleIds ?? [])])).map(([id]) => id),
    };
  });
}

/**
 * Group questions the agent handed off, answered with low confidence or left unresolved by the topic
 * they were missing, each language on its own, largest cluster first. Identical questions are counted
 * once for the grouping and fully in the volume.
 */
export async function clusterQuestions(questions: GapQuestion[], options: ClusterOptions = {}): Promise<GapCluster[]> {
  const distinct = new Map<string, Distinct>();
  for (const q of questions) {
    const key = keyOf(q.question);
    if (!key) continue;
    const known = distinct.get(key);
    if (known) known.questions.push(q);
    else {
      const text = q.question.trim();
      distinct.set(key, { text, language: questionLanguage(text), questions: [q], ...featuresOf(text) });
    }
  }
  const byVolume = [...distinct.values()].sort((a, b) => b.questions.length - a.questions.length);
  const clusters: GapCluster[] = [];
  for (const language of ['en', 'zh'] as const) {
    const items = byVolume.filter((d) => d.language === language);
    if (items.length) clusters.push(...(await clusterLanguage(items, options)));
  }
  return clusters
    .filter((c) => c.volume >= (options.minVolume ?? 1))
    .sort((a, b) => b.volume - a.volume || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
