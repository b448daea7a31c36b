import type { Command } from 'commander';
import { ArticleStore } from '../articles/index.js';
import { evaluateQueries, readBeirFiles } from '../evaluation/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../indexing/index.js';
import { rankArticles, searchChunks, type SearchMode } from '../retrieval/index.js';
import { openWorkspace } from '../workspace/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { emit, table } from './output.js';

const modes = ['hybrid', 'vector', 'lexical'];

function parseMode(mode: string): SearchMode {
  if (!modes.includes(mode)) throw new AlmanacError('VALIDATION_FAILED', `--mode must be one of ${modes.join(', ')}.`);
  return mode as SearchMode;
}

async function openIndexed(dir: string, quiet: boolean) {
  const store = new ArticleStore(await openWorkspace(dir));
  const index = await ChunkIndex.open(indexDir(store));
  const report = await indexWorkspace(store, index, {
    onProgress:
      quiet || !process.stderr.isTTY
        ? undefined
        : (done, total) => process.stderr.write(`\rIndexing ${done}/${total} articles`),
  });
  if (!quiet && process.stderr.isTTY && report.changed) process.stderr.write('\n');
  return { store, index, report };
}

export function registerRetrievalCommands(program: Command): void {
  program
    .command('index <ws>')
    .description('bring the search index up to date (incremental)')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const { index, report } = await openIndexed(dir, Boolean(opts.json));
      index.close();
      emit(opts, report, () =>
        [
          `Indexed ${report.articles} articles: ${report.changed} new or changed, ${report.removed} removed.`,
          `Chunks: ${report.chunksAdded} added, ${report.chunksRemoved} removed, ${report.chunks} in the index.`,
          ...report.skipped.map((s) => `  skipped ${s.id}: ${s.reason}`),
        ].join('\n'),
      );
    });

  program
    .command('search <ws> <query>')
    .description('search the knowledge base as the agent would')
    .option('--k <n>', 'results', '10')
    .option('--mode <mode>', 'hybrid | vector | lexical', 'hybrid')
    .option('--locale <locale>', 'only this locale')
    .option('--json', 'print JSON')
    .action(async (dir: string, query: string, opts: { k: string; mode: string; locale?: string; json?: boolean }) => {
      const { index } = await openIndexed(dir, true);
      const response = await searchChunks(index, query, {
        k: Number(opts.k),
        mode: parseMode(opts.mode),
        filter: { locale: opts.locale },
      });
      index.close();
      if (response.notice && !opts.json) process.stderr.write(`${response.notice}\n`);
      emit(opts, response, () =>
        response.results.length === 0
          ? `No results for "${query}".`
          : table([
              ['#', 'SCORE', 'ARTICLE', 'SECTION', 'TEXT'],
              ...response.results.map((r, i) => [
                String(i + 1),
                r.score.toFixed(3),
                r.articleId,
                r.headings.join(' > ') || '-',
                r.text.replace(/\s+/g, ' ').slice(0, 80),
              ]),
            ]),
      );
    });

  program
    .command('eval <ws>')
    .description('retrieval quality on BEIR-style queries and qrels: nDCG@10, recall@k, MRR')
    .requiredOption('--queries <jsonl>', 'queries, one {_id|id, text} per line')
    .requiredOption('--qrels <tsv>', 'query-id<TAB>corpus-id<TAB>score')
    .option('--k <n>', 'recall cut-off', '10')
    .option('--mode <mode>', 'hybrid | vector | lexical', 'hybrid')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { queries: string; qrels: string; k: string; mode: string; json?: boolean }) => {
      const mode = parseMode(opts.mode);
      const { queries, qrels } = await readBeirFiles(opts.queries, opts.qrels);
      const { index } = await openIndexed(dir, Boolean(opts.json));
      const report = await evaluateQueries(
        queries,
        qrels,
        (q, k, restrictTo) => rankArticles(index, q.text, k, { mode, filter: { articleIds: restrictTo } }),
        {
          k: Number(opts.k),
          mode,
        },
      );
      index.close();
      const fmt = (n?: number) => (n === undefined ? '-' : n.toFixed(3));
      emit(opts, report, () =>
        table([
          ['SET', 'QUERIES', 'nDCG@10', `R@${report.k}`, 'MRR', 'P@1 (candidates)'],
          [
            'overall',
            String(report.overall.queries),
            fmt(report.overall.ndcg10),
            fmt(report.overall.recall),
            fmt(report.overall.mrr),
            fmt(report.overall.candidateP1),
          ],
          ...Object.entries(report.byCategory)
            .filter(([c]) => c !== 'all')
            .map(([c, m]) => [c, String(m.queries), fmt(m.ndcg10), fmt(m.recall), fmt(m.mrr), fmt(m.candidateP1)]),
        ]),
      );
    });
}
