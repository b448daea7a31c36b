import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArticleStore } from '../main/articles/index.js';
import {
  evaluateQueries,
  readBeirFiles,
  type EvalQuery,
  type EvalReport,
  type MetricSet,
} from '../main/evaluation/index.js';
import { importPaths } from '../main/import/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../main/indexing/index.js';
import { rankArticles, type SearchMode, type SearchOptions } from '../main/retrieval/index.js';
import { createWorkspace } from '../main/session/index.js';

export const datasets = ['stackfaq-en', 'covidfaq-en', 'esun-aicup2024-zh'] as const;

/** Which queries a lexical comparison counts: esun's insurance queries cannot be ranked over the whole corpus (see its README), so FAQ queries only. */
export const datasetScopes: Record<(typeof datasets)[number], { language: 'en' | 'zh'; category?: string }> = {
  'stackfaq-en': { language: 'en' },
  'covidfaq-en': { language: 'en' },
  'esun-aicup2024-zh': { language: 'zh', category: 'faq' },
};

/** The figures of `report` for the queries `datasetScopes` counts on `dataset`. */
export function scopedMetrics(report: EvalReport, dataset: string): MetricSet | undefined {
  const category = datasetScopes[dataset as (typeof datasets)[number]]?.category;
  return category ? report.byCategory[category] : report.overall;
}

export interface DatasetQuality {
  dataset: string;
  mode: SearchMode;
  model: string | null;
  report: EvalReport;
}

export interface PreparedDataset {
  store: ArticleStore;
  index: ChunkIndex;
  queries: EvalQuery[];
  qrels: Awaited<ReturnType<typeof readBeirFiles>>['qrels'];
}

/** Import one BEIR dataset into a temp workspace, index it, run `work`, then delete it all; throws when a file is missing or an import fails. */
export async function withDataset<T>(
  datasetsDir: string,
  dataset: string,
  work: (prepared: PreparedDataset) => Promise<T>,
): Promise<T> {
  const dir = path.join(datasetsDir, dataset);
  const files = ['corpus.jsonl', 'queries.jsonl', 'qrels.tsv'].map((f) => path.join(dir, f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`Dataset ${dataset} is incomplete: ${missing.join(', ')} not found.`);
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-'));
  try {
    const ws = await createWorkspace(path.join(tmp, 'ws'), { name: dataset });
    const store = new ArticleStore(ws);
    const imported = await importPaths(store, [files[0]!]);
    if (imported.failed.length || imported.imported.length === 0) {
      const shown = imported.failed.slice(0, 5).map((f) => `${f.source}: ${f.reason}`);
      throw new Error(
        `Importing ${files[0]} failed for ${imported.failed.length} of ${imported.failed.length + imported.imported.length} articles${shown.length ? `:\n  ${shown.join('\n  ')}` : ''}`,
      );
    }
    const index = await ChunkIndex.open(indexDir(store));
    try {
      await indexWorkspace(store, index);
      const { queries, qrels } = await readBeirFiles(files[1]!, files[2]!);
      if (queries.length === 0) throw new Error(`${files[1]} holds no queries.`);
      return await work({ store, index, queries, qrels });
    } finally {
      index.close();
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** nDCG@10 and recall@10 on one prepared dataset, ranking with `index`. */
export function lexicalReport(index: ChunkIndex, prepared: PreparedDataset): Promise<EvalReport> {
  return evaluateQueries(
    prepared.queries,
    prepared.qrels,
    (q, k, restrictTo) => rankArticles(index, q.text, k, { mode: 'lexical', filter: { articleIds: restrictTo } }),
    { k: 10, mode: 'lexical' },
  );
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
  for (const dataset of datasets) {
    await withDataset(datasetsDir, dataset, async (prepared) => {
      const { index, store, queries, qrels } = prepared;
      for (const m of modes) {
        const vectorSearch = m.vectorSearchFor ? await m.vectorSearchFor(index, store) : undefined;
        if (m.mode !== 'lexical' && !vectorSearch)
          throw new Error(`No vector search for ${m.mode} mode on ${dataset}.`);
        const report =
          m.mode === 'lexical'
            ? await lexicalReport(index, prepared)
            : await evaluateQueries(
                queries,
                qrels,
                (q, k, restrictTo) =>
                  rankArticles(index, q.text, k, { mode: m.mode, vectorSearch, filter: { articleIds: restrictTo } }),
                { k: 10, mode: m.mode },
              );
        out.push({ dataset, mode: m.mode, model: m.model, report });
      }
    });
  }
  return out;
}
