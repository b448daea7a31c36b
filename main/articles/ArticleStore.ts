import { lstat, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { Workspace } from '../workspace/index.js';
import { createInside, writeInside } from '../workspace/index.js';
import { withLock } from '../workspace/index.js';
import { blobHash, headArticleOids } from '../versions/index.js';
import { articleIdSchema, articleMetaSchema, type ArticleMeta, type ArticleMetaInput } from './articleMeta.js';
import { parseArticleFile, serializeArticle, type ParsedArticle } from './articleFile.js';
import {
  deriveStatus,
  reviewSummary,
  todayIso,
  type ReviewFacts,
  type ReviewSource,
  type VersionState,
} from './articleStatus.js';
import { slugify } from './slugify.js';
import type { Article, ArticleSummary } from './types.js';

interface CacheEntry {
  mtimeMs: number;
  size: number;
  hash: string;
  parsed: ParsedArticle;
  /** Lower-cased title and body for search as you type. */
  haystack: string;
}

export interface NewArticle extends Partial<Omit<ArticleMetaInput, 'title'>> {
  title: string;
  body?: string;
}

export interface SaveInput {
  meta: ArticleMetaInput;
  body: string;
  /** The version the editor started from; a different file on disk is a CONFLICT. */
  baseVersion?: string;
}

const isArticleFile = (name: string) => name.endsWith('.md') && !name.startsWith('.');

/** Articles of one workspace: reads, validates and atomically writes `articles/<id>.md`. */
export class ArticleStore {
  private cache = new Map<string, CacheEntry>();
  private reviews: ReviewSource | undefined;
  /** Bumped by every change this store makes or hears of, so a listing is shared only while still current. */
  private generation = 0;
  private listing: { generation: number; result: Promise<ArticleSummary[]> } | undefined;

  constructor(readonly ws: Workspace) {}

  /** Derive statuses from review records too (the review domain supplies them). */
  useReviews(source: ReviewSource): void {
    this.reviews = source;
  }

  fileOf(id: string): string {
    const parsed = articleIdSchema.safeParse(id);
    if (!parsed.success) {
      throw new AlmanacError(
        'VALIDATION_FAILED',
        `"${id}" is not a valid article id: ${parsed.error.issues[0]?.message}`,
      );
    }
    return path.join(this.ws.articlesDir, `${id}.md`);
  }

  private async load(id: string): Promise<CacheEntry | undefined> {
    const file = this.fileOf(id);
    let info;
    try {
      info = await lstat(file);
    } catch {
      this.cache.delete(id);
      return undefined;
    }
    if (!info.isFile()) return this.special(id, info.isSymbolicLink());
    const cached = this.cache.get(id);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const bytes = await readFile(file);
    const text = bytes.toString('utf8');
    const parsed = parseArticleFile(text, `articles/${id}.md`, id);
    const title = parsed.ok ? parsed.meta.title : id;
    const entry: CacheEntry = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      hash: blobHash(bytes),
      parsed,
      haystack: `${title}\n${parsed.body}`.toLowerCase(),
    };
    this.cache.set(id, entry);
    return entry;
  }

  /** A symbolic link or special file in articles/: listed as invalid, never read or written through. */
  private special(id: string, symlink: boolean): CacheEntry {
    const what = symlink ? 'a symbolic link' : 'not a regular file';
    const problem = {
      file: `articles/${id}.md`,
      message: `articles/${id}.md is ${what}; Almanac does not follow it`,
      fix: `Replace it with the article file itself, or remove it`,
    };
    return {
      mtimeMs: 0,
      size: 0,
      hash: '',
      parsed: { ok: false, problems: [problem], body: '', raw: {}, warnings: [] },
      haystack: '',
    };
  }

  /**
   * Run `work` as the only writer of one article, in this process and across processes (the
   * workspace lock `article-<id>`), so a version check and its write are one step.
   */
  private exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    // A writer killed mid-save leaves its lock: it counts as stale after 5 s (the holder refreshes it).
    return withLock(this.ws.localDir, `article-${id}`, work, { staleMs: 5_000, waitMs: 60_000 });
  }

  private summarize(
    id: string,
    entry: CacheEntry,
    head: Map<string, string>,
    today: string,
    review?: ReviewFacts,
  ): ArticleSummary {
    const headOid = head.get(`${id}.md`);
    const versionState: VersionState =
      headOid === undefined ? 'unversioned' : headOid === entry.hash ? 'versioned' : 'modified';
    const { parsed } = entry;
    const meta = parsed.ok ? parsed.meta : undefined;
    const raw = parsed.ok ? {} : parsed.raw;
    return {
      id,
      title: meta?.title ?? (typeof raw.title === 'string' ? raw.title : id),
      tags: meta?.tags ?? [],
      locale: meta?.locale ?? (typeof raw.locale === 'string' ? raw.locale : ''),
      audience: meta?.audience ?? 'customer',
      owner: meta?.owner ?? '',
      reviewBy: meta?.reviewBy,
      status: deriveStatus(meta, today, entry.hash, review),
      ...(review ? { review: reviewSummary(meta, entry.hash, review) } : {}),
      versionState,
      version: entry.hash,
      updatedAt: entry.mtimeMs,
      ...(parsed.ok ? {} : { problems: parsed.problems }),
      ...(meta?.source ? { source: meta.source } : {}),
    };
  }

  async ids(): Promise<string[]> {
    const names = await readdir(this.ws.articlesDir);
    return names
      .filter(isArticleFile)
      .map((n) => n.slice(0, -3))
      .filter((id) => articleIdSchema.safeParse(id).success);
  }

  /** Every article, with status and version state. */
  list(): Promise<ArticleSummary[]> {
    // Callers arriving while a listing runs (the studio's first load and the first index run) share it,
    // unless something changed since it started.
    if (this.listing?.generation === this.generation) return this.listing.result;
    const result = this.listNow().finally(() => {
      if (this.listing?.result === result) this.listing = undefined;
    });
    this.listing = { generation: this.generation, result };
    return result;
  }

  private async listNow(): Promise<ArticleSummary[]> {
    const ids = await this.ids();
    const head = await headArticleOids(this.ws);
    const today = todayIso();
    const reviews = await this.reviews?.facts();
    const out: ArticleSummary[] = [];
    for (let i = 0; i < ids.length; i += 256) {
      const batch = ids.slice(i, i + 256);
      const entries = await Promise.all(batch.map((id) => this.load(id)));
      entries.forEach((entry, j) => {
        if (entry) out.push(this.summarize(batch[j]!, entry, head, today, reviews?.get(batch[j]!)));
      });
    }
    const known = new Set(ids);
    for (const id of this.cache.keys()) if (!known.has(id)) this.cache.delete(id);
    return out;
  }

  /** One article with its body. Throws NOT_FOUND. */
  async get(id: string): Promise<Article> {
    const entry = await this.load(id);
    if (!entry) throw new AlmanacError('NOT_FOUND', `There is no article ${id}.`);
    const review = await this.reviews?.factsFor(id);
    const summary = this.summarize(id, entry, await headArticleOids(this.ws), todayIso(), review);
    const { parsed } = entry;
    const meta: ArticleMeta = parsed.ok
      ? parsed.meta
      : {
          id,
          title: summary.title,
          tags: [],
          locale: summary.locale || (this.ws.config.locales[0] ?? 'en'),
          audience: 'customer',
          owner: '',
        };
    return { ...summary, meta, body: parsed.body };
  }

  /** Search titles and text as you type; returns matching ids, best (title) matches first. */
  async search(query: string, limit = 500): Promise<{ id: string; snippet: string }[]> {
    await this.list();
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length === 0) return [];
    const hits: { id: string; snippet: string; inTitle: boolean }[] = [];
    for (const [id, entry] of this.cache) {
      if (!terms.every((t) => entry.haystack.includes(t))) continue;
      const at = entry.haystack.indexOf(terms[0]!);
      const titleEnd = entry.haystack.indexOf('\n');
      const source = `${entry.parsed.body}`;
      const bodyAt = Math.max(0, at - titleEnd - 1);
      const snippet = at <= titleEnd ? source.slice(0, 120) : source.slice(Math.max(0, bodyAt - 40), bodyAt + 80);
      hits.push({ id, snippet: snippet.replace(/\s+/g, ' ').trim(), inTitle: at <= titleEnd });
    }
    hits.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || a.id.localeCompare(b.id));
    return hits.slice(0, limit).map(({ id, snippet }) => ({ id, snippet }));
  }

  private validate(meta: ArticleMetaInput, file: string): ArticleMeta {
    const parsed = articleMetaSchema.safeParse(meta);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({
        file,
        field: String(i.path[0]),
        message: `"${String(i.path[0])}" ${i.message}`,
      }));
      throw new AlmanacError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), { problems });
    }
    return parsed.data;
  }

  /** Write an article atomically (temp file + fsync + rename), never through a symbolic link. */
  async write(meta: ArticleMeta, body: string): Promise<Article> {
    await writeInside(this.ws.root, this.fileOf(meta.id), serializeArticle(meta, body));
    this.generation++;
    return this.get(meta.id);
  }

  async exists(id: string): Promise<boolean> {
    return lstat(this.fileOf(id)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Create an article with an id made from its title; the id is reserved atomically, so concurrent
   * creates with one title get distinct ids. Throws VALIDATION_FAILED, CONFLICT.
   */
  async create(input: NewArticle): Promise<Article> {
    const base = input.id ?? (slugify(input.title) || `article-${Date.now().toString(36)}`);
    const { body = '', ...rest } = input;
    for (let n = 1; n < 10_000; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      const meta = this.validate(
        { locale: this.ws.config.locales[0] ?? 'en', tags: [], ...rest, id },
        `articles/${id}.md`,
      );
      if (await createInside(this.ws.root, this.fileOf(id), serializeArticle(meta, body))) {
        this.generation++;
        return this.get(id);
      }
      if (input.id) throw new AlmanacError('CONFLICT', `An article ${id} already exists.`);
    }
    throw new AlmanacError('CONFLICT', `Too many articles are named ${base}; choose another title.`);
  }

  /** Create an article file with exactly this text unless its id is taken; false when taken. */
  async createFile(id: string, text: string): Promise<boolean> {
    const created = await createInside(this.ws.root, this.fileOf(id), text);
    if (created) this.generation++;
    return created;
  }

  /**
   * Autosave: write new front matter and body. With a baseVersion this is compare-and-swap: when the
   * file changed since, it throws CONFLICT and keeps the refused text under .almanac/conflicts/.
   * Throws VALIDATION_FAILED, CONFLICT.
   */
  async save(id: string, input: SaveInput): Promise<Article> {
    const meta = this.validate({ ...input.meta, id }, `articles/${id}.md`);
    return this.exclusive(id, async () => {
      if (input.baseVersion) {
        const current = await this.load(id);
        if (current && current.hash !== input.baseVersion) {
          const keptAs = await this.keepRefused(id, serializeArticle(meta, input.body));
          throw new AlmanacError(
            'CONFLICT',
            `Article ${id} was changed elsewhere while you edited it. Your text is kept in ${keptAs}; reload to see the other change.`,
            { current: await this.get(id), keptAs },
          );
        }
      }
      return this.write(meta, input.body);
    });
  }

  /** Keep a save that lost a conflict, so no acknowledged text is ever lost. */
  private async keepRefused(id: string, text: string): Promise<string> {
    const dir = path.join(this.ws.localDir, 'conflicts');
    await mkdir(dir, { recursive: true });
    const name = `${id}.${new Date().toISOString().replace(/[:.]/g, '-')}.${Math.random().toString(36).slice(2, 8)}.md`;
    await writeInside(this.ws.root, path.join(dir, name), text);
    return path.posix.join('.almanac/conflicts', name);
  }

  async setArchived(id: string, archived: boolean): Promise<Article> {
    const article = await this.get(id);
    if (article.status === 'invalid')
      throw new AlmanacError('VALIDATION_FAILED', `Fix the front matter of ${id} first.`);
    return this.write({ ...article.meta, archived: archived || undefined }, article.body);
  }

  /** Delete the file; its versions stay in history and it can be restored. Throws NOT_FOUND. */
  async remove(id: string): Promise<void> {
    try {
      await unlink(this.fileOf(id));
    } catch {
      throw new AlmanacError('NOT_FOUND', `There is no article ${id}.`);
    }
    this.cache.delete(id);
    this.generation++;
  }

  /** History or review records changed: statuses may differ, so the next listing starts afresh. */
  touch(): void {
    this.generation++;
  }

  /** Drop what is known of an article changed outside this store (another process, a review, a sync). */
  forget(id: string): void {
    this.cache.delete(id);
    this.generation++;
  }
}
