import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt, reciprocalRank } from './retrievalMetrics.js';

describe('retrieval metrics', () => {
  it('computes nDCG@k against the ideal order', () => {
    expect(ndcgAt(['a', 'b'], { a: 1 })).toBe(1);
    expect(ndcgAt(['x', 'a'], { a: 1 })).toBeCloseTo(1 / Math.log2(3), 12);
    expect(ndcgAt(['x', 'y'], { a: 1 })).toBe(0);
    expect(ndcgAt(['b', 'a'], { a: 2, b: 1 })).toBeCloseTo((1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)), 12);
  });

  it('computes recall@k and reciprocal rank', () => {
    expect(recallAt(['a', 'x', 'b'], { a: 1, b: 1, c: 1 }, 2)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x', 'y', 'a'], { a: 1 })).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['x'], { a: 1 })).toBe(0);
  });
});
