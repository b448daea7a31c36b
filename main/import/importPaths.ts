import { appendAudit } from '../audit/index.js';
import type { Signer } from '../team/index.js';
import { articleIdSchema, articleMetaSchema, serializeArticle, slugify, type ArticleStore } from '../articles/index.js';
import { csvDrafts, htmlDrafts, jsonlDrafts, markdownDrafts, type Draft, type DraftResult } from './articleDrafts.js';
import { cleanSiteMarkup } from './cleanSiteMarkup.js';
import { collectSources, type SourceFile } from './collectSources.js';
import { detectLocale } from './detectLocale.js';
import { importImages } from './importImages.js';
import { readTextFile } from './readTextFile.js';
import { sanitizeMarkdown } from './sanitizeMarkdown.js';
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

export interface ImportReport {
  imported: ImportedArticle[];
  failed: { source: string; reason: string }[];
  counts: Record<ImportStatus | 'reported', number>;
}

export interface ImportOptions {
  /** Largest Markdown or HTML file, in bytes. */
  maxFileBytes?: number;
  /** Largest JSONL or CSV corpus, in bytes. */
  maxCorpusBytes?: number;
  /** How a path appears in the report, e.g. relative to where the user ran the command. */
  displayPath?: (absolute: string) => string;
  onProgress?: (done: number, total: number) => void;
  /** Who imports: signs the audit entry (unsigned when nobody is signed in). */
  signer?: Signer;
}

interface Planned {
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

function firstHeading(markdown: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(markdown)?.[1]?.trim();
}

function withoutTitleHeading(markdown: string, title: string): string {
  const m = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)\s*/.exec(markdown);
  return m && m[1]!.trim() === title.trim() ? markdown.slice(m[0].length) : markdown;
}

async function readDrafts(
  sf: SourceFile,
  options: Required<Pick<ImportOptions, 'maxFileBytes' | 'maxCorpusBytes'>>,
  source: string,
): Promise<DraftResult> {
  const corpus = sf.kind === 'jsonl' || sf.kind === 'csv';
  const read = await readTextFile(sf.file, corpus ? options.maxCorpusBytes : options.maxFileBytes);
  if (!read.ok) return { drafts: [], failures: [{ source, reason: read.reason }] };
  const origin = { ref: { collection: sf.collection, path: sf.relPath }, source };
  if (sf.kind === 'markdown') return markdownDrafts(read.text, origin);
  if (sf.kind === 'html') return htmlDrafts(read.text, origin);
  if (sf.kind === 'jsonl') return jsonlDrafts(read.text, origin, options.maxFileBytes);
  return csvDrafts(read.text, origin);
}

/**
 * Import Markdown (including static-site sources), HTML, JSONL and CSV. Each file is created,
 * updated (same source as an earlier import), unchanged, or reported with its reason; an article
 * from another source is never overwritten, and every write is atomic.
 */
export async function importPaths(
  store: ArticleStore,
  inputs: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { maxFileBytes = 5 * 1024 * 1024, maxCorpusBytes = 256 * 1024 * 1024, displayPath = (p) => p } = options;
  const report: ImportReport = {
    imported: [],
    failed: [],
    counts: { created: 0, updated: 0, unchanged: 0, reported: 0 },
  };
  const collected = await collectSources(inputs, displayPath);
  report.failed.push(...collected.failed);

  const articles = await store.list();
  const sources = new SourceIndex(articles);
  const taken = new Set(articles.map((a) => a.id));
  const claimed = new Set<string>();
  const links = new SiteLinks();
  const planned: Planned[] = [];
  let done = 0;
  const total = collected.files.length;

  for (const sf of collected.files) {
    const result = await readDrafts(sf, { maxFileBytes, maxCorpusBytes }, displayPath(sf.file));
    report.failed.push(...result.failures);
    for (const draft of result.drafts) {
      const existingId = sources.find(draft.ref);
      if (existingId && claimed.has(existingId)) {
        report.failed.push({
          source: draft.source,
          reason: `The same source was already imported in this run as ${existingId}; this copy was skipped.`,
        });
        continue;
      }
      const cleanTitleSource = draft.siteMarkup
        ? cleanSiteMarkup(draft.body, { generator: sf.generator }).markdown
        : draft.body;
      const title =
        draft.title || firstHeading(cleanTitleSource) || naturalStem(sf.relPath, sf.collection).replace(/[-_]+/g, ' ');
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
            : slugify(natural ?? '') || `imported-${taken.size + 1}`;
        id = wanted;
        for (let n = 2; taken.has(id) || claimed.has(id); n++) id = `${wanted}-${n}`;
      }
      claimed.add(id);
      if (draft.siteMarkup) links.add(sf.collection, sf.relPath, draft.permalinks, id);
      planned.push({ draft, file: sf, id, existing: Boolean(existingId), title });
    }
    options.onProgress?.(++done, total * 2);
  }

  for (const plan of planned) {
    const outcome = await writePlanned(store, plan, links, sources);
    if ('reason' in outcome) report.failed.push({ source: plan.draft.source, reason: outcome.reason });
    else report.imported.push(outcome);
    options.onProgress?.(++done, total * 2);
  }
  for (const item of report.imported) report.counts[item.status]++;
  report.counts.reported = report.failed.length;
  const { created, updated } = report.counts;
  if (created + updated > 0)
    await appendAudit(store.ws, options.signer, 'import', `${created + updated} articles`, {
      created,
      updated,
      ids: report.imported
        .filter((i) => i.status !== 'unchanged')
        .map((i) => i.id)
        .slice(0, 1000),
    });
  return report;
}

async function writePlanned(
  store: ArticleStore,
  { draft, file, id, existing, title }: Planned,
  links: SiteLinks,
  sources: SourceIndex,
): Promise<ImportedArticle | { reason: string }> {
  const notes = [...draft.notes];
  let body = draft.body;
  let removed = 0;
  if (draft.siteMarkup && file) {
    const cleaned = cleanSiteMarkup(body, {
      generator: file.generator,
      resolveLink: (target) => links.resolve(file.collection, file.relPath, target),
    });
    body = cleaned.markdown;
    removed = cleaned.removed;
    notes.push(...cleaned.notes);
    body = rewritePageLinks(body, (target) => links.resolve(file.collection, file.relPath, target));
  }
  const safe = sanitizeMarkdown(body);
  body = withoutTitleHeading(safe.markdown, title).trim();
  if (safe.changed > 0) notes.push(`raw HTML or unsafe links sanitised in ${safe.changed} block(s)`);
  if (!body && draft.meta.summary) body = draft.meta.summary;
  if (!body) return { reason: 'Nothing left to import: the page has no text after its template syntax was removed.' };
  if (file && (file.kind === 'markdown' || file.kind === 'html')) {
    const images = await importImages(body, {
      file: file.file,
      siteRoot: file.base,
      ws: store.ws,
      articleId: id,
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
