import { describe, expect, it } from 'vitest';
import { cleanMeta, intentPath, newIntent, newProfileMeta, profileLocales } from './profileMeta';

describe('cleanMeta', () => {
  it('leaves out blank phrases, empty example lists and unnamed currencies', () => {
    const meta = newProfileMeta('Oakley');
    meta.languages = ['en', ' '];
    meta.handoffMessage = { en: 'A person will take over.', 'zh-CN': '  ' };
    meta.handoff = [
      {
        ...newIntent(),
        topic: ' large-refund ',
        keywords: ['refund|money_back', ''],
        examples: { en: ['Refund 800 dollars', ' '], 'zh-CN': [''] },
        amountAbove: { usd: 300, '': 5 },
        amountWords: ['退款', '  '],
      },
      { ...newIntent(), topic: 'legal', amountAbove: { '': 1 } },
    ];
    const clean = cleanMeta(meta);
    expect(clean.languages).toEqual(['en']);
    expect(clean.handoffMessage).toEqual({ en: 'A person will take over.' });
    expect(clean.handoff[0]).toMatchObject({
      topic: 'large-refund',
      keywords: ['refund|money_back'],
      examples: { en: ['Refund 800 dollars'] },
      amountAbove: { USD: 300 },
      amountWords: ['退款'],
    });
    expect(clean.handoff[1]).not.toHaveProperty('amountAbove');
  });

  it('keeps the intents in place, so the core reports problems at the paths the form shows', () => {
    const meta = newProfileMeta('Oakley');
    meta.scope.out = [newIntent(), { ...newIntent(), topic: 'jobs' }];
    expect(cleanMeta(meta).scope.out.map((i) => i.topic)).toEqual(['', 'jobs']);
    expect(intentPath('out', 1, 'topic')).toBe('scope.out.1.topic');
    expect(intentPath('handoff', 2)).toBe('handoff.2');
  });
});

describe('profileLocales', () => {
  it('offers English and Chinese, then the profile, workspace and used locales once each', () => {
    const meta = { ...newProfileMeta('Oakley'), languages: ['en', 'fr'] };
    expect(profileLocales(meta, ['zh-CN', 'de'], ['ja', 'fr'])).toEqual(['en', 'zh-CN', 'fr', 'de', 'ja']);
  });
});
