import { describe, expect, it } from 'vitest';
import { planBatches } from './planBatches.js';

describe('planBatches', () => {
  it('groups texts of similar length and covers every index once', () => {
    const lengths = [200, 20, 22, 210, 21, 120, 23, 205, 118];
    const batches = planBatches(lengths, { maxBatch: 8, maxPaddingShare: 0.2 });
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    for (const b of batches) {
      const ls = b.map((i) => lengths[i]!);
      expect(Math.max(...ls)).toBeLessThanOrEqual(Math.min(...ls) * 1.2 + 4);
    }
    expect(batches).toEqual([
      [1, 4, 2, 6],
      [8, 5],
      [0, 7, 3],
    ]);
  });

  it('never exceeds the batch size', () => {
    const batches = planBatches(Array(20).fill(50), { maxBatch: 8, maxPaddingShare: 0.2 });
    expect(batches.map((b) => b.length)).toEqual([8, 8, 4]);
  });
});
