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

  it('keeps a paragraph that introduces a list ("try the following:") in the chunk of its list', () => {
    const options = {
      maxTokens: 60,
      overlapTokens: 0,
      countTokens: (t: string) => t.split(/\s+/).filter(Boolean).length,
    };
    const body = `${words(50)}\n\nIf the install fails, try the following:\n\n1. Download the bundle\n2. Open it\n3. Select Install\n\n如果仍然失败，请按以下步骤操作：\n\n- 重新启动`;
    const chunks = chunkMarkdown(body, options);
    const list = chunks.find((c) => c.text.includes('1. Download'))!;
    expect(list.text.startsWith('If the install fails, try the following:')).toBe(true);
    expect(chunks.find((c) => c.text.includes('重新启动'))!.text).toContain('请按以下步骤操作：');
    for (const c of chunks) expect(body.slice(c.start, c.end)).toBe(c.text);
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

describe('chunkMarkdown with long tables', () => {
  const header = '| Plan | Price |\n| --- | --- |';
  const rows = Array.from({ length: 60 }, (_, i) => `| Plan ${i} with extra words | ${i * 5} USD per month |`);
  const options = {
    maxTokens: 60,
    overlapTokens: 12,
    countTokens: (t: string) => t.split(/\s+/).filter(Boolean).length,
  };
  const tableRows = (text: string) => text.split('\n').filter((l) => l.startsWith('|'));

  it('splits by row, repeating the header in every chunk and losing no row', () => {
    const body = `Our plans and their prices.\n\n## Prices\n\n${header}\n${rows.join('\n')}\n\nPrices include tax.\n`;
    const chunks = chunkMarkdown(body, options);
    const withRows = chunks.filter((c) => tableRows(c.text).length > 0);
    expect(withRows.length).toBeGreaterThan(4);
    for (const c of withRows) {
      expect(c.text.split('\n').slice(0, 2).join('\n')).toBe(header);
      expect(options.countTokens(c.text)).toBeLessThanOrEqual(options.maxTokens);
      expect(c.text.endsWith(body.slice(c.start, c.end))).toBe(true);
      expect(c.headings).toEqual(['Prices']);
    }
    const seen = withRows.map((c) => tableRows(c.text).slice(2));
    expect([...new Set(seen.flat())]).toEqual(rows);
    for (let k = 1; k < seen.length; k++) {
      const prev = seen[k - 1]!;
      const shared = seen[k]!.filter((r) => prev.includes(r)).length;
      expect(seen[k]!.slice(0, shared)).toEqual(prev.slice(prev.length - shared));
    }
    for (const row of rows) expect(seen.filter((s) => s.includes(row)).length).toBeLessThanOrEqual(2);
    expect(seen.flat().length).toBeGreaterThan(rows.length);
  });

  it('packs a paragraph with the first rows and repeats the header in later chunks', () => {
    const body = `${words(30, 'intro')}\n\n${header}\n${rows.slice(0, 20).join('\n')}\n`;
    const chunks = chunkMarkdown(body, options);
    expect(chunks[0]!.text).toBe(`${words(30, 'intro')}\n\n${header}\n${rows[0]}`);
    for (const c of chunks.slice(1)) expect(c.text.split('\n').slice(0, 2).join('\n')).toBe(header);
    expect(chunks.at(-1)!.text.endsWith(rows[19]!)).toBe(true);
  });
});
