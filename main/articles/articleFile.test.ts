import { describe, expect, it } from 'vitest';
import { parseArticleFile, serializeArticle } from './articleFile.js';

const valid = `---
id: refund-policy
title: Refund policy
tags: [refunds, returns]
locale: en
audience: customer
owner: mei.chen
reviewBy: 2027-03-31
---

# Refunds

We refund within 14 days.
`;

describe('parseArticleFile', () => {
  it('reads front matter and body, keeping dates as strings', () => {
    const parsed = parseArticleFile(valid, 'articles/refund-policy.md', 'refund-policy');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.meta).toMatchObject({ id: 'refund-policy', tags: ['refunds', 'returns'], reviewBy: '2027-03-31' });
    expect(parsed.body).toBe('# Refunds\n\nWe refund within 14 days.\n');
  });

  it('names the file, the field and the fix for a bad field', () => {
    const parsed = parseArticleFile(valid.replace('2027-03-31', '31/03/2027'), 'articles/refund-policy.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ file: 'articles/refund-policy.md', field: 'reviewBy' });
    expect(parsed.problems[0]!.fix).toContain('YYYY-MM-DD');
  });

  it('reports YAML syntax errors without throwing', () => {
    const parsed = parseArticleFile('---\ntitle: [unclosed\n---\nbody', 'articles/x.md');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/not valid YAML/);
  });

  it('rejects an id that does not match the file name', () => {
    const parsed = parseArticleFile(valid, 'articles/other.md', 'other');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.fix).toContain('id: other');
  });

  it('rejects ids that could escape the articles folder', () => {
    const parsed = parseArticleFile(valid.replace('id: refund-policy', 'id: ../../etc/passwd'), 'x.md');
    expect(parsed.ok).toBe(false);
  });
});

describe('serializeArticle', () => {
  it('round-trips through parse with fields in a stable order and tags in flow style', () => {
    const parsed = parseArticleFile(valid, 'a.md');
    if (!parsed.ok) throw new Error('fixture invalid');
    const text = serializeArticle(parsed.meta, parsed.body);
    expect(text).toBe(valid);
    expect(text).toContain('tags: [refunds, returns]');
  });

  it('quotes values YAML would misread', () => {
    const text = serializeArticle(
      { id: 'a', title: 'Refunds: how long? #1', tags: ['yes'], locale: 'zh-CN', audience: 'agent', owner: '' },
      '退款',
    );
    const parsed = parseArticleFile(text, 'a.md');
    expect(parsed.ok && parsed.meta.title).toBe('Refunds: how long? #1');
    expect(parsed.ok && parsed.meta.tags).toEqual(['yes']);
  });
});
