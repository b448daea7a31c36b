import { diffWordsWithSpace } from 'diff';
import { wordSegmenter } from '../text/index.js';
import type { Workspace } from '../workspace/index.js';
import { parseArticleFile } from '../articles/articleFile.js';
import { resolveVersion } from '../versions/index.js';
import { diffBlocks, type BlockChange } from '../versions/index.js';

export interface TextChange {
  kind: 'equal' | 'added' | 'removed';
  text: string;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ArticleDiff {
  id: string;
  /** `ref` is the commit, or "working" for the file on disk; `version` is the content hash. */
  from: { ref: string; version: string };
  to: { ref: string; version: string };
  fields: FieldChange[];
  /** The Markdown source, word by word. */
  body: TextChange[];
  /** The rendered text, block by block. */
  blocks: BlockChange[];
  stats: { added: number; removed: number };
}

const segmenter = wordSegmenter();

/** Word-level and rendered block diff of the Markdown text, and a field-by-field diff of the front matter. */
export function diffArticleText(
  fromText: string,
  toText: string,
): Pick<ArticleDiff, 'fields' | 'body' | 'blocks' | 'stats'> {
  const a = parseArticleFile(fromText, 'from');
  const b = parseArticleFile(toText, 'to');
  const metaA = (a.ok ? a.meta : a.raw) as Record<string, unknown>;
  const metaB = (b.ok ? b.meta : b.raw) as Record<string, unknown>;
  const fields: FieldChange[] = [];
  for (const field of new Set([...Object.keys(metaA), ...Object.keys(metaB)])) {
    if (JSON.stringify(metaA[field]) !== JSON.stringify(metaB[field])) {
      fields.push({ field, from: metaA[field], to: metaB[field] });
    }
  }
  const body: TextChange[] = [];
  let added = 0;
  let removed = 0;
  for (const part of diffWordsWithSpace(a.body, b.body, { intlSegmenter: segmenter })) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'equal';
    if (kind === 'added') added += part.value.length;
    if (kind === 'removed') removed += part.value.length;
    const last = body.at(-1);
    if (last?.kind === kind) last.text += part.value;
    else body.push({ kind, text: part.value });
  }
  return { fields, body, blocks: diffBlocks(a.body, b.body), stats: { added, removed } };
}

/** Diff two versions of an article ("working", "latest", a commit or content-hash prefix). Throws NOT_FOUND. */
export async function diffVersions(ws: Workspace, id: string, from: string, to: string): Promise<ArticleDiff> {
  const [a, b] = await Promise.all([resolveVersion(ws, id, from), resolveVersion(ws, id, to)]);
  return {
    id,
    from: { ref: a.ref, version: a.version },
    to: { ref: b.ref, version: b.version },
    ...diffArticleText(a.text, b.text),
  };
}
