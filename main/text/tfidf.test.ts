import { describe, expect, it } from 'vitest';
import { cosine, countsOf, documentFrequencies, plusOneIdf, smoothIdf, tfidfVector } from './tfidf.js';

const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 12);
const norm = (w: Float64Array) => Math.sqrt(w.reduce((s, x) => s + x * x, 0));

describe('counts and document frequencies', () => {
  it('count items in order of first occurrence, and each feature once per document', () => {
    expect([...countsOf(['b', 'a', 'b'])]).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(documentFrequencies([[1, 1, 2], [2], [3, 2]])).toEqual(
      new Map([
        [1, 1],
        [2, 3],
        [3, 1],
      ]),
    );
  });
});

describe('idf', () => {
  it('smooth idf never reaches zero; plus-one idf counts a feature everywhere ln 2', () => {
    close(smoothIdf(3, 3), 1);
    close(smoothIdf(0, 3), Math.log(4) + 1);
    close(plusOneIdf(3, 3), Math.log(2));
    expect(plusOneIdf(1, 3)).toBeGreaterThan(plusOneIdf(2, 3));
  });
});

describe('tfidfVector', () => {
  it('weighs sublinear term frequency by idf, ids increasing, of unit length', () => {
    const v = tfidfVector(
      new Map([
        [5, 1],
        [2, 4],
      ]),
      (id) => (id === 5 ? 2 : 1),
    );
    expect([...v.ids]).toEqual([2, 5]);
    close(v.weights[0]! / v.weights[1]!, (1 + Math.log(4)) / 2);
    close(norm(v.weights), 1);
    expect(tfidfVector(new Map(), () => 1)).toEqual({ ids: new Int32Array(), weights: new Float64Array() });
  });

  it('normalises each block on its own and weighs it before normalising the whole', () => {
    const blocks = { of: (id: number) => (id < 10 ? 'w' : 't'), weight: (b: string) => (b === 'w' ? 1 : 0.5) };
    const counts = new Map([
      [1, 1],
      [10, 1],
      [11, 1],
      [12, 1],
    ]);
    const v = tfidfVector(counts, () => 1, { blocks });
    // The word block (one feature) is 1 long, the trigram block (three) 0.5, whatever their sizes.
    close(v.weights[0]! ** 2 / (v.weights[1]! ** 2 + v.weights[2]! ** 2 + v.weights[3]! ** 2), 1 / 0.25);
    close(norm(v.weights), 1);
  });

  it('gives one vector to the last bit for one order of counts', () => {
    const counts = new Map([...Array(50)].map((_, i) => [(i * 7) % 50, 1 + (i % 3)]));
    expect(tfidfVector(counts, (id) => 1 + id / 10)).toEqual(tfidfVector(new Map(counts), (id) => 1 + id / 10));
  });
});

describe('cosine', () => {
  it('is 1 for a vector with itself, 0 without shared ids, and symmetric', () => {
    const idf = () => 1;
    const a = tfidfVector(countsOf([1, 2, 2, 3]), idf);
    const b = tfidfVector(countsOf([2, 3, 4]), idf);
    const c = tfidfVector(countsOf([7, 8]), idf);
    close(cosine(a, a), 1);
    expect(cosine(a, c)).toBe(0);
    close(cosine(a, b), cosine(b, a));
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThan(1);
  });
});
