import { describe, expect, it } from 'vitest';
import {
  chineseWords,
  crossLanguageScores,
  crossLanguageThreshold,
  englishWords,
  loadDictionary,
} from './crossLanguage.js';

describe('crossLanguage', () => {
  it('splits a Chinese question into the longest dictionary words', async () => {
    const dictionary = await loadDictionary();
    expect(chineseWords('你们卖狗粮吗', dictionary)).toEqual(['你们', '卖', '狗粮', '吗']);
    expect(chineseWords('怎么修改收货地址', dictionary)).toEqual(expect.arrayContaining(['修改', '地址']));
  });

  it('reads Chinese content words as English terms, other words as they are, and grammar as nothing', async () => {
    const dictionary = await loadDictionary();
    expect(englishWords('你们卖狗粮吗？', dictionary)).toEqual([
      ['sell', 'betrai'],
      ['dog', 'food'],
    ]);
    expect(englishWords('可以用PayPal付款吗', dictionary).flat()).toEqual(
      expect.arrayContaining(['paypal', 'pai', 'payment']),
    );
    expect(englishWords('上海門店', dictionary).flat()).toEqual(expect.arrayContaining(['shanghai', 'store']));
    expect(englishWords('的了吗呢个', dictionary)).toEqual([]);
  });

  it('scores an English and a Chinese cluster by what they ask, and only across languages', async () => {
    const side = (language: 'en' | 'zh', ...texts: string[]) => ({
      language,
      items: texts.map((text) => ({ text, count: 1 })),
    });
    const scores = await crossLanguageScores([
      side('en', 'Can I pay with PayPal?', 'do you accept PayPal'),
      side('en', 'do you sell umbrellas'),
      side('zh', '可以用PayPal付款吗？'),
    ]);
    expect(scores.map(({ en, zh }) => [en, zh])).toEqual([[0, 2]]);
    expect(scores[0]!.score).toBeGreaterThanOrEqual(crossLanguageThreshold);
    expect(await crossLanguageScores([side('en', 'pay with PayPal'), side('en', 'PayPal payment')])).toEqual([]);
  });
});
