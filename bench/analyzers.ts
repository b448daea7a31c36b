import * as lancedb from '@lancedb/lancedb';
import { ChunkIndex, ftsOptions, lexicalColumns } from '../main/indexing/index.js';
import { datasets, lexicalReport, withDataset } from './datasetQuality.js';
import { round } from './stats.js';

export interface AnalyzerRow {
  stem: boolean;
  removeStopWords: boolean;
  /** Whether this is the analyser the index ships with (`ftsOptions`). */
  shipped: boolean;
  /** Dataset -> lexical nDCG@10 and recall@10. */
  scores: Record<string, { ndcg10: number; recall: number }>;
}

const configs = [true, false].flatMap((stem) => [false, true].map((removeStopWords) => ({ stem, removeStopWords })));

/** Rebuild the full-text indices of the chunks table (built by `indexWorkspace`) with another analyser. */
async function reanalyse(dir: string, options: { stem: boolean; removeStopWords: boolean }): Promise<void> {
  const db = await lancedb.connect(dir);
  try {
    if (!(await db.tableNames()).includes('chunks')) throw new Error(`No chunks table in ${dir}.`);
    const table = await db.openTable('chunks');
    for (const column of lexicalColumns)
      await table.createIndex(column, { config: lancedb.Index.fts({ ...ftsOptions, ...options }), replace: true });
    table.close();
  } finally {
    db.close();
  }
}

/** Lexical nDCG@10 / recall@10 per dataset for each analyser: English stemming on/off × stop words kept/removed. */
export async function analyzers(datasetsDir: string): Promise<AnalyzerRow[]> {
  const rows: AnalyzerRow[] = configs.map((c) => ({
    ...c,
    shipped: c.stem === ftsOptions.stem && c.removeStopWords === ftsOptions.removeStopWords,
    scores: {},
  }));
  for (const dataset of datasets) {
    await withDataset(datasetsDir, dataset, async (prepared) => {
      for (const row of rows) {
        await reanalyse(prepared.index.dir, row);
        // A fresh handle, so the search surely reads the index just rebuilt.
        const index = await ChunkIndex.open(prepared.index.dir);
        try {
          const { overall } = await lexicalReport(index, prepared);
          row.scores[dataset] = { ndcg10: round(overall.ndcg10), recall: round(overall.recall) };
        } finally {
          index.close();
        }
      }
    });
  }
  return rows;
}
