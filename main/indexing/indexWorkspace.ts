import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, ArticleStore } from '../articles/index.js';
import { chunkMarkdown, defaultChunkOptions, type ChunkOptions } from './chunkMarkdown.js';
import { type ChunkIndex, type ChunkRow } from './ChunkIndex.js';
import { lexicalText } from './lexicalText.js';
import { markdownNestingProblem } from './markdownNesting.js';
import { segmentForIndex } from './segmentForIndex.js';
import { withIndexLock } from './withIndexLock.js';

export interface IndexReport {
  articles: number;
  /** Articles (re)chunked because they are new or changed. */
  changed: number;
  /** Articles whose chunks were dropped because they were deleted or became invalid. */
  removed: number;
  chunksAdded: number;
  chunksRemoved: number;
  chunks: number;
  skipped: { id: string; reason: string }[];
}

export interface IndexOptions {
  chunk?: Partial<ChunkOptions>;
  onProgress?: (done: number, total: number) => void;
  /**
   * Rebuild the full-text index after rows were removed, so its statistics count only the rows there
   * are: an index updated in place still counts deleted rows in its BM25 statistics. The approved
   * view needs it to score exactly as a snapshot freshly built from the same articles.
   */
  exactStatistics?: boolean;
}

/** What an index run reads: the workspace's articles, or another view of them (the approved versions). */
export type IndexSource = Pick<ArticleStore, 'list' | 'get'>;

export function indexDir(store: ArticleStore): string {
  return path.join(store.ws.localDir, 'index');
}

/**
 * What the rows of an article hold; an index written with another format is re-indexed whole.
 * 1: title, headings and text. 2: the article's summary searched with its title (help centres write
 * it to say what the page answers), and two-word forms joined ("back up" is "backup", `joinCompounds`).
 * Measured on the help-centre set (`--only=helpcentres`): the summary with the title takes duckduckgo
 * hit@1 / hit@3 / MRR from 0.85 / 0.90 / 0.885 to 0.90 / 0.95 / 0.917 and plausible from 0.900 to
 * 0.892 MRR (the summary in the chunk's text instead: 0.75 / 0.95 / 0.833 and 0.950); joined
 * compounds take cakewallet from 0.95 / 0.867 to 1.00 / 0.892 (hit@3 / MRR), plausible back to
 * 0.900, and StackFAQ nDCG@10 0.789 → 0.795.
 */
export const rowsFormat = 2;
const formatFile = (index: ChunkIndex) => path.join(index.dir, 'rows-format');

/** An article the index leaves out, with the reason to show (its other articles are indexed as usual). */
export class UnindexableArticle extends Error {}

/**
 * The index rows of one article. Throws `UnindexableArticle` for a body nested deeper than the
 * Markdown parser can take (see `maxMarkdownNesting`), before parsing it.
 */
export function articleRows(article: Article, options: ChunkOptions): ChunkRow[] {
  const nested = markdownNestingProblem(article.body);
  if (nested) throw new UnindexableArticle(`${nested}: not indexed until it is flattened`);
  const tags = `,${article.tags.join(',')},`;
  return chunkMarkdown(article.body, options).map((chunk, n) => ({
    id: `${article.id}#${n}`,
    article_id: article.id,
    version: article.version,
    title: article.title,
    locale: article.locale,
    audience: article.audience,
    status: article.status,
    tags,
    headings: JSON.stringify(chunk.headings),
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    // The title twice: as the article's name and as the top heading every chunk sits under.
    lex: segmentForIndex(
      `${article.title}\n${article.title}\n${chunk.headings.join('\n')}\n${lexicalText(chunk.text)}`,
    ),
    // The title and the summary: what the writer says the page is and what it answers.
    lex_title: segmentForIndex(article.meta.summary ? `${article.title}\n${article.meta.summary}` : article.title),
  }));
}

/**
 * Bring the index up to date with the workspace: new, changed and deleted articles only. One
 * process at a time writes the index; duplicated rows found on the way are rebuilt.
 */
export function indexWorkspace(
  store: IndexSource,
  index: ChunkIndex,
  options: IndexOptions = {},
): Promise<IndexReport> {
  return withIndexLock(index.dir, async () => {
    await index.refresh();
    return indexLocked(store, index, options);
  });
}

async function indexLocked(store: IndexSource, index: ChunkIndex, options: IndexOptions): Promise<IndexReport> {
  const chunkOptions = { ...defaultChunkOptions, ...options.chunk };
  const summaries = await store.list();
  const state = await index.indexedState();
  // An article is re-indexed when its text or its status (a search filter) changed, or its rows are duplicated.
  const indexed = new Map([...state.articles].map(([id, a]) => [id, `${a.version}:${a.status}`]));
  for (const id of state.duplicated) indexed.set(id, '');
  // Rows written in another format are all rewritten (a snapshot's index is never re-indexed, so it keeps its own).
  const format = await readFile(formatFile(index), 'utf8').catch(() => '');
  if (format.trim() !== String(rowsFormat)) for (const id of indexed.keys()) indexed.set(id, '');
  const report: IndexReport = {
    articles: summaries.length,
    changed: 0,
    removed: 0,
    chunksAdded: 0,
    chunksRemoved: 0,
    chunks: 0,
    skipped: [],
  };
  const live = new Set<string>();
  const stale: string[] = [];
  const todo = [];
  for (const s of summaries) {
    if (s.status === 'invalid') {
      report.skipped.push({ id: s.id, reason: s.problems?.[0]?.message ?? 'invalid front matter' });
      continue;
    }
    live.add(s.id);
    if (indexed.get(s.id) !== `${s.version}:${s.status}`) todo.push(s.id);
  }
  for (const id of indexed.keys()) if (!live.has(id)) stale.push(id);
  const before = await index.count();
  await index.removeArticles([...stale, ...todo.filter((id) => indexed.has(id))]);
  let done = 0;
  for (let i = 0; i < todo.length; i += 200) {
    const ids = todo.slice(i, i + 200);
    const articles = await Promise.all(
      ids.map((id) =>
        store.get(id).catch((err: unknown) => {
          // Deleted or unreadable since it was listed: left out this time, never the end of the run.
          report.skipped.push({ id, reason: `could not be read: ${(err as Error).message}` });
          return undefined;
        }),
      ),
    );
    const rows: ChunkRow[] = [];
    for (const article of articles) {
      if (!article) continue;
      let own: ChunkRow[];
      try {
        own = articleRows(article, chunkOptions);
      } catch (err) {
        // One article that cannot be chunked never stops the others: it is left out, with the reason.
        const reason =
          err instanceof UnindexableArticle ? err.message : `could not be chunked: ${(err as Error).message}`;
        report.skipped.push({ id: article.id, reason });
        if (indexed.has(article.id)) report.changed++;
        continue;
      }
      // An empty body has no rows to record its version, so it is up to date unless it had rows.
      if (own.length === 0) report.skipped.push({ id: article.id, reason: 'empty body' });
      if (own.length > 0 || indexed.has(article.id)) report.changed++;
      rows.push(...own);
    }
    await index.add(rows);
    report.chunksAdded += rows.length;
    done += ids.length;
    options.onProgress?.(done, todo.length);
  }
  report.removed = stale.length;
  report.chunks = await index.count();
  report.chunksRemoved = before + report.chunksAdded - report.chunks;
  if (report.changed || stale.length)
    await (options.exactStatistics && report.chunksRemoved > 0 ? index.rebuildLexical() : index.optimize());
  if (format.trim() !== String(rowsFormat)) {
    await mkdir(index.dir, { recursive: true });
    await writeFile(formatFile(index), `${rowsFormat}\n`);
  }
  return report;
}
