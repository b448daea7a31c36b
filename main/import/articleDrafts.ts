import { parse as parseCsv } from 'csv-parse/sync';
import matter from 'gray-matter';
import type { ArticleMetaInput } from '../articles/index.js';
import { parseArticleFile } from '../articles/index.js';
import { htmlToMarkdown } from './htmlToMarkdown.js';

/** One article read from an import source, before it gets an id and is validated. */
export interface Draft extends Partial<ArticleMetaInput> {
  title: string;
  body: string;
  /** Where it came from, e.g. "faq.csv:12". */
  source: string;
}

export type DraftResult = { drafts: Draft[]; failures: { source: string; reason: string }[] };

/** Split off a leading "# Title" line when it repeats the title. */
function withoutTitleHeading(markdown: string, title: string): string {
  const m = /^#\s+(.+)\r?\n+/.exec(markdown);
  return m && m[1]!.trim() === title.trim() ? markdown.slice(m[0].length) : markdown;
}

/** Fields an import may leave out: Almanac fills them in (id from the file name, locale detected). */
const fillable = new Set(['id', 'title', 'locale']);

export function markdownDrafts(text: string, source: string, fallbackTitle: string): DraftResult {
  if (!matter.test(text)) {
    const heading = /^#\s+(.+)$/m.exec(text);
    const title = heading?.[1]?.trim() || fallbackTitle;
    return { drafts: [{ title, body: withoutTitleHeading(text, title), source }], failures: [] };
  }
  const parsed = parseArticleFile(text, source);
  if (parsed.ok) return { drafts: [{ ...parsed.meta, body: parsed.body, source }], failures: [] };
  const blocking = parsed.problems.filter(
    (p) => !(p.field && fillable.has(p.field) && parsed.raw[p.field] === undefined),
  );
  if (blocking.length > 0) {
    const why = blocking.map((p) => `${p.message}${p.fix ? ` (${p.fix})` : ''}`).join('; ');
    return { drafts: [], failures: [{ source, reason: `Invalid front matter: ${why}` }] };
  }
  const meta = parsed.raw as Partial<ArticleMetaInput>;
  const heading = /^#\s+(.+)$/m.exec(parsed.body);
  const title = meta.title ?? heading?.[1]?.trim() ?? fallbackTitle;
  return { drafts: [{ ...meta, title, body: withoutTitleHeading(parsed.body, title), source }], failures: [] };
}

export function htmlDrafts(text: string, source: string, fallbackTitle: string): DraftResult {
  const { title = fallbackTitle, markdown } = htmlToMarkdown(text);
  if (!markdown) return { drafts: [], failures: [{ source, reason: 'The HTML has no text content.' }] };
  return { drafts: [{ title, body: withoutTitleHeading(markdown, title), source }], failures: [] };
}

export function jsonlDrafts(text: string, source: string, maxRecordChars: number): DraftResult {
  const out: DraftResult = { drafts: [], failures: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      out.failures.push({ source: where, reason: `Not valid JSON: ${(err as Error).message}` });
      return;
    }
    const id = record._id ?? record.id;
    const title = typeof record.title === 'string' ? record.title.trim() : '';
    const body = typeof record.text === 'string' ? record.text : typeof record.body === 'string' ? record.body : '';
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
    out.drafts.push({
      ...(id !== undefined ? { id: String(id) } : {}),
      title: title || body.trim().split('\n')[0]!.slice(0, 120),
      body,
      ...(typeof record.locale === 'string' ? { locale: record.locale } : {}),
      ...(Array.isArray(record.tags) ? { tags: record.tags.map(String) } : {}),
      source: where,
    });
  });
  return out;
}

const questionColumns = ['question', 'q', 'title', '问题', '問題'];
const answerColumns = ['answer', 'a', 'text', 'body', '答案', '回答'];

export function csvDrafts(text: string, source: string): DraftResult {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (err) {
    return { drafts: [], failures: [{ source, reason: `Not a readable CSV file: ${(err as Error).message}` }] };
  }
  const first = rows[0] ?? {};
  const qCol = questionColumns.find((c) => c in first);
  const aCol = answerColumns.find((c) => c in first);
  if (!qCol || !aCol) {
    return {
      drafts: [],
      failures: [
        {
          source,
          reason: `CSV needs a header with "question" and "answer" columns; found: ${Object.keys(first).join(', ') || 'no header'}.`,
        },
      ],
    };
  }
  const out: DraftResult = { drafts: [], failures: [] };
  rows.forEach((row, i) => {
    const where = `${source}:${i + 2}`;
    const title = row[qCol]?.trim() ?? '';
    const body = row[aCol]?.trim() ?? '';
    if (!title || !body) {
      out.failures.push({ source: where, reason: 'Row has an empty question or answer.' });
      return;
    }
    const tags = row.tags
      ? row.tags
          .split(/[,;|]/)
          .map((t) => t.trim())
          .filter(Boolean)
      : undefined;
    out.drafts.push({
      ...(row.id ? { id: row.id.trim() } : {}),
      title,
      body,
      ...(row.locale ? { locale: row.locale.trim() } : {}),
      ...(tags ? { tags } : {}),
      source: where,
    });
  });
  return out;
}
