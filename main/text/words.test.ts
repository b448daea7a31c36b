import { diffWordsWithSpace } from 'diff';
import { describe, expect, it } from 'vitest';
import { hasHan, sentenceSegments, slices, wordSegmenter, wordSegments, words } from './words.js';

describe('words', () => {
  it('segments Latin and Chinese text into words, as written', () => {
    expect(words('How long does a Refund take? 退款多久到账')).toEqual([
      'How',
      'long',
      'does',
      'a',
      'Refund',
      'take',
      '退款',
      '多久',
      '到',
      '账',
    ]);
  });

  it('cuts a long text into slices at natural breaks, and gives segments offsets in the whole text', () => {
    const text = '退货政策说明。'.repeat(1000);
    const parts = [...slices(text)];
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    for (const p of parts.slice(0, -1)) expect(p.text.endsWith('。')).toBe(true);
    for (const s of wordSegments(text)) expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment);
    expect(words(text)).toEqual(Array.from({ length: 1000 }, () => words('退货政策说明。')).flat());
  });

  it('reads sentences by ICU rules and tells Chinese apart', () => {
    expect([...sentenceSegments('See e.g. the policy. It is 3.5 days.')].map((s) => s.segment.trim())).toEqual([
      'See e.g. the policy.',
      'It is 3.5 days.',
    ]);
    expect(hasHan('refund 退款')).toBe(true);
    expect(hasHan('refund')).toBe(false);
  });
});

describe('wordSegmenter', () => {
  it('serves as the Intl.Segmenter a library asks for, segmenting as wordSegments does', () => {
    const segmenter = wordSegmenter();
    expect(segmenter.resolvedOptions().granularity).toBe('word');
    const text = 'Refunds take 5 days. 退款多久到账';
    const segments = [...segmenter.segment(text)];
    expect(segments.map((s) => s.segment)).toEqual([...wordSegments(text)].map((s) => s.segment));
    expect(segmenter.segment(text).containing(2)).toMatchObject({ segment: 'Refunds', index: 0, isWordLike: true });
    expect(segmenter.segment(text).containing(100)).toBeUndefined();
  });

  it('lets jsdiff diff word by word, Chinese included', () => {
    const parts = diffWordsWithSpace('退款要三天到账', '退款要七天到账', { intlSegmenter: wordSegmenter() });
    expect(parts.map((p) => [p.added ? '+' : p.removed ? '-' : '=', p.value])).toEqual([
      ['=', '退款要'],
      ['-', '三'],
      ['+', '七'],
      ['=', '天到账'],
    ]);
  });
});
