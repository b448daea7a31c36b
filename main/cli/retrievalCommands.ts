import { searchArticles } from '../usecases/index.js';
import type { Command } from 'commander';
import type { openIndexed as OpenIndexed } from './openIndexed.js';
import { noticeText, rankArticles, type SearchMode } from '../retrieval/index.js';
import type { CliConfig } from './CliConfig.js';
import { AlmanacError } from '../AlmanacError.js';
import { emit, table } from './output.js';

// LanceDB and transformers.js load only when a retrieval command runs: the other commands start in about a second.
const openIndexed: typeof OpenIndexed = async (...args) => (await import('./openIndexed.js')).openIndexed(...args);

const modes = ['hybrid', 'vector', 'lexical'];

function parseMode(mode: string): SearchMode {
  if (!modes.includes(mode)) throw new AlmanacError('VALIDATION_FAILED', `--mode must be one of ${modes.join(', ')}.`);
  return mode as SearchMode;
}

export function registerRetrievalCommands(program: Command, config: CliConfig): void {
  const modelOption = [
    '--model-dir <dir>',
    'embedding model folder (default: ALMANAC_MODEL_DIR or resources/models)',
  ] as const;
  program
    .command('index <ws>')
    .description('bring the search index up to date (incremental)')
    .option(...modelOption)
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean; modelDir?: string }) => {
      const indexed = await openIndexed(dir, opts.modelDir ?? config.modelDir, Boolean(opts.json));
      await indexed.close();
      const { report, vectors, modelNotice, repaired } = indexed;
      const fill = vectors?.fill;
      const result = {
        ...report,
        model: vectors?.embedder.modelId ?? null,
        embedded: fill?.embedded ?? 0,
        reused: fill?.reused ?? 0,
        vectors: fill?.total ?? 0,
        modelNotice,
        repaired,
      };
      emit(opts, result, () =>
        [
          ...(repaired ? [repaired] : []),
          `Indexed ${report.articles} articles: ${report.changed} new or changed, ${report.removed} removed.`,
          `Chunks: ${report.chunksAdded} added, ${report.chunksRemoved} removed, ${report.chunks} in the index.`,
          fill
            ? `Vectors (${result.model}): ${fill.embedded} embedded, ${fill.reused} reused from the cache, ${fill.removed} removed.`
            : `No vectors: ${modelNotice}`,
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
    .option(...modelOption)
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        query: string,
        opts: { k: string; mode: string; locale?: string; json?: boolean; modelDir?: string },
      ) => {
        const indexed = await openIndexed(dir, opts.modelDir ?? config.modelDir, true);
        const source = {
          index: indexed.index,
          semantic: indexed.vectors && { vectors: indexed.vectors.store, embedder: indexed.vectors.embedder },
          modelDir: opts.modelDir ?? config.modelDir,
        };
        const response = await searchArticles(source, query, {
          k: Number(opts.k),
          mode: parseMode(opts.mode),
          filter: { locale: opts.locale },
        });
        await indexed.close();
        if (indexed.repaired && !opts.json) process.stderr.write(`${indexed.repaired}\n`);
        if (response.notice && !opts.json) process.stderr.write(`${noticeText(response.notice)}\n`);
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
      },
    );

  program
    .command('eval <ws>')
    .description(
      'a golden set (--set) against the drafts or the approved versions, or retrieval quality on BEIR-style queries and qrels',
    )
    .option('--set <name>', 'a golden set: evals/<name>.jsonl')
    .option('--against <knowledge>', 'with --set: drafts | approved', 'drafts')
    .option('--queries <jsonl>', 'queries, one {_id|id, text} per line')
    .option('--qrels <tsv>', 'query-id<TAB>corpus-id<TAB>score')
    .option('--k <n>', 'cut-off (default 10; 5 for a golden set)')
    .option('--mode <mode>', 'hybrid | vector | lexical', 'hybrid')
    .option(...modelOption)
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        opts: {
          queries?: string;
          qrels?: string;
          set?: string;
          against: string;
          k?: string;
          mode: string;
          json?: boolean;
          modelDir?: string;
        },
      ) => {
        if (opts.set) return evalGoldenSet(dir, { ...opts, set: opts.set }, config);
        if (!opts.queries || !opts.qrels)
          throw new AlmanacError(
            'VALIDATION_FAILED',
            'Give a golden set (--set <name>) or BEIR files (--queries and --qrels).',
          );
        const { queries: queriesFile, qrels: qrelsFile } = opts;
        opts.k ??= '10';
        const mode = parseMode(opts.mode);
        const { evaluateQueries, readBeirFiles } = await import('../evaluation/index.js');
        const { queries, qrels } = await readBeirFiles(queriesFile, qrelsFile);
        const indexed = await openIndexed(dir, opts.modelDir ?? config.modelDir, Boolean(opts.json));
        if (mode !== 'lexical' && !indexed.vectorSearch)
          process.stderr.write(`${indexed.modelNotice}\nEvaluating lexical search instead.\n`);
        const ran = indexed.vectorSearch ? mode : 'lexical';
        const report = await evaluateQueries(
          queries,
          qrels,
          (q, k, restrictTo) =>
            rankArticles(indexed.index, q.text, k, {
              mode: ran,
              vectorSearch: indexed.vectorSearch,
              filter: { articleIds: restrictTo },
            }),
          { k: Number(opts.k), mode: ran },
        );
        await indexed.close();
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
      },
    );
}

/** `almanac eval --set`: run a golden set, keep the run, and compare it with the one before. */
async function evalGoldenSet(
  dir: string,
  opts: { set: string; against: string; k?: string; json?: boolean; modelDir?: string },
  config: CliConfig,
): Promise<void> {
  if (opts.against !== 'drafts' && opts.against !== 'approved')
    throw new AlmanacError('VALIDATION_FAILED', '--against must be one of drafts, approved.');
  const { KnowledgeViews } = await import('../answer/index.js');
  const { ReviewBook } = await import('../review/index.js');
  const { compareRuns, listRuns, readGoldenSet, readRun, runGoldenSet, saveRun } =
    await import('../evaluation/index.js');
  const indexed = await openIndexed(dir, opts.modelDir ?? config.modelDir, Boolean(opts.json));
  const { store } = indexed;
  const views = new KnowledgeViews({
    store,
    book: new ReviewBook(store.ws),
    draftsIndex: async () => indexed.index,
    semantic: async () =>
      indexed.vectors ? { embedder: indexed.vectors.embedder, vectors: indexed.vectors.store } : undefined,
  });
  try {
    const set = await readGoldenSet(store.ws, opts.set);
    for (const p of set.problems) process.stderr.write(`${p.file} ${p.field}: ${p.message}\n`);
    const summaries = await store.list();
    const versions = Object.fromEntries(
      summaries
        .map((a) => [a.id, opts.against === 'approved' ? (a.review?.approved?.version ?? '') : a.version])
        .filter(([, v]) => v),
    );
    const run = await runGoldenSet(await views.knowledge(opts.against), set, {
      k: Number(opts.k ?? 5),
      against: opts.against,
      versions,
    });
    const previous = (await listRuns(store.ws, set.name)).find((r) => r.against === run.against);
    await saveRun(store.ws, run);
    const comparison = previous ? compareRuns(await readRun(store.ws, set.name, previous.id), run) : null;
    const m = run.metrics;
    const fmt = (n: number) => n.toFixed(3);
    emit(opts, { ...run, comparison }, () =>
      [
        `Golden set ${set.name} against ${run.against}: ${m.questions} questions (run ${run.id})`,
        table([
          [`hit@${m.k}`, 'MRR', 'nDCG@10', 'hand-off P', 'hand-off R', 'grounded', 'facts'],
          [
            fmt(m.hitAtK),
            fmt(m.mrr),
            fmt(m.ndcg10),
            fmt(m.handoff.precision),
            fmt(m.handoff.recall),
            fmt(m.grounded),
            m.facts === null ? '-' : fmt(m.facts),
          ],
        ]),
        ...run.outcomes
          .filter(
            (o) =>
              o.expectedHandoff !== (o.handoff !== null) ||
              (o.expected.length > 0 && !o.ranked.slice(0, m.k).some((id) => o.expected.includes(id))),
          )
          .map(
            (o) =>
              `  miss ${o.id}: ${o.question} | expected ${o.expectedHandoff ? 'a hand-off' : o.expected.join(' or ')} | got ${o.handoff ? `hand-off (${o.handoff})` : `answer citing ${o.cited.join(', ') || 'nothing'}`}; ranked ${o.ranked.slice(0, 3).join(', ')}`,
          ),
        ...(comparison
          ? [
              `Against run ${comparison.before}: ${comparison.counts.better} better, ${comparison.counts.worse} worse, ${comparison.counts.same} the same; articles changed: ${comparison.articleChanges.map((c) => c.id).join(', ') || 'none'}`,
            ]
          : []),
      ].join('\n'),
    );
  } finally {
    await views.close();
    await indexed.close();
  }
}
