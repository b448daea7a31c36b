import { describe, expect, it } from 'vitest';
import { coverage, passageTerms, questionTerms } from './coverage.js';
import { conceptSources, wordClasses } from './wordClasses.js';

describe('wordClasses', () => {
  it('finds the same concepts in different words, English and Chinese', () => {
    expect(wordClasses('remove my login for good')).toEqual(expect.arrayContaining(['§remove', '§account']));
    expect(wordClasses('Please close my account')).toEqual(expect.arrayContaining(['§remove', '§account']));
    expect(wordClasses('把我留的个人资料都清掉')).toEqual(expect.arrayContaining(['§remove', '§personalData']));
  });

  it('keeps "personal" and "person" apart although they share a stem', () => {
    expect(wordClasses('delete my personal data')).not.toContain('§person');
    expect(wordClasses('let me talk to a real person')).toEqual(['§person']);
  });

  it('reads concepts said in several words, and says which words express each', () => {
    expect(wordClasses("there's a charge on my card and I never bought anything")).toEqual(
      expect.arrayContaining(['§charge', '§dispute']),
    );
    expect(wordClasses('I never heard back')).not.toContain('§dispute');
    // One word may express two concepts; the sources show it is one piece of evidence, not two.
    const sources = conceptSources('I want every trace of me gone');
    expect([...(sources.get('§forever') ?? [])]).toEqual(['gone']);
    expect([...(sources.get('§lost') ?? [])]).toEqual(['gone']);
    expect(wordClasses('摸了一下灯杆被电了一下')).toContain('§danger');
  });

  it('leaves the everyday senses of risky words alone: shop talk is not danger or a legal matter', () => {
    for (const text of [
      'Can I pay with a gift certificate?',
      'a present for my mother-in-law',
      'is the dining table collapsible',
      'is the sofa fabric flame retardant',
      'is the paint non-toxic',
      '这个烟灰缸是什么材质',
      '爆款沙发什么时候补货',
      '表面有轻微损伤能换吗',
      '需要实名认证吗',
    ]) {
      expect(wordClasses(text)).not.toContain('§danger');
      expect(wordClasses(text)).not.toContain('§legal');
    }
  });
});

describe('coverage by concept', () => {
  it('counts a synonym in the passage for half of the question word, and a merely related word not at all', () => {
    const stats = { chunks: 40, df: new Map<string, number>() };
    const terms = questionTerms('the box came crushed');
    const damaged = coverage(terms, passageTerms('If the box arrived damaged, send us photos.'), stats).score;
    const plain = coverage(terms, passageTerms('Keep the box for returns.'), stats).score;
    expect(damaged).toBeGreaterThan(plain);
    const refund = questionTerms('refund');
    expect(coverage(refund, passageTerms('You pay at checkout.'), stats).score).toBe(0);
  });
});
