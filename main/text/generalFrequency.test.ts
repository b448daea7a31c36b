import { describe, expect, it } from 'vitest';
import { coverage, passageTerms, questionTerms } from './coverage.js';
import { generalSpecificity } from './generalFrequency.js';
import { term } from './terms.js';

describe('generalSpecificity', () => {
  it('weighs everyday words low, topic words high, and words it does not know fully', () => {
    const s = (w: string) => generalSpecificity(term(w));
    expect(s('now')).toBeLessThan(0.3);
    expect(s('tried')).toBeLessThan(0.7);
    expect(s('refund')).toBe(1);
    expect(s('passphrase')).toBe(1);
    expect(s('now')).toBeLessThan(s('locked'));
    expect(s('退款')).toBe(1);
  });

  it('lets the informative words of a question decide coverage when asked to', () => {
    const terms = questionTerms('tried again now and my account is locked');
    const stats = { chunks: 50, df: new Map<string, number>() };
    const chatty = passageTerms('I tried again now.');
    const topical = passageTerms('A locked account opens again after 30 minutes.');
    expect(coverage(terms, chatty, stats).score).toBeGreaterThan(0.3);
    expect(coverage(terms, chatty, stats, { everyday: true }).score).toBeLessThan(
      coverage(terms, topical, stats, { everyday: true }).score,
    );
  });
});
