import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ArticleStore } from '../main/articles/index.js';
import { defaultMaxRows, importPaths } from '../main/import/index.js';
import { createWorkspace } from '../main/session/index.js';
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
  /** A generated CSV FAQ far past the row cap, imported once with the default cap. */
  csv?: CsvImport;
}

export interface CsvImport {
  rows: number;
  megabytes: number;
  /** The row cap it ran with (the default), and the articles it created. */
  maxRows: number;
  created: number;
  seconds: number;
  /** Rows streamed through per second, over the whole import (those past the cap only counted). */
  rowsPerSecond: number;
  /** Articles written per second until the cap was reached. */
  articlesPerSecond: number;
  /** Peak resident memory of the importing process (its own process, so nothing else counts). */
  peakRssMb: number;
}

/** A CSV FAQ of `rows` rows, streamed to disk. */
async function writeCsv(file: string, rows: number): Promise<void> {
  async function* lines() {
    yield 'question,answer,tags\n';
    let batch = '';
    for (let i = 1; i <= rows; i++) {
      batch += `"How do I return order ${i}?","Open order ${i} in your account, choose Return and print the label; the refund reaches your card within five working days.",returns\n`;
      if (i % 10_000 === 0) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}

/**
 * Import a generated CSV of `rows` rows into a fresh workspace with the default row cap, in a child
 * process: rows/s through the whole file, articles/s until the cap, and the process's peak RSS.
 */
export async function csvImportThroughput(dir: string, rows = 1_000_000): Promise<CsvImport> {
  const csv = path.join(dir, 'faq.csv');
  await writeCsv(csv, rows);
  const ws = await createWorkspace(path.join(dir, 'ws-csv'), { name: 'CSV import bench' });
  const child = fileURLToPath(new URL('./importCsvChild.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, ws.root, csv], {
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    maxBuffer: 1024 * 1024,
  });
  const r = JSON.parse(stdout) as {
    ms: number;
    capReachedMs: number;
    created: number;
    capped?: { rows: number };
    stopped?: string;
    peakRssMb: number;
  };
  if (r.stopped || r.created !== Math.min(rows, defaultMaxRows) || (rows > defaultMaxRows && r.capped?.rows !== rows))
    throw new Error(`CSV import bench: unexpected result ${stdout}`);
  return {
    rows,
    megabytes: Math.round((await stat(csv)).size / 1e5) / 10,
    maxRows: defaultMaxRows,
    created: r.created,
    seconds: Math.round(r.ms / 100) / 10,
    rowsPerSecond: Math.round(rows / (r.ms / 1000)),
    articlesPerSecond: Math.round(r.created / (r.capReachedMs / 1000)),
    peakRssMb: Math.round(r.peakRssMb),
  };
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
