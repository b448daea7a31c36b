import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArticleStore } from '../main/articles/index.js';
import { evaluateQueries, readBeirFiles, type EvalReport } from '../main/evaluation/index.js';
import { importPaths } from '../main/import/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../main/indexing/index.js';
import { rankArticles, type SearchMode, type SearchOptions } from '../main/retrieval/index.js';
import { createWorkspace } from '../main/workspace/index.js';

export interface DatasetQuality {
  dataset: string;
  mode: SearchMode;
  model: string | null;
  report: EvalReport;
}

/** nDCG@10 and recall@10 for each dataset in ../shared/datasets, per mode that can run. */
export async function datasetQuality(
  datasetsDir: string,
  modes: {
    mode: SearchMode;
    model: string | null;
    vectorSearchFor?: (index: ChunkIndex, store: ArticleStore) => Promise<SearchOptions['vectorSearch']>;
  }[],
): Promise<DatasetQuality[]> {
  const out: DatasetQuality[] = [];
  for (const dataset of ['stackfaq-en', 'covidfaq-en', 'esun-aicup2024-zh']) {
    const dir = path.join(datasetsDir, dataset);
    if (!existsSync(path.join(dir, 'corpus.jsonl'))) continue;
    const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-'));
    try {
      const ws = await createWorkspace(path.join(tmp, 'ws'), { name: dataset });
      const store = new ArticleStore(ws);
      await importPaths(store, [path.join(dir, 'corpus.jsonl')]);
      const index = await ChunkIndex.open(indexDir(store));
      await indexWorkspace(store, index);
      const { queries, qrels } = await readBeirFiles(path.join(dir, 'queries.jsonl'), path.join(dir, 'qrels.tsv'));
      for (const m of modes) {
        const vectorSearch = m.vectorSearchFor ? await m.vectorSearchFor(index, store) : undefined;
        if (m.mode !== 'lexical' && !vectorSearch) continue;
        const report = await evaluateQueries(
          queries,
          qrels,
          (q, k, restrictTo) =>
            rankArticles(index, q.text, k, { mode: m.mode, vectorSearch, filter: { articleIds: restrictTo } }),
          { k: 10, mode: m.mode },
        );
        out.push({ dataset, mode: m.mode, model: m.model, report });
      }
      index.close();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  return out;
}
