import { describe, expect, it } from 'vitest';
import { citationRuns } from './citationRuns';

describe('citationRuns', () => {
  it('splits marks out of the text and drops the space before them', () => {
    expect(citationRuns('Refunds take 5 days [1]. Cards [2][3] too')).toEqual([
      { text: 'Refunds take 5 days' },
      { n: 1 },
      { text: '. Cards' },
      { n: 2 },
      { n: 3 },
      { text: ' too' },
    ]);
  });

  it('keeps text without marks whole, and Chinese text beside a mark', () => {
    expect(citationRuns('no marks here')).toEqual([{ text: 'no marks here' }]);
    expect(citationRuns('[1] 退款三天到账')).toEqual([{ n: 1 }, { text: ' 退款三天到账' }]);
  });
});
