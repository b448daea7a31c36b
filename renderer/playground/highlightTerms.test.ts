import { describe, expect, it } from 'vitest';
import { highlightTerms, stemWord } from './highlightTerms';

const marked = (text: string, terms: string[]) =>
  highlightTerms(text, terms)
    .filter((r) => r.hit)
    .map((r) => r.text);

describe('highlightTerms', () => {
  it('marks whole words only, never a term inside a longer word', () => {
    const text = 'A refund is paid back within days. This banana is a treat.';
    expect(marked(text, ['a', 'is', 'refund'])).toEqual(['A', 'refund', 'is', 'is', 'a']);
  });

  it('marks inflected forms the stemming index matched', () => {
    expect(marked('Refunds are refunded; refunding takes days.', ['refund', 'take'])).toEqual([
      'Refunds',
      'refunded',
      'refunding',
      'takes',
    ]);
    expect(marked('Shipping: we shipped it.', ['ship'])).toEqual(['Shipping', 'shipped']);
  });

  it('marks segmented Chinese words, not a character inside a longer word', () => {
    expect(marked('退款多久到账？退款单号在订单页。', ['退款', '多久'])).toEqual(['退款', '多久', '退款']);
    expect(marked('我想退款。', ['款'])).toEqual([]);
    expect(marked('请查看订单。', ['单'])).toEqual([]);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'Café **refunds**, 退款 & more…';
    expect(
      highlightTerms(text, ['cafe', 'refund'])
        .map((r) => r.text)
        .join(''),
    ).toBe(text);
    expect(marked(text, ['cafe'])).toEqual(['Café']);
  });

  it('returns the text unmarked when there are no terms', () => {
    expect(highlightTerms('How long does a refund take?', [])).toEqual([
      { text: 'How long does a refund take?', hit: false },
    ]);
  });
});

describe('stemWord', () => {
  it('agrees on inflections and keeps short or unrelated words apart', () => {
    expect(new Set(['refund', 'refunds', 'refunded', 'refunding'].map(stemWord))).toEqual(new Set(['refund']));
    expect(stemWord('policies')).toBe(stemWord('policy'));
    expect(stemWord('is')).toBe('is');
    expect(stemWord('this')).toBe('this');
    expect(stemWord('status')).toBe('status');
    expect(stemWord('agreed')).toBe(stemWord('agree'));
    expect(stemWord('banana')).not.toBe(stemWord('a'));
  });
});
