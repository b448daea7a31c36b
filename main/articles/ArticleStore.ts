import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { Workspace } from '../workspace/Workspace.js';
import { atomicWrite } from '../workspace/atomicWrite.js';
import { blobHash, headArticleOids } from '../versions/index.js';
import { articleIdSchema, articleMetaSchema, type ArticleMeta, type ArticleMetaInput } from './articleMeta.js';
import { parseArticleFile, serializeArticle, type ParsedArticle } from './articleFile.js';
import { deriveStatus, todayIso, type VersionState } from './articleStatus.js';
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

  constructor(readonly ws: Workspace) {}

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
      info = await stat(file);
    } catch {
      this.cache.delete(id);
      return undefined;
    }
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

  private summarize(id: string, entry: CacheEntry, head: Map<string, string>, today: string): ArticleSummary {
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
      status: deriveStatus(meta, today),
      versionState,
      version: entry.hash,
      updatedAt: entry.mtimeMs,
      ...(parsed.ok ? {} : { problems: parsed.problems }),
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
  async list(): Promise<ArticleSummary[]> {
    const ids = await this.ids();
    const head = await headArticleOids(this.ws);
    const today = todayIso();
    const out: ArticleSummary[] = [];
    for (let i = 0; i < ids.length; i += 256) {
      const batch = ids.slice(i, i + 256);
      const entries = await Promise.all(batch.map((id) => this.load(id)));
      entries.forEach((entry, j) => {
        if (entry) out.push(this.summarize(batch[j]!, entry, head, today));
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
    const summary = this.summarize(id, entry, await headArticleOids(this.ws), todayIso());
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

  /** Write an article atomically (temp file + fsync + rename). */
  async write(meta: ArticleMeta, body: string): Promise<Article> {
    await atomicWrite(this.fileOf(meta.id), serializeArticle(meta, body));
    return this.get(meta.id);
  }

  async exists(id: string): Promise<boolean> {
    return stat(this.fileOf(id)).then(
      () => true,
      () => false,
    );
  }

  /** Create an article with an id made from its title. Throws VALIDATION_FAILED, CONFLICT. */
  async create(input: NewArticle): Promise<Article> {
    let id = input.id ?? (slugify(input.title) || `article-${Date.now().toString(36)}`);
    if (input.id && (await this.exists(id))) throw new AlmanacError('CONFLICT', `An article ${id} already exists.`);
    for (let n = 2; !input.id && (await this.exists(id)); n++) id = `${slugify(input.title) || 'article'}-${n}`;
    const { body = '', ...rest } = input;
    const meta = this.validate(
      { locale: this.ws.config.locales[0] ?? 'en', tags: [], ...rest, id },
      `articles/${id}.md`,
    );
    return this.write(meta, body);
  }

  /** Autosave: write new front matter and body. Throws CONFLICT if the file changed since baseVersion. */
  async save(id: string, input: SaveInput): Promise<Article> {
    const meta = this.validate({ ...input.meta, id }, `articles/${id}.md`);
    if (input.baseVersion) {
      const current = await this.load(id);
      if (current && current.hash !== input.baseVersion) {
        throw new AlmanacError(
          'CONFLICT',
          `Article ${id} was changed outside the editor. Reload it to see the change.`,
          {
            current: await this.get(id),
          },
        );
      }
    }
    return this.write(meta, input.body);
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
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}
