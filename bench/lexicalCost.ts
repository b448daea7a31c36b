import { readdir, readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import type { Article } from '../main/articles/index.js';
import { readBeirFiles } from '../main/evaluation/index.js';
import {
  ChunkIndex,
  articleRows,
  defaultChunkOptions,
  ftsOptions,
  lexicalColumns,
  segmentForIndex,
  type ChunkRow,
} from '../main/indexing/index.js';
import { datasets } from './datasetQuality.js';
import { median, percentile, round, timed } from './stats.js';

export interface LexicalCostRow {
  configuration: string;
  /** Whether this is what the index ships with. */
  shipped: boolean;
  /** Median time to build the full-text indices over every chunk. */
  buildMs: number;
  /** Bytes of the full-text indices on disk. */
  indexBytes: number;
  query: { p50: number; p95: number };
}

export interface LexicalCost {
  chunks: number;
  queries: number;
  rows: LexicalCostRow[];
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

/** Chunk rows cut from the shared datasets' documents, cycled until there are `count`. */
export async function datasetRows(
  datasetsDir: string,
  count: number,
): Promise<{ rows: ChunkRow[]; queries: string[] }> {
  const articles: Article[] = [];
  const queries: string[] = [];
  for (const dataset of datasets) {
    const dir = path.join(datasetsDir, dataset);
    for (const line of (await readFile(path.join(dir, 'corpus.jsonl'), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { id: string; title: string; text: string };
      articles.push({
        id: `${dataset}-${d.id}`,
        version: 'v',
        title: d.title,
        locale: dataset.endsWith('-zh') ? 'zh-CN' : 'en',
        audience: 'customer',
        status: 'published',
        tags: [],
        meta: {},
        body: d.text,
      } as unknown as Article);
    }
    const beir = await readBeirFiles(path.join(dir, 'queries.jsonl'), path.join(dir, 'qrels.tsv'));
    queries.push(...beir.queries.map((q) => q.text));
  }
  const rows: ChunkRow[] = [];
  for (let copy = 0; rows.length < count; copy++)
    for (const a of articles) {
      if (rows.length >= count) break;
      for (const row of articleRows({ ...a, id: `${a.id}~${copy}` }, defaultChunkOptions).slice(0, count - rows.length))
        rows.push(row);
    }
  if (rows.length < count) throw new Error(`The datasets in ${datasetsDir} hold no chunks.`);
  return { rows, queries };
}

async function buildIndices(dir: string, rows: ChunkRow[], columns: readonly string[]): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  const db = await lancedb.connect(dir);
  const table = await db.createTable('chunks', rows as unknown as Record<string, unknown>[]);
  const { ms } = await timed(async () => {
    for (const column of columns) await table.createIndex(column, { config: lancedb.Index.fts(ftsOptions) });
  });
  table.close();
  db.close();
  return ms;
}

async function latencies(queries: string[], search: (q: string) => Promise<unknown>): Promise<LexicalCostRow['query']> {
  for (const q of queries.slice(0, 20)) await search(q);
  const times: number[] = [];
  for (const q of queries) times.push((await timed(() => search(q))).ms);
  return { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2) };
}

/**
 * The cost of the shipped lexical configuration (`lex` and `lex_title`, BM25 summed with the title
 * weighted) beside the previous one (one `lex` column) over `count` chunks of the shared datasets:
 * index build time, index size on disk and query latency, through the same LanceDB calls.
 */
export async function lexicalCost(datasetsDir: string, count: number, builds = 3): Promise<LexicalCost> {
  const { rows, queries } = await datasetRows(datasetsDir, count);
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-'));
  try {
    const configs = [
      { configuration: 'previous: one column (title, headings, text)', shipped: false, columns: ['lex'] },
      {
        configuration: 'shipped: that column + the title alone, title weighted',
        shipped: true,
        columns: [...lexicalColumns],
      },
    ];
    const out: LexicalCostRow[] = [];
    for (const c of configs) {
      const dir = path.join(tmp, c.columns.join('+'));
      const times: number[] = [];
      for (let b = 0; b < builds; b++) times.push(await buildIndices(dir, rows, c.columns));
      const indexBytes = await folderBytes(path.join(dir, 'chunks.lance', '_indices'));
      let query: LexicalCostRow['query'];
      if (c.shipped) {
        const index = await ChunkIndex.open(dir);
        try {
          query = await latencies(queries, (q) => index.lexicalSearch(q, 50));
        } finally {
          index.close();
        }
      } else {
        const db = await lancedb.connect(dir, { readConsistencyInterval: 0 });
        const table = await db.openTable('chunks');
        try {
          query = await latencies(queries, (q) =>
            table
              .search(new lancedb.MatchQuery(segmentForIndex(q), 'lex'))
              .limit(50)
              .toArray(),
          );
        } finally {
          table.close();
          db.close();
        }
      }
      out.push({
        configuration: c.configuration,
        shipped: c.shipped,
        buildMs: round(median(times), 0),
        indexBytes,
        query,
      });
    }
    return { chunks: rows.length, queries: queries.length, rows: out };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
