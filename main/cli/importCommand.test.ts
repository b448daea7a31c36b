import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { runCli } from '../../tests/fixtures/runCli.js';
import { auditFile } from '../audit/index.js';
import type { ImportReport } from '../import/index.js';

let home: { dir: string; cleanup: () => Promise<void> };
let ws: string;
beforeEach(async () => {
  home = await tempDir();
  ws = path.join(home.dir, 'ws');
  expect(runCli(home.dir, 'init', ws).code).toBe(0);
  await mkdir(path.join(home.dir, 'src'));
});
afterEach(() => home.cleanup());

/** Write a CSV FAQ of `rows` rows, streamed to disk (never whole in memory). */
async function writeFaqCsv(file: string, rows: number): Promise<void> {
  async function* lines() {
    yield 'question,answer,tags\n';
    let batch = '';
    for (let i = 1; i <= rows; i++) {
      batch += `"How do I return order ${i}?","Open order ${i} in your account, choose Return, and print the label.",returns\n`;
      if (i % 10_000 === 0) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the process (VmHWM), in MB, as last read while it ran. */
  peakMb: number;
}

/**
 * `almanac import` as a child process; `during` is polled every 20 ms while it runs and may signal
 * it. Its peak memory is read from /proc/<pid>/status.
 */
function importCli(args: string[], during?: (pid: number) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), 'import', ws, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, ALMANAC_CONFIG_DIR: path.join(home.dir, 'config') },
      },
    );
    let stdout = '';
    let stderr = '';
    let peakMb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      void readFile(`/proc/${child.pid}/status`, 'utf8')
        .then((status) => {
          const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
          if (hwm) peakMb = Math.max(peakMb, Number(hwm[1]) / 1024);
        })
        .catch(() => undefined);
      if (during && child.exitCode === null) void during(child.pid!).catch(reject);
    }, 20);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, peakMb });
    });
  });
}

async function articleFiles(): Promise<string[]> {
  return (await readdir(path.join(ws, 'articles'))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
}

/** Ids the audit log records as imported (a line cut off by a kill is not an entry). */
async function auditedIds(): Promise<Set<string>> {
  const text = await readFile(path.join(ws, auditFile), 'utf8').catch(() => '');
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as { action: string; details?: { ids?: string[] } };
      if (entry.action === 'import') for (const id of entry.details?.ids ?? []) ids.add(id);
    } catch {
      // blank or unfinished line
    }
  }
  return ids;
}

describe('almanac import of large corpora', () => {
  it('imports a 1,000,000-row CSV up to --max-rows, reports the rows left out, and stays under 600 MB', async () => {
    const csv = path.join(home.dir, 'src', 'faq.csv');
    await writeFaqCsv(csv, 1_000_000);
    const run = await importCli([csv, '--max-rows', '2000', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.counts).toMatchObject({ created: 2000, reported: 1 });
    expect(report.capped).toMatchObject([{ rows: 1_000_000, notImported: 998_000, maxRows: 2000 }]);
    expect(report.failed[0]!.reason).toMatch(/998,000 of its 1,000,000 rows were not imported.*--max-rows 1000000/);
    expect((await articleFiles()).length).toBe(2000);
    expect((await auditedIds()).size).toBe(2000);
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(600);
  }, 120_000);

  it('refuses a --max-rows that is not a whole number of at least 1', async () => {
    const res = runCli(home.dir, 'import', ws, path.join(home.dir, 'src'), '--max-rows', '0');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--max-rows must be a whole number of at least 1, not "0"/);
  });

  it('has recorded every finished batch when killed part-way', async () => {
    const csv = path.join(home.dir, 'src', 'faq.csv');
    await writeFaqCsv(csv, 20_000);
    let killed = false;
    const run = await importCli([csv, '--json'], async (pid) => {
      if (!killed && (await articleFiles()).length >= 1200) {
        killed = true;
        process.kill(pid, 'SIGKILL');
      }
    });
    expect(run.signal).toBe('SIGKILL');
    const files = new Set(await articleFiles());
    const recorded = await auditedIds();
    // Batches of 500: the first two were written and recorded before the third began.
    expect(recorded.size).toBeGreaterThanOrEqual(1000);
    expect([...recorded].every((id) => files.has(id))).toBe(true);
    // Only the batch in flight (at most 500 articles) can be on disk unrecorded.
    expect(files.size - recorded.size).toBeLessThanOrEqual(500);
  }, 120_000);

  it('stops on Ctrl-C, prints what it imported, and records all of it', async () => {
    const csv = path.join(home.dir, 'src', 'faq.csv');
    await writeFaqCsv(csv, 20_000);
    let sent = false;
    const run = await importCli([csv, '--json'], async (pid) => {
      if (!sent && (await articleFiles()).length >= 700) {
        sent = true;
        process.kill(pid, 'SIGINT');
      }
    });
    expect(run.code, run.stderr).toBe(130);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.stopped).toMatch(/^Interrupted before the end/);
    const imported = report.imported.map((i) => i.id);
    expect(imported.length).toBeGreaterThanOrEqual(700);
    expect(imported.length).toBeLessThan(20_000);
    expect(new Set(await articleFiles())).toEqual(new Set(imported));
    expect(await auditedIds()).toEqual(new Set(imported));
  }, 120_000);
});
