import { describe, expect, it } from 'vitest';
import {
  conversationalWords,
  englishStopWords,
  isFramingWord,
  isStopWord,
  mandarinStopWords,
  stopWords,
  withoutCounts,
} from './stopWords.js';

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

  it('drops "times" only where it counts how often, and the Chinese counters of tries', () => {
    const words = (text: string) => withoutCounts(text.split(' '));
    expect(words('tried to log in too many times and now it is locked')).not.toContain('times');
    expect(words('charged 3 times for one order')).not.toContain('times');
    expect(words('what are your delivery times')).toContain('times');
    expect(words('opening times of the store')).toContain('times');
    for (const w of ['几次', '多次', '好几次', '次']) expect(isFramingWord(w)).toBe(true);
  });
});
