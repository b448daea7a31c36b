import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { isPiece, type TermStats } from '../text/index.js';
import { lexicalQuery } from './segmentForIndex.js';
import { termStatsOf } from './termStats.js';
import { sqlText } from './sqlText.js';

/** One row of the chunks table. */
export interface ChunkRow {
  id: string;
  article_id: string;
  version: string;
  title: string;
  locale: string;
  audience: string;
  status: string;
  /** ",tag1,tag2," so a tag filter is a LIKE on ",tag,". */
  tags: string;
  /** JSON array of the heading path. */
  headings: string;
  text: string;
  start: number;
  end: number;
  /** Segmented, lower-cased title (twice), headings and text for the full-text index. */
  lex: string;
  /** Segmented, lower-cased title alone: a second full-text field with its own BM25 statistics. */
  lex_title: string;
}

/** A stored chunk as searches return it: without the segmented text made for the full-text index. */
export type ChunkRecord = Omit<ChunkRow, (typeof lexicalColumns)[number]>;

const recordColumns: (keyof ChunkRecord)[] = [
  'id',
  'article_id',
  'version',
  'title',
  'locale',
  'audience',
  'status',
  'tags',
  'headings',
  'text',
  'start',
  'end',
];

export interface LexicalHit {
  row: ChunkRecord;
  score: number;
}

export interface ChunkFilter {
  locale?: string;
  audience?: string;
  status?: string[];
  tags?: string[];
  articleIds?: string[];
}

/**
 * One analyser for every language and both full-text columns: ICU word segmentation before
 * indexing (so Chinese is found), English stemming, stop words kept. Measured on
 * ../shared/datasets (nDCG@10, one `lex` column): stemming with stop words removed 0.735 stackfaq
 * / 0.456 covidfaq; no stemming 0.666 / 0.595; this 0.723 / 0.592.
 */
export const ftsOptions = {
  baseTokenizer: 'whitespace',
  lowercase: true,
  stem: true,
  language: 'English',
  removeStopWords: false,
  asciiFolding: true,
  withPosition: false,
} as const;

/**
 * The full-text columns a lexical search sums BM25 over, each with its own statistics: the whole
 * chunk, and the title again (a short title matching the question is the best evidence an FAQ has).
 */
export const lexicalColumns = ['lex', 'lex_title'] as const;

/**
 * How much more a match in `lex_title` counts than one in `lex`. Measured on ../shared/datasets
 * (lexical nDCG@10, stackfaq / covidfaq / esun FAQ; `npm run bench -- --only=analyzers`): 1.0 gives
 * .752 / .748 / .812, 1.25 gives .756 / .773 / .860, 2.0 gives .730 / .806 / .806. Every weight
 * from 1.2 to 1.5 beats 1.0 on all three; 1.25 sits inside that plateau, not on one dataset's peak.
 */
export const defaultTitleBoost = 1.25;

/**
 * How much the characters of a question's unknown Chinese words count against its words (a second
 * reading for words the segmenter cut differently in the question and the articles). Measured
 * (`--only=quality,helpcentres`, lexical) with the characters of every Chinese word: 0 gives esun
 * FAQ nDCG@10 .852 and the Chinese help centre MRR .910; 0.15 .851 / .910; 0.3 and 0.5 .846 /
 * .931; 1.0 .825 / .931, and a lone 退款 then finds 退货 first. Reading only words no article uses
 * keeps .852 / .910 and answers the sample's 白印子 question from the 白色水印 passage.
 */
export const hanCharacterWeight = 0.4;

export interface ChunkIndexOptions {
  /** Weight of a title match against a whole-chunk match; `defaultTitleBoost` unless measuring another. */
  titleBoost?: number;
}

const hasLexicalIndices = (indices: lancedb.IndexConfig[]) =>
  lexicalColumns.every((c) => indices.some((i) => i.columns.includes(c)));

export function filterSql(filter: ChunkFilter): string | undefined {
  const parts: string[] = [];
  if (filter.locale) parts.push(`locale = ${sqlText(filter.locale)}`);
  if (filter.audience) parts.push(`audience = ${sqlText(filter.audience)}`);
  if (filter.status?.length) parts.push(`status IN (${filter.status.map(sqlText).join(', ')})`);
  for (const tag of filter.tags ?? []) parts.push(`tags LIKE ${sqlText(`%,${tag.replace(/[%_]/g, '')},%`)}`);
  if (filter.articleIds?.length) parts.push(`article_id IN (${filter.articleIds.map(sqlText).join(', ')})`);
  return parts.length ? parts.join(' AND ') : undefined;
}

const tableName = 'chunks';

/** What `ChunkIndex.open` reports when it had to drop the chunks table. */
export const chunksRepairedNotice =
  'The chunks table was damaged and was rebuilt from the articles; vectors and the embedding cache were kept.';

/**
 * Read the table the way searches will, so a corrupt data file or text index fails here: every
 * column of every row, batch by batch (damage deep in a data file fails the decode wherever it is).
 */
async function probe(table: lancedb.Table): Promise<void> {
  if ((await table.countRows()) === 0) return;
  for await (const batch of table.query()) void batch.numRows;
  const indices = await table.listIndices();
  for (const column of lexicalColumns)
    if (indices.some((i) => i.columns.includes(column))) await table.search('a', 'fts', column).limit(1).toArray();
}

/** Whether the table was written before the current lexical columns existed, so it must be rebuilt. */
async function outdated(table: lancedb.Table): Promise<boolean> {
  const fields = new Set((await table.schema()).fields.map((f) => f.name));
  return lexicalColumns.some((c) => !fields.has(c));
}

/**
 * How many of the knowledge's words a lone Chinese character of a question stands for (one of a run
 * the segmenter left character by character, 专 | 票), the most frequent first. Measured
 * (`--only=quality,helpcentres`, lexical): 4 and 8 both take the sample golden set's MRR 0.928 →
 * 0.978 (专票 finds 专用发票; the 退 of 我退了 finds 退款). Expanding every lone character, not only
 * runs, kept esun FAQ nDCG@10 at 0.853 but made the Chinese help centre cite a wrong page at
 * confidence 0.95 (answers at 0.8 or more right 0.887 of the time, under the 0.9 bar); runs only:
 * esun 0.838 (best peer 0.825), zotero-chinese hit@1 0.833 → 0.875, that band 0.906.
 */
export const wordsPerCharacter = 8;

const hanWords = new WeakMap<TermStats, Map<string, [string, number][]>>();

/** The Chinese words of two to four characters the index holds with a character, most frequent first. */
function hanWordsWith(stats: TermStats, character: string): string[] {
  let byCharacter = hanWords.get(stats);
  if (!byCharacter) {
    byCharacter = new Map();
    for (const [word, df] of stats.df) {
      if (isPiece(word) || !/^\p{Script=Han}{2,4}$/u.test(word)) continue;
      for (const c of new Set(word)) {
        const list = byCharacter.get(c) ?? [];
        list.push([word, df]);
        byCharacter.set(c, list);
      }
    }
    for (const list of byCharacter.values()) list.sort((a, b) => b[1] - a[1]);
    hanWords.set(stats, byCharacter);
  }
  return (byCharacter.get(character) ?? []).slice(0, wordsPerCharacter).map(([word]) => word);
}

/** The LanceDB chunks table with its full-text index; derived data, rebuilt when missing or corrupt. */
export class ChunkIndex {
  private constructor(
    readonly dir: string,
    private db: lancedb.Connection,
    private table: lancedb.Table | undefined,
    private boosts: number[],
    /** Set when the chunks table could not be read and was dropped, to be rebuilt by the next index run. */
    readonly repaired?: string,
  ) {}

  private optimizing: Promise<void> | undefined;
  /** Set once the full-text indices are known to exist, so a search skips listing them. */
  private lexicalReady = false;

  /** Open the index folder, dropping only the chunks table (never vectors or the embedding cache) when it is unreadable. */
  static async open(dir: string, options: ChunkIndexOptions = {}): Promise<ChunkIndex> {
    const boosts = [1, options.titleBoost ?? defaultTitleBoost];
    // Another process (the studio, the command line) may write the same tables: searches see its
    // writes within a second (checking on every read cost ~7 ms a query); writers call `refresh` first.
    const db = await lancedb.connect(dir, { readConsistencyInterval: 1 });
    if (!(await db.tableNames()).includes(tableName)) return new ChunkIndex(dir, db, undefined, boosts);
    let table: lancedb.Table | undefined;
    try {
      table = await db.openTable(tableName);
      if (await outdated(table)) {
        table.close();
        await db.dropTable(tableName);
        return new ChunkIndex(dir, db, undefined, boosts);
      }
      await probe(table);
      return new ChunkIndex(dir, db, table, boosts);
    } catch {
      table?.close();
      await db.dropTable(tableName).catch(() => undefined);
      await rm(path.join(dir, `${tableName}.lance`), { recursive: true, force: true });
      return new ChunkIndex(dir, db, undefined, boosts, chunksRepairedNotice);
    }
  }

  /** Read the latest chunks table, including one another process created or wrote a moment ago. */
  async refresh(): Promise<void> {
    if (this.table) await this.table.checkoutLatest();
    else if ((await this.db.tableNames()).includes(tableName)) this.table = await this.db.openTable(tableName);
  }

  /** Articles with a chunk id stored more than once (left by two writers before the index lock). */
  async duplicatedArticles(): Promise<string[]> {
    return (await this.indexedState()).duplicated;
  }

  /**
   * In one scan: each indexed article's version and status, and the articles with a chunk id stored
   * more than once (left by two writers before the index lock), which must be rebuilt.
   */
  async indexedState(): Promise<{ articles: Map<string, { version: string; status: string }>; duplicated: string[] }> {
    const articles = new Map<string, { version: string; status: string }>();
    if (!this.table) return { articles, duplicated: [] };
    const rows = (await this.table.query().select(['id', 'article_id', 'version', 'status']).toArray()) as Pick<
      ChunkRow,
      'id' | 'article_id' | 'version' | 'status'
    >[];
    const seen = new Set<string>();
    const duplicated = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.id)) duplicated.add(r.article_id);
      seen.add(r.id);
      articles.set(r.article_id, { version: r.version, status: r.status });
    }
    return { articles, duplicated: [...duplicated] };
  }

  async count(): Promise<number> {
    return this.table ? this.table.countRows() : 0;
  }

  /** Article id -> indexed version. */
  async indexedVersions(): Promise<Map<string, string>> {
    const { articles } = await this.indexedState();
    return new Map([...articles].map(([id, a]) => [id, a.version]));
  }

  async removeArticles(ids: string[]): Promise<void> {
    if (!this.table) return;
    for (let i = 0; i < ids.length; i += 500) {
      await this.table.delete(
        `article_id IN (${ids
          .slice(i, i + 500)
          .map(sqlText)
          .join(', ')})`,
      );
    }
  }

  async add(rows: ChunkRow[]): Promise<void> {
    if (rows.length === 0) return;
    const data = rows as unknown as Record<string, unknown>[];
    if (!this.table) this.table = await this.db.createTable(tableName, data);
    else await this.table.add(data);
  }

  /** Build the full-text index if missing, otherwise fold new rows into it and compact fragments. */
  optimize(): Promise<void> {
    return this.serially(() => this.optimizeNow(false));
  }

  /** Compact, then build the full-text indices anew: their statistics then count only the rows there are. */
  rebuildLexical(): Promise<void> {
    return this.serially(async () => {
      if (!this.table) return;
      await this.table.optimize();
      for (const column of lexicalColumns)
        await this.table.createIndex(column, { config: lancedb.Index.fts(ftsOptions), replace: true });
    });
  }

  // One at a time: a search building the missing index while the indexer does fails the commit.
  private serially(task: () => Promise<void>): Promise<void> {
    const run = (this.optimizing ?? Promise.resolve()).catch(() => undefined).then(task);
    this.optimizing = run;
    return run;
  }

  private async optimizeNow(onlyCreate: boolean): Promise<void> {
    if (!this.table) return;
    const indices = await this.table.listIndices();
    if (!hasLexicalIndices(indices)) {
      for (const column of lexicalColumns)
        if (!indices.some((i) => i.columns.includes(column)))
          await this.table.createIndex(column, { config: lancedb.Index.fts(ftsOptions) });
    } else if (!onlyCreate) {
      await this.table.optimize();
    }
  }

  /** Chunks matching the query's words, best first by BM25 summed over `lexicalColumns` (the title weighted by its boost). */
  async lexicalSearch(query: string, limit: number, filter: ChunkFilter = {}): Promise<LexicalHit[]> {
    if (!this.table) return [];
    const stats = await termStatsOf(this);
    const { words, characters } = lexicalQuery(
      query,
      (word) => stats.df.has(word),
      (c) => hanWordsWith(stats, c),
    );
    if (!words) return [];
    if (!this.lexicalReady) {
      if (!hasLexicalIndices(await this.table.listIndices())) await this.serially(() => this.optimizeNow(true));
      this.lexicalReady = true;
    }
    let q = this.table
      .search(this.fullTextQuery(words, characters))
      .select(['_score', ...recordColumns])
      .limit(limit);
    const where = filterSql(filter);
    if (where) q = q.where(where);
    const rows = (await q.toArray()) as (ChunkRecord & { _score: number })[];
    return rows.map(({ _score, ...row }) => ({ row, score: _score }));
  }

  /** The question's words over every lexical column; its Chinese words' characters too, weaker. */
  private fullTextQuery(words: string, characters: string): lancedb.FullTextQuery {
    const match = (text: string, weight: number) =>
      new lancedb.MultiMatchQuery(text, [...lexicalColumns], { boosts: this.boosts.map((b) => b * weight) });
    if (!characters) return match(words, 1);
    return new lancedb.BooleanQuery([
      [lancedb.Occur.Should, match(words, 1)],
      [lancedb.Occur.Should, match(characters, hanCharacterWeight)],
    ]);
  }

  /** The columns the vector side needs, for every chunk. */
  async rowsForVectors(): Promise<
    Pick<ChunkRow, 'id' | 'article_id' | 'locale' | 'audience' | 'status' | 'tags' | 'title' | 'headings' | 'text'>[]
  > {
    if (!this.table) return [];
    const rows = await this.table
      .query()
      .select(['id', 'article_id', 'locale', 'audience', 'status', 'tags', 'title', 'headings', 'text'])
      .toArray();
    return rows as Awaited<ReturnType<ChunkIndex['rowsForVectors']>>;
  }

  /** The table's version, which every write moves on: the key of anything derived from the chunks. */
  async tableVersion(): Promise<number> {
    return this.table ? this.table.version() : 0;
  }

  /** Every chunk's segmented full-text words (`lex`, `lex_title`) and article, for statistics over the whole index. */
  async lexicalRows(): Promise<Pick<ChunkRow, 'article_id' | 'title' | 'lex' | 'lex_title'>[]> {
    if (!this.table) return [];
    return (await this.table.query().select(['article_id', 'title', 'lex', 'lex_title']).toArray()) as Pick<
      ChunkRow,
      'article_id' | 'title' | 'lex' | 'lex_title'
    >[];
  }

  async rowsById(ids: string[]): Promise<Map<string, ChunkRecord>> {
    const out = new Map<string, ChunkRecord>();
    if (!this.table || ids.length === 0) return out;
    const rows = await this.table
      .query()
      .where(`id IN (${ids.map(sqlText).join(', ')})`)
      .select(recordColumns)
      .toArray();
    for (const r of rows as ChunkRecord[]) out.set(r.id, r);
    return out;
  }

  close(): void {
    this.table?.close();
    this.db.close();
  }
}
