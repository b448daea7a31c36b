import { describe, expect, it } from 'vitest';
import { chunkMarkdown, estimateTokens } from './chunkMarkdown.js';

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

describe('chunkMarkdown', () => {
  it('keeps the heading path and exact offsets of each chunk', () => {
    const body = `Intro text.\n\n## Refunds\n\nCards take 5 days.\n\n### Alipay\n\nOne day.\n\n## Returns\n\n- 30 days\n- unused\n`;
    const chunks = chunkMarkdown(body);
    expect(chunks.map((c) => c.headings)).toEqual([[], ['Refunds'], ['Refunds', 'Alipay'], ['Returns']]);
    for (const c of chunks) expect(body.slice(c.start, c.end)).toBe(c.text);
    expect(chunks[3]!.text).toBe('- 30 days\n- unused');
  });

  it('ignores headings inside code blocks', () => {
    const chunks = chunkMarkdown('## A\n\n```\n# not a heading\n```\n');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.headings).toEqual(['A']);
  });

  it('stays within the token budget and overlaps consecutive chunks', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => words(20, `p${i}w`)).join('\n\n');
    const options = {
      maxTokens: 60,
      overlapTokens: 30,
      countTokens: (t: string) => t.split(/\s+/).filter(Boolean).length,
    };
    const chunks = chunkMarkdown(paragraphs, options);
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks) expect(options.countTokens(c.text)).toBeLessThanOrEqual(60);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end);
    expect(chunks.at(-1)!.end).toBe(paragraphs.length);
  });

  it('splits one over-long paragraph by sentences, Chinese included', () => {
    const zh = '退款会在七个工作日内到账。'.repeat(40);
    const chunks = chunkMarkdown(zh, { maxTokens: 50, overlapTokens: 0, countTokens: estimateTokens });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((c) => c.text).join('')).toBe(zh);
  });
});
