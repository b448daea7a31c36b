import { describe, expect, it } from 'vitest';
import { fold, stem } from './stem.js';

describe('stem', () => {
  it('reads inflections of an English word as one stem', () => {
    expect(new Set(['refund', 'refunds', 'refunded', 'refunding'].map(stem))).toEqual(new Set(['refund']));
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('shipping')).toBe(stem('shipped'));
    expect(stem('agreed')).toBe(stem('agree'));
  });

  it("drops a possessive 's and leaves short words alone", () => {
    expect(stem("customer's")).toBe(stem('customer'));
    expect(stem('is')).toBe('is');
    expect(stem('banana')).not.toBe(stem('a'));
  });

  it('leaves Chinese, numbers and words that are not lower-case Latin unchanged', () => {
    expect(stem('退款')).toBe('退款');
    expect(stem('2026')).toBe('2026');
    expect(stem('Refunds')).toBe('Refunds');
    expect(stem('café')).toBe('café');
  });
});

describe('fold', () => {
  it('lower-cases and removes accents, as the index folds words', () => {
    expect(fold('Café')).toBe('cafe');
    expect(stem(fold('Refunds'))).toBe('refund');
    expect(fold('退款')).toBe('退款');
  });
});
