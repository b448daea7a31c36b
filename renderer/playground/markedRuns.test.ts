import { describe, expect, it } from 'vitest';
import { markedRuns } from './markedRuns';

describe('markedRuns', () => {
  it('cuts the text at the ranges and marks them, keeping every character in order', () => {
    const text = 'Refunds are refunded; 退款多久到账？';
    const runs = markedRuns(text, [
      { start: 0, end: 7 },
      { start: 12, end: 20 },
      { start: 22, end: 24 },
    ]);
    expect(runs).toEqual([
      { text: 'Refunds', hit: true },
      { text: ' are ', hit: false },
      { text: 'refunded', hit: true },
      { text: '; ', hit: false },
      { text: '退款', hit: true },
      { text: '多久到账？', hit: false },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('returns the text unmarked without ranges, and skips ranges that overlap or fall outside it', () => {
    expect(markedRuns('How long?', [])).toEqual([{ text: 'How long?', hit: false }]);
    expect(markedRuns('', [])).toEqual([{ text: '', hit: false }]);
    expect(
      markedRuns('a refund', [
        { start: 2, end: 8 },
        { start: 4, end: 6 },
        { start: 7, end: 20 },
      ]),
    ).toEqual([
      { text: 'a ', hit: false },
      { text: 'refund', hit: true },
    ]);
  });
});
