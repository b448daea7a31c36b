import { describe, expect, it } from 'vitest';
import { fuseRanks } from './fuseRanks.js';

describe('fuseRanks', () => {
  it('scores by 1/(k+rank) summed over lists', () => {
    const fused = fuseRanks(
      [
        ['a', 'b', 'c'],
        ['c', 'a'],
      ],
      60,
    );
    expect(fused.map((f) => f.id)).toEqual(['a', 'c', 'b']);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 62, 12);
  });

  it('lets agreement beat a single first place', () => {
    const fused = fuseRanks([
      ['x', 'y'],
      ['z', 'y'],
      ['w', 'y'],
    ]);
    expect(fused[0]!.id).toBe('y');
  });
});
