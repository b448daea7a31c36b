import * as lancedb from '@lancedb/lancedb';
import { ChunkIndex, defaultTitleBoost, ftsOptions, lexicalColumns } from '../main/indexing/index.js';
import { datasets, lexicalReport, scopedMetrics, withDataset } from './datasetQuality.js';
import { round } from './stats.js';

export interface AnalyzerRow {
  stem: boolean;
  removeStopWords: boolean;
  /** Weight of a title match against a whole-chunk match. */
  titleBoost: number;
  /** Whether this is the configuration the index ships with (`ftsOptions`, `defaultTitleBoost`). */
  shipped: boolean;
  /** Dataset -> lexical nDCG@10 and recall@10 (esun: FAQ queries). */
  scores: Record<string, { ndcg10: number; recall: number }>;
}

type Config = Pick<AnalyzerRow, 'stem' | 'removeStopWords' | 'titleBoost'>;

// Each English analyser at the shipped title weight, then the shipped analyser at other weights.
const configs: Config[] = [
  ...[true, false].flatMap((stem) =>
    [false, true].map((removeStopWords) => ({ stem, removeStopWords, titleBoost: defaultTitleBoost })),
  ),
  ...[1, 1.5, 2].map((titleBoost) => ({
    stem: ftsOptions.stem,
    removeStopWords: ftsOptions.removeStopWords,
    titleBoost,
  })),
];

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

/** Lexical nDCG@10 / recall@10 per dataset: English stemming on/off × stop words kept/removed, then title weights. */
export async function analyzers(datasetsDir: string): Promise<AnalyzerRow[]> {
  const rows: AnalyzerRow[] = configs.map((c) => ({
    ...c,
    shipped:
      c.stem === ftsOptions.stem &&
      c.removeStopWords === ftsOptions.removeStopWords &&
      c.titleBoost === defaultTitleBoost,
    scores: {},
  }));
  for (const dataset of datasets) {
    await withDataset(datasetsDir, dataset, async (prepared) => {
      let analysed: string | undefined;
      for (const row of rows) {
        const analyser = `${row.stem} ${row.removeStopWords}`;
        if (analyser !== analysed) await reanalyse(prepared.index.dir, row);
        analysed = analyser;
        // A fresh handle, so the search surely reads the index just rebuilt.
        const index = await ChunkIndex.open(prepared.index.dir, { titleBoost: row.titleBoost });
        try {
          const m = scopedMetrics(await lexicalReport(index, prepared), dataset);
          if (!m) throw new Error(`${dataset} has no queries in its scope.`);
          row.scores[dataset] = { ndcg10: round(m.ndcg10), recall: round(m.recall) };
        } finally {
          index.close();
        }
      }
    });
  }
  return rows;
}
