import YAML, { LineCounter } from 'yaml';
import type { Problem } from '../AlmanacError.js';
import { articleMetaSchema, fieldFixes, type ArticleMeta } from './articleMeta.js';

export type ParsedArticle =
  | { ok: true; meta: ArticleMeta; body: string; warnings: Problem[] }
  | { ok: false; problems: Problem[]; body: string; raw: Record<string, unknown>; warnings: Problem[] };

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Things that were accepted but should be fixed, e.g. a key given twice. */
  warnings: Problem[];
}

const fence = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Split YAML front matter from a Markdown file. A duplicated key is a warning and the last one
 * wins, as Jekyll does. Throws a YAML error with its line for text that is not YAML at all.
 */
export function readFrontMatter(text: string, file: string): FrontMatter {
  const m = fence.exec(text);
  if (!m || m.index !== 0) return { data: {}, body: text, warnings: [] };
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(m[1]!, { uniqueKeys: false, lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    const reason = error.message
      .split('\n')[0]!
      .replace(/[\s:]+$/, '')
      .replace(/ at line \d+, column \d+$/, '');
    throw new Error(`${reason} (front matter line ${at.line}, column ${at.col})`);
  }
  const warnings: Problem[] = [];
  const seen = new Set<string>();
  if (YAML.isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (seen.has(key)) {
        const line = YAML.isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 0;
        warnings.push({
          file,
          field: key,
          message: `"${key}" is given twice in the front matter${line ? ` (again on line ${line})` : ''}; the last one is used`,
          fix: `Keep one "${key}:" line`,
        });
      }
      seen.add(key);
    }
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const body = text.slice(m[0].length).replace(/^\r?\n/, '');
  if (data === null || data === undefined) return { data: {}, body, warnings };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('the front matter must be a list of "field: value" lines');
  }
  return { data: data as Record<string, unknown>, body, warnings };
}

const knownFields = new Set<string>(Object.keys(articleMetaSchema.shape).filter((k) => k !== 'extra'));

/** Front-matter fields Almanac does not know, to be kept as they were. */
export function unknownFields(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const extra = Object.fromEntries(Object.entries(data).filter(([k]) => !knownFields.has(k) && k !== 'extra'));
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** Parse an article file: YAML front matter plus Markdown body. Never throws. */
export function parseArticleFile(text: string, file: string, expectedId?: string): ParsedArticle {
  let front: FrontMatter;
  try {
    front = readFrontMatter(text, file);
  } catch (err) {
    return {
      ok: false,
      raw: {},
      body: text,
      warnings: [],
      problems: [
        {
          file,
          message: `The front matter is not valid YAML: ${(err as Error).message}`,
          fix: 'Check the block between the two "---" lines: indentation, quotes and colons.',
        },
      ],
    };
  }
  let data = front.data;
  const { body, warnings } = front;
  if (expectedId !== undefined && data.id === undefined) data = { ...data, id: expectedId };
  const extra = unknownFields(data);
  const result = articleMetaSchema.safeParse({ ...data, extra });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return {
        file,
        field,
        message: `"${field}" ${issue.message}`,
        fix: fieldFixes[field as keyof ArticleMeta],
      };
    });
    return { ok: false, problems, body, raw: data, warnings };
  }
  if (expectedId !== undefined && result.data.id !== expectedId) {
    return {
      ok: false,
      raw: data,
      body,
      warnings,
      problems: [
        {
          file,
          field: 'id',
          message: `"id" is "${result.data.id}" but the file is named ${expectedId}.md`,
          fix: `Set id: ${expectedId}, or rename the file to ${result.data.id}.md`,
        },
      ],
    };
  }
  return { ok: true, meta: result.data, body, warnings };
}

const fieldOrder: (keyof ArticleMeta)[] = [
  'id',
  'title',
  'summary',
  'tags',
  'locale',
  'audience',
  'owner',
  'reviewBy',
  'archived',
  'regulated',
  'source',
];

/** Render an article as front matter plus body, fields in a stable order, unknown fields last. */
export function serializeArticle(meta: ArticleMeta, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) {
    const value = meta[key];
    if (
      value === undefined ||
      ((key === 'archived' || key === 'regulated') && value === false) ||
      (key === 'owner' && value === '')
    )
      continue;
    if (key === 'summary' && value === '') continue;
    ordered[key] = value;
  }
  for (const [key, value] of Object.entries(meta.extra ?? {})) {
    if (!(key in ordered) && !knownFields.has(key) && value !== undefined) ordered[key] = value;
  }
  const doc = new YAML.Document(ordered);
  const tags = doc.get('tags', true);
  if (YAML.isSeq(tags)) tags.flow = true;
  const front = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.endsWith('\n') || body === '' ? body : `${body}\n`;
  return `---\n${front}---\n\n${text}`;
}
