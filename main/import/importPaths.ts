import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { articleIdSchema, articleMetaSchema, serializeArticle, slugify, type ArticleStore } from '../articles/index.js';
import { atomicWrite } from '../workspace/atomicWrite.js';
import { csvDrafts, htmlDrafts, jsonlDrafts, markdownDrafts, type Draft, type DraftResult } from './articleDrafts.js';
import { detectLocale } from './detectLocale.js';
import { readTextFile } from './readTextFile.js';

export interface ImportReport {
  imported: { id: string; title: string; source: string; updated: boolean }[];
  failed: { source: string; reason: string }[];
}

export interface ImportOptions {
  /** Largest Markdown or HTML file, in bytes. */
  maxFileBytes?: number;
  /** Largest JSONL or CSV corpus, in bytes. */
  maxCorpusBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

const readers: Record<string, 'markdown' | 'html' | 'jsonl' | 'csv'> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.csv': 'csv',
};

async function collectFiles(inputs: string[], failed: ImportReport['failed']): Promise<string[]> {
  const files: string[] = [];
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch {
      failed.push({ source: p, reason: 'No such file or folder.' });
      return;
    }
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) await visit(path.join(p, name), false);
    } else if (readers[path.extname(p).toLowerCase()]) {
      files.push(p);
    } else if (explicit || info.isFile()) {
      failed.push({
        source: p,
        reason: `Unsupported file type "${path.extname(p) || 'none'}". Almanac imports .md, .markdown, .html, .htm, .jsonl and .csv.`,
      });
    }
  };
  for (const input of inputs) await visit(path.resolve(input), true);
  return files;
}

/**
 * Import Markdown, HTML, JSONL and CSV files or folders. A bad file never stops the rest: each is
 * imported or reported with its reason, and every article is written atomically, whole or not at all.
 */
export async function importPaths(
  store: ArticleStore,
  inputs: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { maxFileBytes = 5 * 1024 * 1024, maxCorpusBytes = 256 * 1024 * 1024 } = options;
  const report: ImportReport = { imported: [], failed: [] };
  const files = await collectFiles(inputs, report.failed);
  const locales = store.ws.config.locales;
  const taken = new Set<string>();
  const existing = new Set(await store.ids());
  let done = 0;
  for (const file of files) {
    const kind = readers[path.extname(file).toLowerCase()]!;
    const source = path.relative(process.cwd(), file) || file;
    const read = await readTextFile(file, kind === 'jsonl' || kind === 'csv' ? maxCorpusBytes : maxFileBytes);
    let result: DraftResult;
    if (!read.ok) result = { drafts: [], failures: [{ source, reason: read.reason }] };
    else {
      const stem = path.basename(file, path.extname(file));
      if (kind === 'markdown') result = markdownDrafts(read.text, source, stem);
      else if (kind === 'html') result = htmlDrafts(read.text, source, stem);
      else if (kind === 'jsonl') result = jsonlDrafts(read.text, source, maxFileBytes);
      else result = csvDrafts(read.text, source);
      if (kind === 'markdown' || kind === 'html') for (const d of result.drafts) d.id ??= slugify(stem) || stem;
    }
    report.failed.push(...result.failures);
    for (const draft of result.drafts) {
      const written = await writeDraft(store, draft, locales, taken);
      if ('reason' in written) report.failed.push({ source: draft.source, reason: written.reason });
      else report.imported.push({ ...written, source: draft.source, updated: existing.has(written.id) });
    }
    options.onProgress?.(++done, files.length);
  }
  return report;
}

function uniqueId(draft: Draft, taken: Set<string>): string {
  const wanted =
    draft.id && articleIdSchema.safeParse(draft.id).success
      ? draft.id
      : slugify(draft.title) || `imported-${taken.size + 1}`;
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

async function writeDraft(
  store: ArticleStore,
  draft: Draft,
  locales: string[],
  taken: Set<string>,
): Promise<{ id: string; title: string } | { reason: string }> {
  if (draft.id !== undefined && !articleIdSchema.safeParse(draft.id).success) {
    return { reason: `"${draft.id}" cannot be an article id: use letters, digits, "-", "_" or ".".` };
  }
  const { source: _source, body, ...meta } = draft;
  const parsed = articleMetaSchema.safeParse({
    ...meta,
    id: uniqueId(draft, taken),
    locale: meta.locale ?? detectLocale(`${draft.title}\n${body}`, locales),
  });
  if (!parsed.success) {
    return { reason: parsed.error.issues.map((i) => `"${String(i.path[0])}" ${i.message}`).join('; ') };
  }
  await atomicWrite(store.fileOf(parsed.data.id), serializeArticle(parsed.data, body));
  return { id: parsed.data.id, title: parsed.data.title };
}
