import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let src: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  src = path.join(ctx.dir, 'src');
  await mkdir(src);
});
afterEach(() => ctx.cleanup());

describe('importPaths', () => {
  it('imports Markdown with and without front matter, detecting Chinese', async () => {
    await writeFile(path.join(src, 'Refund Policy.md'), '# Refund policy\n\nWe refund in 14 days.\n');
    await writeFile(path.join(src, 'zh.md'), '# 退款政策\n\n我们在十四天内退款。\n');
    await writeFile(path.join(src, 'meta.md'), '---\ntitle: Invoices\ntags: [billing]\n---\nBody\n');
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed).toEqual([]);
    const byId = Object.fromEntries((await ctx.store.list()).map((a) => [a.id, a]));
    expect(byId['refund-policy']).toMatchObject({ title: 'Refund policy', locale: 'en' });
    expect(byId['zh']).toMatchObject({ title: '退款政策', locale: 'zh-CN' });
    expect(byId['meta']).toMatchObject({ title: 'Invoices', tags: ['billing'] });
    expect((await ctx.store.get('refund-policy')).body).toBe('We refund in 14 days.\n');
  });

  it('stores HTML as sanitised Markdown', async () => {
    await writeFile(
      path.join(src, 'page.html'),
      `<html><head><title>Payments</title><script>alert(1)</script></head><body>
       <h2 onclick="alert(2)">Cards</h2><p>We accept <b>Visa</b>.<img src=x onerror="alert(3)"></p>
       <a href="javascript:alert(4)">bad</a> <a href="https://example.com/help">good</a>
       <table><tr><th>Method</th><th>Days</th></tr><tr><td>Card</td><td>5</td></tr></table></body></html>`,
    );
    const report = await importPaths(ctx.store, [path.join(src, 'page.html')]);
    expect(report.imported).toHaveLength(1);
    const text = await readFile(path.join(ctx.ws.articlesDir, 'page.md'), 'utf8');
    expect(text).toContain('title: Payments');
    expect(text).toContain('## Cards');
    expect(text).toContain('**Visa**');
    expect(text).toContain('[good](https://example.com/help)');
    expect(text).toContain('| Method | Days |');
    expect(text).not.toMatch(/script|onerror|onclick|javascript:|alert/i);
  });

  it('imports JSONL corpora and CSV FAQs, reporting bad records by line', async () => {
    await writeFile(
      path.join(src, 'corpus.jsonl'),
      [
        '{"_id":"faq-001","title":"Masks","text":"Wear one."}',
        'not json',
        '{"id":"faq-002","title":"Tests","text":"Get tested."}',
      ].join('\n'),
    );
    await writeFile(
      path.join(src, 'faq.csv'),
      'Question,Answer,Tags\n"How do I pay?","By card, or PayPal.",payment\n"",""\n怎么退款?,在订单页申请。,refunds\n',
    );
    const report = await importPaths(ctx.store, [src]);
    expect(report.imported.map((i) => i.id).sort()).toEqual(['faq-001', 'faq-002', 'how-do-i-pay', '怎么退款']);
    expect(report.failed.map((f) => f.source.split(/[\\/]/).pop())).toEqual(['corpus.jsonl:2', 'faq.csv:3']);
    expect(await ctx.store.get('how-do-i-pay')).toMatchObject({ tags: ['payment'], body: 'By card, or PayPal.\n' });
    expect((await ctx.store.get('怎么退款')).locale).toBe('zh-CN');
  });

  it('imports 1,000 files and reports 5 broken ones, leaving no partial article', async () => {
    for (let i = 0; i < 1000; i++) {
      await writeFile(
        path.join(src, `doc-${String(i).padStart(4, '0')}.md`),
        `---\ntitle: Doc ${i}\nlocale: en\ntags: [gen]\n---\n\nText of document ${i}.\n`,
      );
    }
    await writeFile(path.join(src, 'bad-front-matter.md'), '---\ntitle: Bad\nreviewBy: tomorrow\n---\nx');
    await writeFile(path.join(src, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    await writeFile(path.join(src, 'latin1.md'), Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await writeFile(path.join(src, 'empty.md'), '');
    await writeFile(path.join(src, 'huge.md'), Buffer.alloc(20 * 1024 * 1024, 'a'));
    const report = await importPaths(ctx.store, [src]);
    expect(report.imported).toHaveLength(1000);
    const reasons = Object.fromEntries(report.failed.map((f) => [path.basename(f.source), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'bad-front-matter.md',
      'binary.md',
      'empty.md',
      'huge.md',
      'latin1.md',
    ]);
    expect(reasons['bad-front-matter.md']).toMatch(/reviewBy/);
    expect(reasons['binary.md']).toMatch(/binary/);
    expect(reasons['latin1.md']).toMatch(/UTF-8/);
    expect(reasons['empty.md']).toMatch(/empty/);
    expect(reasons['huge.md']).toMatch(/20\.0 MB/);
    const files = await readdir(ctx.ws.articlesDir);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(1000);
    expect(files.filter((f) => !f.endsWith('.md'))).toEqual([]);
  });
});
