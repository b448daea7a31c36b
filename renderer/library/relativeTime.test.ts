import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

const now = Date.UTC(2025, 5, 1, 12, 0, 0);
const minutes = (n: number) => now - n * 60_000;

describe('relativeTime', () => {
  it('is compact in English and Chinese', () => {
    expect(relativeTime(minutes(4), 'en', now)).toBe('4 min ago');
    expect(relativeTime(minutes(4), 'zh-CN', now)).toBe('4分钟前');
    expect(relativeTime(minutes(3 * 60), 'en', now)).toBe('3 hr ago');
    expect(relativeTime(minutes(0.2), 'en', now)).toBe('this minute');
  });

  it('never needs more than a dozen characters for recent dates', () => {
    for (const n of [1, 59, 60 * 23, 60 * 24 * 29, 60 * 24 * 364])
      expect(relativeTime(minutes(n), 'en', now).length).toBeLessThanOrEqual(12);
  });
});
