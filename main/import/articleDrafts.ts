import type { ArticleSource } from '../articles/index.js';
import { parseJsonLine } from '../workspace/index.js';
import { mapForeignMeta, splitForeignFrontMatter, type ForeignMeta } from './foreignFrontMatter.js';
import { markdownNestingProblem } from '../indexing/index.js';
import { htmlNestingProblem } from './htmlNesting.js';
import { htmlToMarkdown } from './htmlToMarkdown.js';
import { plainTitle } from './plainTitle.js';

/** One article read from an import source, before it gets an id and is validated. */
export interface Draft {
  /** Title from the source, if it names one; otherwise the first heading or the file name is used. */
  title?: string;
  body: string;
  meta: ForeignMeta['meta'];
  /** Where it came from; a re-import of the same source updates the same article. */
  ref: ArticleSource;
  /** Where it came from, for the report, e.g. "help/faq.csv:12". */
  source: string;
  /** Markdown written for a static-site generator, to be cleaned of its template syntax. */
  siteMarkup: boolean;
  notLive?: string;
  permalinks: string[];
  notes: string[];
  /** The page's own front matter, which its template reads as `page.*` (`{{ page.title }}`). */
  page?: Record<string, unknown>;
}

export interface Failure {
  source: string;
  reason: string;
}

export type DraftResult = { drafts: Draft[]; failures: Failure[] };

export interface DraftOrigin {
  ref: ArticleSource;
  source: string;
}

/** A page nested deeper than Almanac parses, reported instead of imported. */
export function nestingFailure(problem: string, source: string): DraftResult {
  return { drafts: [], failures: [{ source, reason: `${problem}. Flatten it and import it again.` }] };
}

export function markdownDrafts(text: string, origin: DraftOrigin): DraftResult {
  const nested = markdownNestingProblem(text);
  if (nested) return nestingFailure(nested, origin.source);
  let front;
  try {
    front = splitForeignFrontMatter(text, origin.source);
  } catch (err) {
    return {
      drafts: [],
      failures: [
        {
          source: origin.source,
          reason: `${(err as Error).message}. Fix the block between the two "---" lines (indentation, quotes, colons) and import again.`,
        },
      ],
    };
  }
  return { drafts: [siteDraft(front, front.body, origin)], failures: [] };
}

/** A site page's draft: its front matter mapped onto Almanac's fields and kept for `{{ page.* }}`. */
function siteDraft(
  front: ReturnType<typeof splitForeignFrontMatter>,
  body: string,
  origin: DraftOrigin,
  title?: string,
): Draft {
  const mapped = mapForeignMeta(front.data);
  return {
    title: mapped.meta.title ?? title,
    body,
    meta: mapped.meta,
    ...origin,
    siteMarkup: true,
    notLive: mapped.notLive,
    permalinks: mapped.permalinks,
    notes: [...front.warnings, ...mapped.warnings],
    page: front.data,
  };
}

export function htmlDrafts(text: string, origin: DraftOrigin): DraftResult {
  const nested = htmlNestingProblem(text);
  if (nested) return nestingFailure(nested, origin.source);
  // A site's HTML page with front matter (Jekyll renders those): its fields, never shown as text.
  if (/^\uFEFF?---[ \t]*\r?\n/.test(text)) {
    let front;
    try {
      front = splitForeignFrontMatter(text, origin.source);
    } catch (err) {
      return { drafts: [], failures: [{ source: origin.source, reason: (err as Error).message }] };
    }
    const { title, markdown } = htmlToMarkdown(front.body);
    if (!markdown.trim())
      return { drafts: [], failures: [{ source: origin.source, reason: 'The HTML has no text content.' }] };
    return { drafts: [siteDraft(front, markdown, origin, title)], failures: [] };
  }
  const { title, markdown } = htmlToMarkdown(text);
  const nestedMarkdown = markdownNestingProblem(markdown);
  if (nestedMarkdown)
    return nestingFailure(`Converted to Markdown, it is ${nestedMarkdown.replace(/^Markdown /, '')}`, origin.source);
  if (!markdown) return { drafts: [], failures: [{ source: origin.source, reason: 'The HTML has no text content.' }] };
  return {
    drafts: [{ title, body: markdown, meta: {}, ...origin, siteMarkup: false, permalinks: [], notes: [] }],
    failures: [],
  };
}

function record(origin: DraftOrigin, key: string, where: string, fields: Partial<Draft>, body: string): Draft {
  return {
    body,
    meta: {},
    ref: { ...origin.ref, key },
    source: where,
    siteMarkup: false,
    permalinks: [],
    notes: [],
    ...fields,
  };
}

export type RowResult = { draft: Draft } | { failure: Failure };

/** One line of a JSONL corpus ({id, title, text}); undefined for a blank line. */
export function jsonlDraft(
  line: string,
  lineNo: number,
  origin: DraftOrigin,
  maxRecordChars: number,
): RowResult | undefined {
  if (!line.trim()) return undefined;
  const where = `${origin.source}:${lineNo}`;
  const read = parseJsonLine(line);
  if (!('value' in read)) return { failure: { source: where, reason: `Not valid JSON: ${read.syntaxError}` } };
  const parsed = read.value;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { failure: { source: where, reason: 'Each line must be one JSON object {id, title, text}.' } };
  const rec = parsed as Record<string, unknown>;
  const id = rec._id ?? rec.id;
  const title = typeof rec.title === 'string' ? plainTitle(rec.title) : '';
  const body = typeof rec.text === 'string' ? rec.text : typeof rec.body === 'string' ? rec.body : '';
  if (!body.trim() && !title) {
    return {
      failure: { source: where, reason: 'Record has neither "title" nor "text". Each line needs {id, title, text}.' },
    };
  }
  if (body.length > maxRecordChars) {
    return {
      failure: { source: where, reason: `Record text has ${body.length} characters; the limit is ${maxRecordChars}.` },
    };
  }
  const meta: Draft['meta'] = {};
  if (id !== undefined) meta.id = String(id);
  if (typeof rec.locale === 'string') meta.locale = rec.locale;
  if (Array.isArray(rec.tags)) meta.tags = rec.tags.map(String);
  const key = id !== undefined ? String(id) : title || `line ${lineNo}`;
  return {
    draft: record(
      origin,
      key,
      where,
      { title: title || plainTitle(body.trim().split('\n')[0]!).slice(0, 120), meta },
      body,
    ),
  };
}

const questionColumns = ['question', 'q', 'title', '问题', '問題'];
const answerColumns = ['answer', 'a', 'text', 'body', '答案', '回答'];

/** Header names as the CSV reader keys its rows by. */
export const csvHeader = (h: string[]) => h.map((c) => c.trim().toLowerCase());

/** The question and answer columns of a CSV FAQ, found from its first row, or why it cannot be read. */
export function csvColumns(
  first: Record<string, string> | undefined,
  origin: DraftOrigin,
): { q: string; a: string } | { failure: Failure } {
  const row = first ?? {};
  const q = questionColumns.find((c) => c in row);
  const a = answerColumns.find((c) => c in row);
  if (q && a) return { q, a };
  return {
    failure: {
      source: origin.source,
      reason: `CSV needs a header with "question" and "answer" columns; found: ${Object.keys(row).join(', ') || 'no header'}.`,
    },
  };
}

/** One row of a CSV FAQ; `index` counts data rows from 0 (the header is line 1). */
export function csvDraft(
  row: Record<string, string>,
  index: number,
  columns: { q: string; a: string },
  origin: DraftOrigin,
): RowResult {
  const where = `${origin.source}:${index + 2}`;
  const title = plainTitle(row[columns.q] ?? '');
  const body = row[columns.a]?.trim() ?? '';
  if (!title || !body) return { failure: { source: where, reason: 'Row has an empty question or answer.' } };
  const meta: Draft['meta'] = {};
  if (row.id?.trim()) meta.id = row.id.trim();
  if (row.locale?.trim()) meta.locale = row.locale.trim();
  const tags = row.tags
    ?.split(/[,;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags?.length) meta.tags = tags;
  return { draft: record(origin, meta.id ?? title, where, { title, meta }, body) };
}
