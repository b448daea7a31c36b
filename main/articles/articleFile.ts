import matter from 'gray-matter';
import YAML from 'yaml';
import type { Problem } from '../AlmanacError.js';
import { articleMetaSchema, fieldFixes, type ArticleMeta } from './articleMeta.js';

const yamlEngine = {
  parse: (text: string) => YAML.parse(text) as object,
  stringify: (data: object) => YAML.stringify(data),
};

export type ParsedArticle =
  | { ok: true; meta: ArticleMeta; body: string }
  | { ok: false; problems: Problem[]; body: string; raw: Record<string, unknown> };

/** Parse an article file: YAML front matter plus Markdown body. Never throws. */
export function parseArticleFile(text: string, file: string, expectedId?: string): ParsedArticle {
  let data: Record<string, unknown>;
  let body: string;
  try {
    // gray-matter caches by input text; a fresh options object bypasses that cache.
    const parsed = matter(text, { engines: { yaml: yamlEngine } });
    data = (parsed.data ?? {}) as Record<string, unknown>;
    body = parsed.content.replace(/^\r?\n/, '');
  } catch (err) {
    return {
      ok: false,
      raw: {},
      body: text,
      problems: [
        {
          file,
          message: `The front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
          fix: 'Check the block between the two "---" lines: indentation, quotes and colons.',
        },
      ],
    };
  }
  if (expectedId !== undefined && data.id === undefined) data = { ...data, id: expectedId };
  const result = articleMetaSchema.safeParse(data);
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
    return { ok: false, problems, body, raw: data };
  }
  if (expectedId !== undefined && result.data.id !== expectedId) {
    return {
      ok: false,
      raw: data,
      body,
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
  return { ok: true, meta: result.data, body };
}

const fieldOrder: (keyof ArticleMeta)[] = [
  'id',
  'title',
  'tags',
  'locale',
  'audience',
  'owner',
  'reviewBy',
  'archived',
];

/** Render an article as front matter plus body, fields in a stable order. */
export function serializeArticle(meta: ArticleMeta, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) {
    const value = meta[key];
    if (value === undefined || (key === 'archived' && value === false)) continue;
    ordered[key] = value;
  }
  const doc = new YAML.Document(ordered);
  const tags = doc.get('tags', true);
  if (YAML.isSeq(tags)) tags.flow = true;
  const front = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.endsWith('\n') || body === '' ? body : `${body}\n`;
  return `---\n${front}---\n\n${text}`;
}
