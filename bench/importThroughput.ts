import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArticleStore } from '../main/articles/index.js';
import { importPaths } from '../main/import/index.js';
import { createWorkspace } from '../main/workspace/index.js';
import { median } from './stats.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A Jekyll-style help centre of `pages` articles with callouts, image tags, site links and anchors. */
async function writeSite(root: string, pages: number): Promise<void> {
  await mkdir(path.join(root, '_articles'), { recursive: true });
  await mkdir(path.join(root, 'assets/images'), { recursive: true });
  await writeFile(path.join(root, '_config.yml'), 'title: Help\nbaseurl: /help\n');
  for (let i = 0; i < 20; i++) await writeFile(path.join(root, `assets/images/shot-${i}.png`), png);
  for (let i = 0; i < pages; i++) {
    const zh = i % 4 === 3;
    const body = zh
      ? `## 如何申请退款 {#refund-${i}}\n\n订单 ${i} 可以在七天内申请退款。{% callout tip %}退款会退回原支付方式。{% endcallout %}\n\n{% image /assets/images/shot-${i % 20}.png "退款页面" %}\n\n参见 [账户设置]({{site.baseurl}}/article/page-${(i + 1) % pages}/)。\n`
      : `## Refunds for order ${i} {#refunds-${i}}\n\nRequest a refund within 14 days.{: .lead}\n\n{% callout warning %}Refunds go back to the original payment method.{% endcallout %}\n\n{% image /assets/images/shot-${i % 20}.png "The refund form" %}\n\n| Plan | Price |\n| --- | --- |\n| Basic | $3 |\n| Pro | $9 |\n\nSee [account settings]({{site.baseurl}}/article/page-${(i + 1) % pages}/).\n`;
    await writeFile(
      path.join(root, `_articles/page-${i}.md`),
      `---\ntitle: ${zh ? `退款问题 ${i}` : `Refund question ${i}`}\ndescription: Page ${i}\ncategories: [billing]\nlayout: article\n---\n\n${body}`,
    );
  }
}

export interface ImportThroughput {
  files: number;
  runs: number;
  /** Median files per second of a first import into an empty workspace. */
  filesPerSecond: number;
  /** Median files per second of a re-import where every file is unchanged. */
  unchangedFilesPerSecond: number;
}

/** Import a generated static site of `pages` files into fresh workspaces; medians of `runs`. */
export async function importThroughput(dir: string, pages = 5000, runs = 3): Promise<ImportThroughput> {
  const site = path.join(dir, 'site');
  await writeSite(site, pages);
  const first: number[] = [];
  const again: number[] = [];
  for (let r = 0; r < runs; r++) {
    const ws = await createWorkspace(path.join(dir, `ws-${r}`), { name: 'Import bench' });
    const store = new ArticleStore(ws);
    let start = performance.now();
    const report = await importPaths(store, [site]);
    first.push(performance.now() - start);
    if (report.counts.created !== pages) {
      throw new Error(
        `Import bench: expected ${pages} created, got ${JSON.stringify(report.counts)}: ${JSON.stringify(report.failed.slice(0, 3))}`,
      );
    }
    start = performance.now();
    const second = await importPaths(store, [site]);
    again.push(performance.now() - start);
    if (second.counts.unchanged !== pages)
      throw new Error(`Import bench: re-import changed files: ${JSON.stringify(second.counts)}`);
  }
  return {
    files: pages,
    runs,
    filesPerSecond: Math.round(pages / (median(first) / 1000)),
    unchangedFilesPerSecond: Math.round(pages / (median(again) / 1000)),
  };
}
