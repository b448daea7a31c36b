import { diffArrays } from 'diff';
import { wordSegments } from '../text/index.js';
import { markdownBlocks, sanitizeBlockHtml, type MarkdownBlock } from './markdownBlocks.js';

export interface BlockChange extends Omit<MarkdownBlock, 'key' | 'type'> {
  kind: 'unchanged' | 'added' | 'removed' | 'changed';
}

// Below this share of unchanged letters a rewritten block reads better as removed + added.
const minSimilarity = 0.3;

const isTag = (token: string) => token.startsWith('<');
const isSpace = (token: string) => !isTag(token) && token.trim() === '';

/** Tags stay whole; text splits into words (Chinese by dictionary), spaces and punctuation. */
function htmlTokens(html: string): string[] {
  return html
    .split(/(<[^>]+>|&[#\w]+;)/)
    .filter(Boolean)
    .flatMap((piece) =>
      isTag(piece) || piece.startsWith('&') ? [piece] : Array.from(wordSegments(piece), (s) => s.segment),
    );
}

interface Run {
  equal: string[];
  removed: string[];
  added: string[];
}

/** Word changes between two HTML fragments: removed words in <del>, added in <ins>, the new markup kept. */
export function diffHtml(fromHtml: string, toHtml: string): { html: string; similarity: number } {
  const parts = diffArrays(htmlTokens(fromHtml), htmlTokens(toHtml));
  const runs: Run[] = [];
  parts.forEach((part, i) => {
    const last = runs.at(-1);
    // A lone space between two changes joins them, so "a b" -> "x y" reads as one change.
    const bridging = !part.added && !part.removed && part.value.every(isSpace) && i > 0 && i < parts.length - 1;
    if (part.added || part.removed || bridging) {
      const run = last && last.equal.length === 0 ? last : { equal: [], removed: [], added: [] };
      if (run !== last) runs.push(run);
      if (!part.added) run.removed.push(...part.value);
      if (!part.removed) run.added.push(...part.value);
    } else runs.push({ equal: part.value, removed: [], added: [] });
  });
  let html = '';
  let same = 0;
  const mark = (tag: 'ins' | 'del', tokens: string[]) => {
    let text = '';
    const close = () => {
      if (text.trim()) html += `<${tag}>${text}</${tag}>`;
      else if (tag === 'ins') html += text;
      text = '';
    };
    for (const token of tokens) {
      if (!isTag(token)) text += token;
      else {
        close();
        if (tag === 'ins') html += token;
      }
    }
    close();
  };
  for (const run of runs) {
    html += run.equal.join('');
    same += run.equal
      .filter((t) => !isTag(t))
      .join('')
      .replace(/\s+/g, '').length;
    mark('del', run.removed);
    mark('ins', run.added);
  }
  const letters = (h: string) => h.replace(/<[^>]+>/g, '').replace(/\s+/g, '').length;
  const similarity = same / Math.max(1, letters(fromHtml), letters(toHtml));
  return { html: sanitizeBlockHtml(html), similarity };
}

const strip = ({ key: _key, type: _type, ...block }: MarkdownBlock) => block;

function pairUp(removed: MarkdownBlock[], added: MarkdownBlock[]): BlockChange[] {
  const out: BlockChange[] = [];
  let next = 0;
  for (const old of removed) {
    let match: { at: number; html: string } | undefined;
    for (let at = next; at < added.length && !match; at++) {
      if (added[at]!.type !== old.type) continue;
      const { html, similarity } = diffHtml(old.html, added[at]!.html);
      if (similarity >= minSimilarity) match = { at, html };
    }
    if (!match) {
      out.push({ ...strip(old), kind: 'removed' });
      continue;
    }
    out.push(...added.slice(next, match.at).map((b) => ({ ...strip(b), kind: 'added' as const })));
    const now = added[match.at]!;
    out.push(
      now.html === old.html
        ? { ...strip(now), kind: 'unchanged' }
        : { ...strip(now), html: match.html, kind: 'changed' },
    );
    next = match.at + 1;
  }
  out.push(...added.slice(next).map((b) => ({ ...strip(b), kind: 'added' as const })));
  return out;
}

/**
 * Block-level diff of two Markdown texts rendered to sanitised HTML: each heading, paragraph,
 * list item and table row is unchanged, added, removed or changed, with word changes marked.
 */
export function diffBlocks(fromMarkdown: string, toMarkdown: string): BlockChange[] {
  const parts = diffArrays(markdownBlocks(fromMarkdown), markdownBlocks(toMarkdown), {
    comparator: (a, b) => a.key === b.key,
  });
  const out: BlockChange[] = [];
  let removed: MarkdownBlock[] = [];
  let added: MarkdownBlock[] = [];
  const flush = () => {
    out.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      out.push(...part.value.map((b) => ({ ...strip(b), kind: 'unchanged' as const })));
    }
  }
  flush();
  return out;
}
