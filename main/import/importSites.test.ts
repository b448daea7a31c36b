import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../indexing/index.js';
import { findSiteMarkupResidue } from './cleanSiteMarkup.js';
import { importPaths, type ImportReport } from './importPaths.js';

const sites = path.join(repoRoot, 'tests/fixtures/sites');
const names = ['jekyll', 'vitepress-zh', 'hugo', 'docusaurus', 'mkdocs'];

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let index: ChunkIndex;
const reports: Record<string, ImportReport> = {};
let articles: { id: string; title: string; body: string; source?: { collection: string; path: string } }[] = [];
let chunks: { article_id: string; text: string }[] = [];

beforeAll(async () => {
  ctx = await tempWorkspace();
  for (const name of names) reports[name] = await importPaths(ctx.store, [path.join(sites, name)]);
  articles = await Promise.all((await ctx.store.list()).map((a) => ctx.store.get(a.id)));
  index = await ChunkIndex.open(indexDir(ctx.store));
  await indexWorkspace(ctx.store, index);
  chunks = await index.rowsForVectors();
}, 120_000);
afterAll(async () => {
  index.close();
  await ctx.cleanup();
});

const byPath = (collection: string, p: string) =>
  articles.find((a) => a.source?.collection === collection && a.source.path === p);

describe('importing static-site sources', () => {
  it('imports every page of every site', () => {
    for (const name of names) {
      expect(reports[name]!.imported.length, name).toBeGreaterThan(2);
      expect(reports[name]!.failed, name).toEqual([]);
    }
  });

  it('leaves no template syntax in any article or chunk outside code', () => {
    expect(articles.length).toBeGreaterThan(15);
    expect(chunks.length).toBeGreaterThanOrEqual(articles.length);
    const residue = [
      ...articles.map((a) => [a.id, findSiteMarkupResidue(a.body)] as const),
      ...chunks.map((c) => [c.article_id, findSiteMarkupResidue(c.text)] as const),
    ].filter(([, found]) => found.length > 0);
    expect(residue).toEqual([]);
    for (const a of articles) expect(a.title).not.toMatch(/\{#|\{%|\{\{|<\w/);
  });

  it('keeps callout text, image captions and link text, and links pages as articles', () => {
    const refunds = byPath('jekyll', 'refunds.md')!;
    expect(refunds.body).toContain('> [!');
    expect(refunds.body).toContain('Refunds go back to the card or PayPal account you paid with.');
    expect(refunds.body).toContain('Refunds over **$500** are checked by a team lead');
    expect(refunds.body).toContain('Find the order in your invoice list');
    expect(refunds.body).toMatch(/\[Billing and invoices\]\([^)]+\.md\)/);
    expect(refunds.body).toContain('the old returns policy');
    expect(refunds.body).toContain('## Who can get a refund\n');
  });

  it('copies the referenced screenshots and names the missing one', () => {
    const exporting = reports.jekyll!.imported.find((a) => a.source.endsWith('exporting-invoices.md'))!;
    expect(exporting.notes).toEqual(['missing image: /assets/images/export-dialog.png']);
    const body = byPath('jekyll', 'exporting-invoices.md')!.body;
    expect(body).toContain(`../assets/${exporting.id}/invoice-list.png`);
    expect(body).toContain(`../assets/${exporting.id}/download-button.png`);
  });

  it('gives nested index pages distinct readable ids', () => {
    expect(byPath('jekyll', 'guide/index.md')!.id).toBe('guide-index');
    expect(byPath('jekyll', 'config/index.md')!.id).toBe('config-index');
  });

  it('detects Chinese for the Chinese site, code-heavy pages included', async () => {
    const zh = (await ctx.store.list()).filter((a) => a.source?.collection === 'vitepress-zh');
    expect(zh.length).toBeGreaterThan(2);
    expect(zh.map((a) => a.locale)).toEqual(zh.map(() => 'zh-CN'));
  });

  it('changes nothing when the same sites are imported again', async () => {
    for (const name of names) {
      const again = await importPaths(ctx.store, [path.join(sites, name)]);
      expect(
        again.imported.map((a) => a.status).filter((s) => s !== 'unchanged'),
        name,
      ).toEqual([]);
    }
  });
});
