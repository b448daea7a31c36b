import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { auditFile } from '../audit/index.js';
import { importPaths, type ImportProgress } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let src: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  src = path.join(ctx.dir, 'src');
  await mkdir(src);
});
afterEach(() => ctx.cleanup());

/** Write a CSV FAQ of `rows` rows, streamed to disk (never whole in memory). */
async function writeFaqCsv(file: string, rows: number): Promise<void> {
  async function* lines() {
    yield 'question,answer,tags\n';
    let batch = '';
    for (let i = 1; i <= rows; i++) {
      batch += `"How do I return order ${i}?","Open order ${i} in your account, choose Return, and print the label. Refunds take five days.",returns\n`;
      if (i % 10_000 === 0) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}

interface Entry {
  action: string;
  details: { created: number; updated: number; ids: string[]; batch: number; stopped?: string };
}

async function auditEntries(): Promise<Entry[]> {
  const text = await readFile(path.join(ctx.ws.root, auditFile), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry);
}

describe('import of large corpora', () => {
  it('streams a 1,000,000-row CSV up to the row cap, with progress, in bounded memory', async () => {
    const csv = path.join(src, 'faq.csv');
    await writeFaqCsv(csv, 1_000_000);
    const progress: ImportProgress[] = [];
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    let report;
    try {
      report = await importPaths(ctx.store, [csv], {
        maxRows: 2000,
        onProgress: (_done, _total, p) => progress.push(p),
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(report.counts).toMatchObject({ created: 2000, updated: 0, reported: 1 });
    expect(report.capped).toEqual([{ source: csv, rows: 1_000_000, read: 2000, notImported: 998_000, maxRows: 2000 }]);
    expect(report.failed).toEqual([
      {
        source: csv,
        reason: expect.stringContaining(
          '998,000 of its 1,000,000 rows were not imported: the limit is 2,000 rows per file',
        ) as string,
      },
    ]);
    expect(report.failed[0]!.reason).toContain('import it again with --max-rows 1000000');
    expect(report.stopped).toBeUndefined();
    expect((await readdir(ctx.ws.articlesDir)).filter((f) => f.endsWith('.md'))).toHaveLength(2000);
    expect(report.imported.at(-1)).toMatchObject({ id: 'how-do-i-return-order-2000', source: `${csv}:2001` });

    // Progress came while the rows were read (past the cap too) and while articles were written.
    const rowsSeen = progress.map((p) => p.rows ?? 0);
    expect(Math.max(...rowsSeen)).toBeGreaterThan(500_000);
    expect(progress.some((p) => p.written > 0 && p.written < 2000)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ files: 1, filesRead: 1, planned: 2000, written: 2000 });

    // One audit entry a batch of 500, each naming every article it created.
    const entries = await auditEntries();
    expect(entries.map((e) => [e.action, e.details.created, e.details.batch])).toEqual([
      ['import', 500, 1],
      ['import', 500, 2],
      ['import', 500, 3],
      ['import', 500, 4],
    ]);
    expect(new Set(entries.flatMap((e) => e.details.ids)).size).toBe(2000);

    expect(peak / 1024 / 1024).toBeLessThan(600);
  }, 120_000);

  it('streams a JSONL corpus up to the cap, counting the lines past it and skipping one endless line', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ id: `rec-${i + 1}`, title: `Record ${i + 1}`, text: `Text of record ${i + 1}.` }),
    );
    lines.splice(5, 0, `{"id":"huge","title":"Huge","text":"${'x'.repeat(200_000)}"}`, '', '   ');
    await writeFile(path.join(src, 'corpus.jsonl'), `${lines.join('\n')}\n`);
    const report = await importPaths(ctx.store, [src], { maxRows: 100, maxFileBytes: 1000 });
    expect(report.counts).toMatchObject({ created: 99, reported: 2 });
    expect(report.failed[0]).toMatchObject({
      source: expect.stringMatching(/corpus\.jsonl:6$/) as string,
      reason: expect.stringMatching(/^Line has 200,0\d\d characters|^Line has 2000\d\d characters/) as string,
    });
    expect(report.capped).toMatchObject([{ rows: 3001, read: 100, notImported: 2901, maxRows: 100 }]);
  });

  it('records every finished batch when the import is interrupted part-way', async () => {
    const csv = path.join(src, 'faq.csv');
    await writeFaqCsv(csv, 5000);
    const stop = new AbortController();
    const report = await importPaths(ctx.store, [csv], {
      batchSize: 200,
      signal: stop.signal,
      onProgress: (_done, _total, p) => {
        if (p.written >= 700) stop.abort();
      },
    });
    expect(report.stopped).toMatch(/^Interrupted before the end/);
    const created = report.imported.map((i) => i.id);
    expect(created.length).toBeGreaterThanOrEqual(700);
    expect(created.length).toBeLessThan(1000);
    const files = (await readdir(ctx.ws.articlesDir)).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(created.length);
    // Every article written is in the audit log, the last batch (cut short) included.
    const entries = await auditEntries();
    expect(new Set(entries.flatMap((e) => e.details.ids))).toEqual(new Set(created));
    expect(entries.at(-1)!.details.stopped).toBe('Interrupted');

    // Importing again finishes the job and leaves what was imported unchanged.
    const again = await importPaths(ctx.store, [csv]);
    expect(again.counts).toMatchObject({ created: 5000 - created.length, unchanged: created.length, reported: 0 });
  });

  it('stops on a write error that would hit every article, and still records what it wrote', async () => {
    const csv = path.join(src, 'faq.csv');
    await writeFaqCsv(csv, 1200);
    const store = ctx.store;
    let writes = 0;
    const original = store.createFile.bind(store);
    store.createFile = async (id: string, text: string) => {
      if (++writes > 600)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      return original(id, text);
    };
    const report = await importPaths(store, [csv]);
    expect(report.stopped).toMatch(/^Stopped before the end: ENOSPC: no space left on device/);
    expect(report.counts.created).toBeGreaterThanOrEqual(600);
    expect(report.counts.created).toBeLessThan(1200);
    const entries = await auditEntries();
    expect(new Set(entries.flatMap((e) => e.details.ids)).size).toBe(report.counts.created);
    expect(entries.at(-1)!.details.stopped).toMatch(/^Stopped: ENOSPC/);
  });
});
