import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { auditFile } from '../audit/index.js';
import { maxMarkdownNesting } from '../indexing/index.js';
import { maxHtmlNesting } from './htmlNesting.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let src: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  src = path.join(ctx.dir, 'src');
  await mkdir(src);
});
afterEach(() => ctx.cleanup());

/** The shapes that used to throw a RangeError half-way through an import. */
const hostile = {
  quotes: '>'.repeat(5000),
  divs: `<html><body>${'<div>'.repeat(2000)}deep${'</div>'.repeat(2000)}</body></html>`,
  list: Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'),
};

async function auditEntries(): Promise<{ action: string; details: { created: number; ids: string[] } }[]> {
  const text = await readFile(path.join(ctx.ws.root, auditFile), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { action: string; details: { created: number; ids: string[] } });
}

describe('import of deeply nested pages', () => {
  it('reports 5,000 ">", 2,000 nested <div> and a 1,500-level list with the reason, and imports the rest', async () => {
    await writeFile(path.join(src, 'a-good.md'), '# Opening hours\n\nWe open at nine.\n');
    await writeFile(path.join(src, 'quotes.md'), hostile.quotes);
    await writeFile(path.join(src, 'divs.html'), hostile.divs);
    await writeFile(
      path.join(src, 'divs-in-markdown.md'),
      `# Divs\n\n${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}\n`,
    );
    await writeFile(path.join(src, 'list.md'), `# List\n\n${hostile.list}\n`);
    await writeFile(
      path.join(src, 'corpus.jsonl'),
      [
        JSON.stringify({ id: 'nested-record', title: 'Nested', text: '>'.repeat(5000) }),
        JSON.stringify({ id: 'fine-record', title: 'Fine', text: 'A record with a > in it.' }),
      ].join('\n'),
    );
    await writeFile(path.join(src, 'z-good.html'), '<h1>Returns</h1><p>Send it back within 30 days.</p>');

    const report = await importPaths(ctx.store, [src]);

    expect(report.imported.map((i) => i.id).sort()).toEqual(['a-good', 'fine-record', 'z-good']);
    const reasons = Object.fromEntries(report.failed.map((f) => [path.basename(f.source), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'corpus.jsonl:1',
      'divs-in-markdown.md',
      'divs.html',
      'list.md',
      'quotes.md',
    ]);
    expect(reasons['quotes.md']).toMatch(
      new RegExp(`^Markdown nested 5,000 levels deep .*; the limit is ${maxMarkdownNesting}\\. Flatten it`),
    );
    expect(reasons['corpus.jsonl:1']).toMatch(`nested 5,000 levels deep`);
    expect(reasons['list.md']).toMatch(`nested 1,500 levels deep (block quotes or lists inside each other)`);
    expect(reasons['divs.html']).toMatch(
      `HTML nested 2,000 levels deep (elements inside each other); the limit is ${maxHtmlNesting}`,
    );
    expect(reasons['divs-in-markdown.md']).toMatch(`HTML nested 2,000 levels deep`);
    expect(report.counts).toMatchObject({ created: 3, reported: 5 });
    expect(report.stopped).toBeUndefined();

    // The import is recorded: one audit entry for the batch, naming what it created.
    const entries = await auditEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', details: { created: 3 } });
    expect(entries[0]!.details.ids.sort()).toEqual(['a-good', 'fine-record', 'z-good']);
  });

  it('imports pages nested up to the limits', async () => {
    const quotes = `${'> '.repeat(maxMarkdownNesting)}deep quote\n`;
    const list = Array.from({ length: maxMarkdownNesting }, (_, i) => `${'  '.repeat(i)}- item ${i + 1}`).join('\n');
    const divs = `<h1>Divs</h1>${'<div>'.repeat(maxHtmlNesting - 1)}deep text${'</div>'.repeat(maxHtmlNesting - 1)}`;
    await writeFile(path.join(src, 'quotes.md'), `# Quotes\n\n${quotes}`);
    await writeFile(path.join(src, 'list.md'), `# List\n\n${list}\n`);
    await writeFile(path.join(src, 'divs.html'), divs);
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => i.id).sort()).toEqual(['divs', 'list', 'quotes']);
    expect((await ctx.store.get('divs')).body).toContain('deep text');
    expect((await ctx.store.get('list')).body).toContain(`- item ${maxMarkdownNesting}`);
  });
});
