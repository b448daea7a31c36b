import { AlmanacError } from '../AlmanacError.js';
import { appendAudit } from '../audit/index.js';
import type { Signer } from '../identity/index.js';
import { articleIdSchema, articleMetaSchema, serializeArticle, slugify, type ArticleStore } from '../articles/index.js';
import { markdownNestingProblem } from '../indexing/index.js';
import { htmlDrafts, markdownDrafts, type Draft, type DraftResult } from './articleDrafts.js';
import { cleanSiteMarkup } from './cleanSiteMarkup.js';
import { customAnchors, renameAnchors } from './headingAnchors.js';
import { codeRanges, touchesRanges } from './siteMarkup/codeRanges.js';
import { collectSources, type SourceFile } from './collectSources.js';
import { corpusRows, type CorpusCount } from './corpusRows.js';
import { detectLocale } from './detectLocale.js';
import { HtmlNestingError } from './htmlNesting.js';
import { importImages, SiteImages } from './importImages.js';
import { readTextFile } from './readTextFile.js';
import { sanitizeMarkdown } from './sanitizeMarkdown.js';
import { sitePermalinks } from './foreignFrontMatter.js';
import { readSiteLayout, type SiteLayout } from './siteLayout.js';
import { SiteLinks } from './SiteLinks.js';
import { SourceIndex } from './SourceIndex.js';
import { rewritePageLinks } from './rewritePageLinks.js';

export type ImportStatus = 'created' | 'updated' | 'unchanged';

export interface ImportedArticle {
  id: string;
  title: string;
  source: string;
  status: ImportStatus;
  /** Template syntax the importer did not understand and removed. */
  removed?: number;
  /** Warnings worth a look: duplicated keys, missing images, a page that is not live. */
  notes?: string[];
}

/** A JSONL or CSV file with more rows than the cap: the rows past it were counted, not imported. */
export interface CappedFile {
  source: string;
  /** Rows in the file (JSONL: non-blank lines; CSV: records after the header). */
  rows: number;
  /** Rows read into articles (or reported), the first `maxRows`. */
  read: number;
  notImported: number;
  maxRows: number;
}

export interface ImportReport {
  imported: ImportedArticle[];
  failed: { source: string; reason: string }[];
  counts: Record<ImportStatus | 'reported', number>;
  /** Files cut at the row cap; each is also in `failed` with the way to import the rest. */
  capped: CappedFile[];
  /** Files under a site that its generator does not build as pages (snippets, files outside its docs folder). */
  skipped?: { source: string; reason: string }[];
  /**
   * Why the import stopped before the end (interrupted, disk full). Everything it wrote until then is
   * in `imported` and in the audit log; importing again finishes the job and leaves those unchanged.
   */
  stopped?: string;
}

/** Where an import is, for a progress line. */
export interface ImportProgress {
  /** Files found, and files read so far. */
  files: number;
  filesRead: number;
  /** The file being read, as the report shows it. */
  source?: string;
  /** Rows read so far from that file when it is a JSONL or CSV corpus, past the cap included. */
  rows?: number;
  /** Articles read and waiting to be written, and articles written (created, updated or unchanged). */
  planned: number;
  written: number;
}

/**
 * Rows imported from one JSONL or CSV file unless `maxRows` says otherwise: a large help centre's
 * FAQ export fits many times over, and writing that many articles takes a few minutes; a bigger
 * file is more likely a data dump imported by mistake. The rest of the file is counted and reported
 * (`almanac import --max-rows N` raises the cap).
 */
export const defaultMaxRows = 50_000;

/**
 * Articles written between two audit entries. Every entry lists all the ids it created or updated
 * (an entry lists at most 1,000), and an import killed part-way has recorded every batch it finished.
 */
export const importBatchSize = 500;

/** Articles of one batch written at the same time (each write is synced to disk). */
const writeConcurrency = 8;

export interface ImportOptions {
  /** Largest Markdown or HTML file, in bytes; also the longest record text of a corpus, in characters. */
  maxFileBytes?: number;
  /** Largest JSONL or CSV corpus, in bytes. */
  maxCorpusBytes?: number;
  /** Rows imported from one JSONL or CSV file (default `defaultMaxRows`); the rest are counted and reported. */
  maxRows?: number;
  /** Articles written between audit entries (default `importBatchSize`). */
  batchSize?: number;
  /** How a path appears in the report, e.g. relative to where the user ran the command. */
  displayPath?: (absolute: string) => string;
  /** Called as files are read, every 1,000 rows of a corpus, and as articles are written. */
  onProgress?: (done: number, total: number, progress: ImportProgress) => void;
  /** Who imports: signs the audit entries (unsigned when nobody is signed in). */
  signer?: Signer;
  /** Stops the import: what was written until then is recorded, and the report says it stopped. */
  signal?: AbortSignal;
}

interface Planned {
  /** Its place in the order the sources were read: the report lists articles in that order. */
  seq: number;
  draft: Draft;
  file?: SourceFile;
  id: string;
  existing: boolean;
  title: string;
}

/** For "guide/index.md" the folder names the page: "guide-index"; a site's own index takes the site's name. */
function naturalStem(relPath: string, collection: string): string {
  const parts = relPath.split('/');
  const stem = parts.at(-1)!.replace(/\.[^.]+$/, '');
  const parent = parts.at(-2) ?? collection;
  return /^(index|readme|_index)$/i.test(stem) ? `${parent}-${stem}` : stem;
}

/** The page's first `# heading` outside code (a `# comment` in a shell block is not a title). */
function firstHeading(markdown: string): string | undefined {
  let ranges: ReturnType<typeof codeRanges> | undefined;
  for (const m of markdown.matchAll(/^#\s+(.+?)\s*#*\s*$/gm)) {
    if (!touchesRanges((ranges ??= codeRanges(markdown)), m.index)) return m[1]!.trim();
  }
  return undefined;
}

function withoutTitleHeading(markdown: string, title: string): string {
  const m = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)\s*/.exec(markdown);
  return m && m[1]!.trim() === title.trim() ? markdown.slice(m[0].length) : markdown;
}

/** Why a site page is skipped: the generator builds it, but its text comes from a layout or components. */
const noTextOfItsOwn = (notes: string[]) =>
  `No text of its own: the site fills this page from its layout or components (a section, list or home page)${notes.length ? `; ${notes.join('; ')}` : ''}. Not imported; links to it keep their text.`;

/** An error that ends the whole import, not just one file: a full disk, a read-only folder. */
const isSystemError = (err: unknown): boolean =>
  err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string';

/** Writing an article failed in a way that stops the import (see `isSystemError`). */
class ImportStopped extends Error {
  constructor(readonly reason: unknown) {
    super((reason as Error).message);
  }
}

/** The audit entry of a batch could not be appended: the import cannot record what it does, so it fails. */
class AuditFailed extends Error {
  constructor(readonly reason: unknown) {
    super((reason as Error).message);
  }
}

/** Why one file or article could not be imported, for an error the importer did not expect. */
function unexpected(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return err instanceof RangeError
    ? `Could not be converted: it is too deeply nested or too complex (${message}). Simplify it and import it again.`
    : `Could not be imported: ${message}`;
}

const interrupted =
  'Interrupted before the end. The articles listed were imported and recorded in the audit log; import again to finish (those are left unchanged).';

/** Runs `work` on each item, `limit` at a time, starting no new one once `stop` says so. */
async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One import: plans ids as sources are read, writes articles in batches, and audits each batch. */
class ImportRun {
  private readonly sources: SourceIndex;
  private readonly taken: Set<string>;
  private readonly claimed = new Set<string>();
  private readonly links = new SiteLinks();
  private readonly articles: Awaited<ReturnType<ArticleStore['list']>>;
  private readonly images = new Map<string, SiteImages>();
  private readonly layouts = new Map<string, Promise<SiteLayout>>();
  /** Per article of this run, its source text, read for its headings' anchors when a link needs them. */
  private readonly anchorSources = new Map<string, string>();
  private readonly anchorCache = new Map<string, Map<string, string>>();
  /** An article's headings' own ids (`{#trying-vite}`) and the anchors they become once imported. */
  private readonly anchors = (id: string): Map<string, string> | undefined => {
    const source = this.anchorSources.get(id);
    if (source === undefined) return undefined;
    let found = this.anchorCache.get(id);
    if (!found) this.anchorCache.set(id, (found = customAnchors(source)));
    return found;
  };
  /** Pages wait until every file is read, so links between them resolve to ids. */
  private pages: Planned[] = [];
  private pending: Planned[] = [];
  private batches = 0;
  /** Where each imported article was read, to list them in that order (corpora are written first). */
  private readonly order = new Map<ImportedArticle, number>();
  private planned = 0;
  private written = 0;
  private filesRead = 0;
  private current: { source: string; count?: CorpusCount } | undefined;
  private lastProgress = 0;

  constructor(
    private readonly store: ArticleStore,
    private readonly report: ImportReport,
    articles: Awaited<ReturnType<ArticleStore['list']>>,
    private readonly files: number,
    private readonly options: ImportOptions & {
      maxFileBytes: number;
      maxCorpusBytes: number;
      maxRows: number;
      batchSize: number;
      displayPath: (absolute: string) => string;
    },
  ) {
    this.sources = new SourceIndex(articles);
    this.taken = new Set(articles.map((a) => a.id));
    this.articles = articles;
  }

  private progress(force = true): void {
    if (!this.options.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgress < 50) return;
    this.lastProgress = now;
    this.options.onProgress(this.filesRead + this.written, this.files + this.planned, {
      files: this.files,
      filesRead: this.filesRead,
      ...(this.current ? { source: this.current.source } : {}),
      ...(this.current?.count ? { rows: this.current.count.rows } : {}),
      planned: this.planned,
      written: this.written,
    });
  }

  /** A stop, an audit failure or an interruption ends the import; anything else is this file's problem. */
  private ends(err: unknown): boolean {
    return err instanceof ImportStopped || err instanceof AuditFailed || Boolean(this.options.signal?.aborted);
  }

  /** Give a draft its id (the article it updates, or a fresh one nobody has), or report why it is skipped. */
  private plan(draft: Draft, sf: SourceFile, navTitle?: string): Planned | undefined {
    const existingId = this.sources.find(draft.ref);
    if (existingId && this.claimed.has(existingId)) {
      this.report.failed.push({
        source: draft.source,
        reason: `The same source was already imported in this run as ${existingId}; this copy was skipped.`,
      });
      return undefined;
    }
    const cleaned = draft.siteMarkup
      ? cleanSiteMarkup(draft.body, { generator: sf.generator, page: draft.page })
      : undefined;
    const cleanTitleSource = cleaned ? cleaned.markdown : draft.body;
    const title =
      draft.title ||
      firstHeading(cleanTitleSource) ||
      navTitle ||
      naturalStem(sf.relPath, sf.collection).replace(/[-_]+/g, ' ');
    // A site page with no text of its own is not imported; it takes no id, and links to it keep their text.
    if (
      cleaned &&
      sf.generator !== 'plain' &&
      !withoutTitleHeading(cleanTitleSource, title).trim() &&
      !draft.meta.summary
    ) {
      (this.report.skipped ??= []).push({ source: draft.source, reason: noTextOfItsOwn(cleaned.notes) });
      return undefined;
    }
    let id = existingId;
    if (!id) {
      const natural =
        draft.meta.id ??
        (draft.ref.key !== undefined
          ? slugify(title)
          : slugify(naturalStem(sf.relPath, sf.collection)) || slugify(title));
      const wanted =
        natural && articleIdSchema.safeParse(natural).success
          ? natural
          : slugify(natural ?? '') || `imported-${this.taken.size + 1}`;
      id = wanted;
      for (let n = 2; this.taken.has(id) || this.claimed.has(id); n++) id = `${wanted}-${n}`;
    }
    this.claimed.add(id);
    if (draft.siteMarkup) {
      this.links.add(sf.collection, sf.relPath, draft.permalinks, id);
      this.anchorSources.set(id, draft.body);
    }
    return { seq: this.planned++, draft, file: sf, id, existing: Boolean(existingId), title };
  }

  /** Read a Markdown or HTML page and plan its article; it is written once every file is read. */
  async page(sf: SourceFile): Promise<void> {
    const source = this.options.displayPath(sf.file);
    this.current = { source };
    try {
      const read = await readTextFile(sf.file, this.options.maxFileBytes);
      let result: DraftResult;
      if (!read.ok) result = { drafts: [], failures: [{ source, reason: read.reason }] };
      else if (
        sf.kind === 'html' &&
        sf.generator === 'jekyll' &&
        !sf.named &&
        !/^\uFEFF?---[ \t]*\r?\n/.test(read.text)
      ) {
        // Jekyll renders only files with front matter; any other HTML it copies as is (often a script app).
        (this.report.skipped ??= []).push({
          source,
          reason:
            'a static file Jekyll copies as is (no front matter), not one of its pages; import it on its own to read it',
        });
        result = { drafts: [], failures: [] };
      } else {
        const origin = { ref: { collection: sf.collection, path: sf.relPath }, source };
        result = sf.kind === 'html' ? htmlDrafts(read.text, origin) : markdownDrafts(read.text, origin);
      }
      this.report.failed.push(...result.failures);
      // The site's navigation names a page that names itself nowhere (no title, no heading).
      const navTitle = sf.generator === 'plain' ? undefined : (await this.layout(sf)).navTitle(sf.relPath);
      for (const draft of result.drafts) {
        const plan = this.plan(draft, sf, navTitle);
        if (plan) this.pages.push(plan);
      }
    } catch (err) {
      if (this.ends(err)) throw err;
      this.report.failed.push({ source, reason: unexpected(err) });
    }
    this.filesRead++;
    this.current = undefined;
    this.progress();
  }

  /** Stream a JSONL or CSV corpus row by row, writing its articles in batches as they are read. */
  async corpus(sf: SourceFile & { kind: 'jsonl' | 'csv' }): Promise<void> {
    const source = this.options.displayPath(sf.file);
    const { maxRows } = this.options;
    const count: CorpusCount = { rows: 0, over: 0, onRows: () => this.progress(false) };
    this.current = { source, count };
    const origin = { ref: { collection: sf.collection, path: sf.relPath }, source };
    const limits = {
      maxBytes: this.options.maxCorpusBytes,
      maxRecordChars: this.options.maxFileBytes,
      maxRows,
    };
    try {
      for await (const item of corpusRows(sf.kind, sf.file, origin, limits, count, this.options.signal)) {
        if ('refused' in item) this.report.failed.push({ source, reason: item.refused });
        else if ('failure' in item) this.report.failed.push(item.failure);
        else {
          let plan: Planned | undefined;
          try {
            plan = this.plan(item.draft, sf);
          } catch (err) {
            this.report.failed.push({ source: item.draft.source, reason: unexpected(err) });
          }
          if (plan) await this.add(plan);
        }
      }
    } catch (err) {
      if (this.ends(err)) throw err;
      const at = count.rows ? `Reading stopped at row ${count.rows.toLocaleString('en')}. ` : '';
      this.report.failed.push({ source, reason: `${at}${unexpected(err)}` });
    }
    if (count.over > 0) {
      const n = (x: number) => x.toLocaleString('en');
      this.report.capped.push({
        source,
        rows: count.rows,
        read: count.rows - count.over,
        notImported: count.over,
        maxRows,
      });
      this.report.failed.push({
        source,
        reason: `${n(count.over)} of its ${n(count.rows)} rows were not imported: the limit is ${n(maxRows)} rows per file, and only the first ${n(maxRows)} were read. To import them all, import it again with --max-rows ${count.rows} (rows already imported stay as they are), or split the file.`,
      });
    }
    this.filesRead++;
    this.current = undefined;
    this.progress();
  }

  /** Write the pages read earlier, in batches. */
  async writePages(): Promise<void> {
    const pages = this.pages;
    this.pages = [];
    await this.linkEarlierPages(new Set(pages.flatMap((p) => (p.file ? [p.file.collection] : []))));
    for (const plan of pages) await this.add(plan);
  }

  /** The layout of a site (navigation titles, what is not a page), read once per import. */
  layout(sf: SourceFile): Promise<SiteLayout> {
    let found = this.layouts.get(sf.base);
    if (!found) this.layouts.set(sf.base, (found = readSiteLayout(sf.base, sf.generator)));
    return found;
  }

  /** The images of a site, indexed once per import. */
  private siteImages(root: string): SiteImages {
    let found = this.images.get(root);
    if (!found) this.images.set(root, (found = new SiteImages(root)));
    return found;
  }

  /**
   * Pages of the same sites imported before and not in this run (the rest of the site when one
   * folder is imported again): links to them resolve to their articles, by path and permalink, as
   * the whole-site import made them.
   */
  private async linkEarlierPages(collections: Set<string>): Promise<void> {
    for (const a of this.articles) {
      if (!a.source || a.source.key !== undefined || !collections.has(a.source.collection)) continue;
      if (this.claimed.has(a.id)) continue;
      const article = await this.store.get(a.id).catch(() => undefined);
      this.links.add(a.source.collection, a.source.path, sitePermalinks(article?.meta.extra), a.id);
    }
  }

  private async add(plan: Planned): Promise<void> {
    this.pending.push(plan);
    if (this.pending.length >= this.options.batchSize) await this.flush();
  }

  /**
   * Write the waiting articles, a few at a time, and append one audit entry for those created or
   * updated. A full disk (or the like) or an interruption stops it: what was written is still
   * recorded, then the import ends.
   */
  async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    const { signal } = this.options;
    const results: (ImportedArticle | { reason: string } | { skip: string } | undefined)[] = new Array(batch.length);
    let stop: unknown;
    await eachLimited(
      batch,
      writeConcurrency,
      async (plan, i) => {
        try {
          results[i] = await writePlanned(
            this.store,
            plan,
            this.links,
            this.sources,
            (root) => this.siteImages(root),
            this.anchors,
          );
        } catch (err) {
          if (isSystemError(err)) {
            stop ??= err;
            return;
          }
          results[i] = { reason: unexpected(err) };
        }
        this.written++;
        this.progress(false);
      },
      () => stop !== undefined || Boolean(signal?.aborted),
    );
    const ids: string[] = [];
    let created = 0;
    let updated = 0;
    batch.forEach((plan, i) => {
      const result = results[i];
      if (!result) return;
      if ('reason' in result) {
        this.report.failed.push({ source: plan.draft.source, reason: result.reason });
        return;
      }
      if ('skip' in result) {
        (this.report.skipped ??= []).push({ source: plan.draft.source, reason: result.skip });
        return;
      }
      this.report.imported.push(result);
      this.order.set(result, plan.seq);
      if (result.status === 'created') created++;
      if (result.status === 'updated') updated++;
      if (result.status !== 'unchanged') ids.push(result.id);
    });
    this.progress();
    const stopped =
      stop !== undefined ? `Stopped: ${(stop as Error).message}` : signal?.aborted ? 'Interrupted' : undefined;
    if (created + updated > 0) {
      try {
        await appendAudit(this.store.ws, this.options.signer, 'import', `${created + updated} articles`, {
          created,
          updated,
          ids,
          batch: ++this.batches,
          ...(stopped ? { stopped } : {}),
        });
      } catch (err) {
        throw new AuditFailed(err);
      }
    }
    if (stop !== undefined) throw new ImportStopped(stop);
    signal?.throwIfAborted();
  }

  /** The imported articles in the order their sources were read. */
  sortImported(): void {
    this.report.imported.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** Articles read but not written when the import stopped: they are left out. */
  discard(): void {
    this.pending = [];
    this.pages = [];
  }
}

/**
 * Import Markdown (including static-site sources), HTML, JSONL and CSV. Each file is created,
 * updated (same source as an earlier import), unchanged, or reported with its reason; an article
 * from another source is never overwritten, and every write is atomic. JSONL and CSV files are
 * streamed row by row, up to `maxRows` rows each (the rest are counted and reported). Articles are
 * written in batches of `batchSize`, each recorded by its own audit entry; a page nested deeper than
 * Almanac parses is reported, never imported, and one file that fails never stops the others. When
 * the import stops part-way (interrupted through `signal`, a full disk) it still returns its report,
 * with `stopped` saying why; only a failure to append an audit entry is thrown.
 */
export async function importPaths(
  store: ArticleStore,
  inputs: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const settings = {
    ...options,
    maxFileBytes: options.maxFileBytes ?? 5 * 1024 * 1024,
    maxCorpusBytes: options.maxCorpusBytes ?? 256 * 1024 * 1024,
    maxRows: options.maxRows ?? defaultMaxRows,
    batchSize: options.batchSize ?? importBatchSize,
    displayPath: options.displayPath ?? ((p: string) => p),
  };
  if (!(settings.maxRows >= 1) || (Number.isFinite(settings.maxRows) && !Number.isInteger(settings.maxRows)))
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `The row limit must be a whole number of at least 1, not ${settings.maxRows}.`,
    );
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1 || settings.batchSize > 1000)
    throw new AlmanacError('VALIDATION_FAILED', 'The batch size must be a whole number from 1 to 1,000.');
  const report: ImportReport = {
    imported: [],
    failed: [],
    counts: { created: 0, updated: 0, unchanged: 0, reported: 0 },
    capped: [],
  };
  const collected = await collectSources(inputs, settings.displayPath);
  report.failed.push(...collected.failed);
  const run = new ImportRun(store, report, await store.list(), collected.files.length, settings);
  try {
    for (const sf of collected.files) {
      settings.signal?.throwIfAborted();
      if ((sf.kind === 'jsonl' || sf.kind === 'csv') && sf.generator !== 'plain' && !sf.named)
        // A site's data or download file (an export sample, a table a template reads), not one of its pages.
        (report.skipped ??= []).push({
          source: settings.displayPath(sf.file),
          reason: `a data file of the ${sf.generator} site, not a page; import it on its own to read it as a corpus or FAQ`,
        });
      else if (sf.kind === 'jsonl' || sf.kind === 'csv') await run.corpus(sf as SourceFile & { kind: typeof sf.kind });
      else {
        const notAPage = sf.generator === 'plain' ? undefined : (await run.layout(sf)).notAPage(sf.relPath);
        if (notAPage) (report.skipped ??= []).push({ source: settings.displayPath(sf.file), reason: notAPage });
        else await run.page(sf);
      }
    }
    await run.writePages();
    await run.flush();
  } catch (err) {
    if (err instanceof AuditFailed) throw err.reason;
    run.discard();
    const cause = err instanceof ImportStopped ? err.reason : err;
    report.stopped = settings.signal?.aborted
      ? interrupted
      : `Stopped before the end: ${cause instanceof Error ? cause.message : String(cause)}. The articles listed were imported and recorded in the audit log; fix the cause and import again to finish.`;
  }
  run.sortImported();
  for (const item of report.imported) report.counts[item.status]++;
  report.counts.reported = report.failed.length;
  return report;
}

async function writePlanned(
  store: ArticleStore,
  { draft, file, id, existing, title }: Planned,
  links: SiteLinks,
  sources: SourceIndex,
  siteImages?: (root: string) => SiteImages,
  anchors?: (id: string) => Map<string, string> | undefined,
): Promise<ImportedArticle | { reason: string } | { skip: string }> {
  const notes = [...draft.notes];
  let body = draft.body;
  let removed = 0;
  if (draft.siteMarkup && file) {
    const cleaned = cleanSiteMarkup(body, {
      generator: file.generator,
      page: draft.page,
      resolveLink: (target) => links.resolve(file.collection, file.relPath, target),
    });
    body = cleaned.markdown;
    removed = cleaned.removed;
    notes.push(...cleaned.notes);
    const unresolved: string[] = [];
    body = rewritePageLinks(
      body,
      (target) => links.resolve(file.collection, file.relPath, target),
      unresolved,
      cleaned.linked,
    );
    if (anchors && body.includes('#')) body = renameAnchors(body, id, anchors);
    if (unresolved.length)
      notes.push(`links to pages not imported kept their text: ${[...new Set(unresolved)].slice(0, 5).join(', ')}`);
  }
  const nested = markdownNestingProblem(body);
  if (nested) return { reason: `${nested}. Flatten it and import it again.` };
  let safe: ReturnType<typeof sanitizeMarkdown>;
  try {
    safe = sanitizeMarkdown(body);
  } catch (err) {
    if (err instanceof HtmlNestingError) return { reason: `${err.message}. Flatten it and import it again.` };
    throw err;
  }
  body = withoutTitleHeading(safe.markdown, title).trim();
  if (safe.changed > 0) notes.push(`raw HTML or unsafe links sanitised in ${safe.changed} block(s)`, ...safe.notes);
  if (!body && draft.meta.summary) body = draft.meta.summary;
  if (!body && file && file.generator !== 'plain') return { skip: noTextOfItsOwn(notes) };
  if (!body) return { reason: 'Nothing left to import: the page has no text after its template syntax was removed.' };
  if (file && (file.kind === 'markdown' || file.kind === 'html')) {
    const images = await importImages(body, {
      file: file.file,
      siteRoot: file.base,
      ws: store.ws,
      articleId: id,
      // Only a site's own folders: a plain folder's base is its parent, which is not the import's to search.
      siteImages: file.generator !== 'plain' ? siteImages?.(file.base) : undefined,
    });
    body = images.markdown;
    for (const src of images.missing) notes.push(`missing image: ${src}`);
  }
  if (draft.notLive) notes.push(`not live on its site (${draft.notLive}): imported as archived`);
  const previous = existing ? await store.get(id).catch(() => undefined) : undefined;
  const base = previous && previous.status !== 'invalid' ? previous.meta : undefined;
  const { id: _ignored, ...fromSource } = draft.meta;
  const parsed = articleMetaSchema.safeParse({
    ...base,
    ...fromSource,
    archived: draft.notLive ? true : undefined,
    id,
    title,
    locale: draft.meta.locale ?? detectLocale(`${title}\n${body}`, store.ws.config.locales),
    source: draft.ref,
  });
  if (!parsed.success) {
    return {
      reason: parsed.error.issues.map((i) => `"${String(i.path[0])}" ${i.message}`).join('; '),
    };
  }
  const text = serializeArticle(parsed.data, `${body}\n`);
  const status = previous ? ((await sources.sameText(store.fileOf(id), text)) ? 'unchanged' : 'updated') : 'created';
  if (status === 'updated') await store.write(parsed.data, `${body}\n`);
  if (status === 'created' && !(await store.createFile(id, text))) {
    return {
      reason: `Another article named ${id} was created while importing; import again to give this one a new id.`,
    };
  }
  return {
    id,
    title,
    source: draft.source,
    status,
    ...(removed ? { removed } : {}),
    ...(notes.length ? { notes } : {}),
  };
}
