import { parse as parseCsv } from 'csv-parse/sync';
import type { ArticleSource } from '../articles/index.js';
import { mapForeignMeta, splitForeignFrontMatter, type ForeignMeta } from './foreignFrontMatter.js';
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

export function markdownDrafts(text: string, origin: DraftOrigin): DraftResult {
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
  const mapped = mapForeignMeta(front.data);
  return {
    drafts: [
      {
        title: mapped.meta.title,
        body: front.body,
        meta: mapped.meta,
        ...origin,
        siteMarkup: true,
        notLive: mapped.notLive,
        permalinks: mapped.permalinks,
        notes: [...front.warnings, ...mapped.warnings],
      },
    ],
    failures: [],
  };
}

export function htmlDrafts(text: string, origin: DraftOrigin): DraftResult {
  const { title, markdown } = htmlToMarkdown(text);
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

export function jsonlDrafts(text: string, origin: DraftOrigin, maxRecordChars: number): DraftResult {
  const out: DraftResult = { drafts: [], failures: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${origin.source}:${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      out.failures.push({ source: where, reason: `Not valid JSON: ${(err as Error).message}` });
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      out.failures.push({ source: where, reason: 'Each line must be one JSON object {id, title, text}.' });
      return;
    }
    const rec = parsed as Record<string, unknown>;
    const id = rec._id ?? rec.id;
    const title = typeof rec.title === 'string' ? plainTitle(rec.title) : '';
    const body = typeof rec.text === 'string' ? rec.text : typeof rec.body === 'string' ? rec.body : '';
    if (!body.trim() && !title) {
      out.failures.push({
        source: where,
        reason: 'Record has neither "title" nor "text". Each line needs {id, title, text}.',
      });
      return;
    }
    if (body.length > maxRecordChars) {
      out.failures.push({
        source: where,
        reason: `Record text has ${body.length} characters; the limit is ${maxRecordChars}.`,
      });
      return;
    }
    const meta: Draft['meta'] = {};
    if (id !== undefined) meta.id = String(id);
    if (typeof rec.locale === 'string') meta.locale = rec.locale;
    if (Array.isArray(rec.tags)) meta.tags = rec.tags.map(String);
    const key = id !== undefined ? String(id) : title || `line ${i + 1}`;
    out.drafts.push(
      record(origin, key, where, { title: title || plainTitle(body.trim().split('\n')[0]!).slice(0, 120), meta }, body),
    );
  });
  return out;
}

const questionColumns = ['question', 'q', 'title', '问题', '問題'];
const answerColumns = ['answer', 'a', 'text', 'body', '答案', '回答'];

export function csvDrafts(text: string, origin: DraftOrigin): DraftResult {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (err) {
    return {
      drafts: [],
      failures: [{ source: origin.source, reason: `Not a readable CSV file: ${(err as Error).message}` }],
    };
  }
  const first = rows[0] ?? {};
  const qCol = questionColumns.find((c) => c in first);
  const aCol = answerColumns.find((c) => c in first);
  if (!qCol || !aCol) {
    return {
      drafts: [],
      failures: [
        {
          source: origin.source,
          reason: `CSV needs a header with "question" and "answer" columns; found: ${Object.keys(first).join(', ') || 'no header'}.`,
        },
      ],
    };
  }
  const out: DraftResult = { drafts: [], failures: [] };
  rows.forEach((row, i) => {
    const where = `${origin.source}:${i + 2}`;
    const title = plainTitle(row[qCol] ?? '');
    const body = row[aCol]?.trim() ?? '';
    if (!title || !body) {
      out.failures.push({ source: where, reason: 'Row has an empty question or answer.' });
      return;
    }
    const meta: Draft['meta'] = {};
    if (row.id?.trim()) meta.id = row.id.trim();
    if (row.locale?.trim()) meta.locale = row.locale.trim();
    const tags = row.tags
      ?.split(/[,;|]/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (tags?.length) meta.tags = tags;
    out.drafts.push(record(origin, meta.id ?? title, where, { title, meta }, body));
  });
  return out;
}
