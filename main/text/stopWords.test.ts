import { describe, expect, it } from 'vitest';
import { conversationalWords, englishStopWords, isStopWord, mandarinStopWords, stopWords } from './stopWords.js';

describe('stop words', () => {
  it('holds English and Mandarin stop words and the words customers wrap any question in', () => {
    for (const w of ['the', 'and', 'of', 'does']) expect(englishStopWords.has(w)).toBe(true);
    for (const w of ['的', '了', '和']) expect(mandarinStopWords.has(w)).toBe(true);
    for (const w of ['hi', 'please', 'thanks', '请问', '怎么办', '您好']) expect(conversationalWords).toContain(w);
    expect(stopWords.size).toBeGreaterThan(englishStopWords.size);
    for (const w of [...englishStopWords, ...mandarinStopWords, ...conversationalWords])
      expect(isStopWord(w)).toBe(true);
  });

  it('keeps the words that carry a topic', () => {
    for (const w of ['refund', 'delivery', 'sofa', '退款', '门店']) expect(isStopWord(w)).toBe(false);
  });
});
