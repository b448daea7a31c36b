import { describe, expect, it } from 'vitest';
import { matchRanges } from './highlight.js';

/** The words of `text` that `matchRanges` marks for `query`. */
const marked = (text: string, query: string) => matchRanges(text, query).map((r) => text.slice(r.start, r.end));

describe('matchRanges', () => {
  it('marks whole words only, never a query word inside a longer word', () => {
    const text = 'A refund is paid back within days. This banana is a treat.';
    expect(marked(text, 'a is refund')).toEqual(['A', 'refund', 'is', 'is', 'a']);
  });

  it('marks inflected forms, stemmed as the index stems them', () => {
    expect(marked('Refunds are refunded; refunding takes days.', 'refund take')).toEqual([
      'Refunds',
      'refunded',
      'refunding',
      'takes',
    ]);
    expect(marked('Shipping: we shipped it.', 'ship')).toEqual(['Shipping', 'shipped']);
    expect(marked("The customer's policies", 'customers policy')).toEqual(["customer's", 'policies']);
  });

  it('marks segmented Chinese words, not a character inside a longer word', () => {
    expect(marked('退款多久到账？退款单号在订单页。', '退款多久')).toEqual(['退款', '多久', '退款']);
    expect(marked('我想退款。', '款')).toEqual([]);
    expect(marked('请查看订单。', '单')).toEqual([]);
    expect(marked('可以退，也可以换。退款三天到账。', '退')).toEqual(['退']);
  });

  it('gives offsets into the text as written, accents and case folded', () => {
    const text = 'Café **refunds**, 退款 & more…';
    expect(matchRanges(text, 'cafe refund')).toEqual([
      { start: 0, end: 4 },
      { start: 7, end: 14 },
    ]);
    expect(marked(text, 'CAFÉ 退款')).toEqual(['Café', '退款']);
  });

  it('marks nothing for a query without words', () => {
    expect(matchRanges('How long does a refund take?', '  ?! ')).toEqual([]);
  });

  it('finds words past the first slice of a long text at their offsets in the whole text', () => {
    const text = `${'Delivery takes two days. '.repeat(400)}Your refund arrives.`;
    const [range] = matchRanges(text, 'refunds');
    expect(text.slice(range!.start, range!.end)).toBe('refund');
    expect(range!.start).toBe(text.lastIndexOf('refund'));
  });
});
