import type { JSONContent } from '@tiptap/core';
import type { MarkdownManager } from '@tiptap/markdown';

/**
 * How text is escaped when the editor writes Markdown.
 * - `safe`: every character that can start inline syntax (`\ ` * _ [ ] ~`) gets a backslash.
 * - `minimal`: only what always changes the meaning gets one; the caller re-reads the result and
 *   falls back to `safe` when the text does not come back the same (see preserveMarkdown.ts).
 *
 * In both, `<`, `>` and `&` stay as they are, never `&lt;`, `&gt;` or `&amp;`: a `<` that would
 * open a tag and an `&` that would read as an entity get a backslash instead, and a line that would
 * start a block (`> `, `# `, `- `, `1. `, `---`, a fence) gets one before its first character.
 */
export type Escaping = 'safe' | 'minimal';

// `&` that the editor reads as an entity: numeric references and the four it decodes.
const entityAfterAmp = /^(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|quot|amp);/;
const asciiPunctuation = /[!-/:-@[-`{-~]/;

/** Escape `text`, a run of text (no code) that starts a line when `atLineStart`. */
export function escapeMarkdownText(text: string, atLineStart: boolean, escaping: Escaping): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\') {
      // A backslash before anything but punctuation or a line end is read as itself.
      out += escaping === 'safe' || next === undefined || next === '\n' || asciiPunctuation.test(next) ? '\\\\' : c;
    } else if (c === '<') {
      out += next !== undefined && /[A-Za-z/!?]/.test(next) ? '\\<' : c;
    } else if (c === '&') {
      out += entityAfterAmp.test(text.slice(i + 1)) ? '\\&' : c;
    } else if (escaping === 'safe' && /[`*_[\]~]/.test(c)) {
      out += `\\${c}`;
    } else out += c;
  }
  return out
    .split('\n')
    .map((line, i) => (i > 0 || atLineStart ? guardLineStart(line) : line))
    .join('\n');
}

/** A backslash before the first character of a line that would otherwise start a block. */
export function guardLineStart(line: string): string {
  const indent = /^ {0,3}/.exec(line)![0];
  const rest = line.slice(indent.length);
  if (
    /^#{1,6}(?=[ \t]|$)/.test(rest) ||
    /^>/.test(rest) ||
    /^[-+*](?=[ \t]|$)/.test(rest) ||
    /^(?:[-*_](?:[ \t]*[-*_]){2,}|=+)[ \t]*$/.test(rest) ||
    /^(?:`{3,}|~{3,})/.test(rest)
  )
    return `${indent}\\${rest}`;
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(rest);
  if (ordered) return `${indent}${ordered[1]}\\${rest.slice(ordered[1]!.length)}`;
  return line;
}

interface ManagerInternals {
  codeTypes: Set<string>;
  encodeTextForMarkdown(text: string, node: JSONContent, parentNode?: JSONContent): string;
}

const escapingOf = new WeakMap<MarkdownManager, { mode: Escaping }>();

/** Does this text node start a line of its block (first child, or right after a line break)? */
function startsLine(node: JSONContent, parent?: JSONContent): boolean {
  const siblings = parent?.content;
  if (!siblings || parent?.type === 'heading') return false;
  const at = siblings.indexOf(node);
  if (at <= 0) return at === 0;
  const before = siblings[at - 1]!;
  return before.type === 'hardBreak' || (before.type === 'text' && !!before.text?.endsWith('\n'));
}

/**
 * Make the editor's Markdown writer keep `<`, `>` and `&` as written and escape as described in
 * {@link Escaping}. Tiptap's writer turns them into HTML entities, which then reached readers as
 * "Account &gt; Orders".
 */
export function installMarkdownEscaping(manager: MarkdownManager): void {
  if (escapingOf.has(manager)) return;
  const state = { mode: 'safe' as Escaping };
  escapingOf.set(manager, state);
  // The writer has no option for this; its text hook is replaced on this one instance.
  const internals = manager as unknown as ManagerInternals;
  internals.encodeTextForMarkdown = (text, node, parentNode) => {
    const isCode =
      (parentNode?.type != null && internals.codeTypes.has(parentNode.type)) ||
      (node.marks ?? []).some((m) => internals.codeTypes.has(typeof m === 'string' ? m : m.type));
    return isCode ? text : escapeMarkdownText(text, startsLine(node, parentNode), state.mode);
  };
}

/** Run `render` with the given escaping on a manager set up by {@link installMarkdownEscaping}. */
export function withEscaping<T>(manager: MarkdownManager, mode: Escaping, render: () => T): T {
  const state = escapingOf.get(manager);
  if (!state) return render();
  const previous = state.mode;
  state.mode = mode;
  try {
    return render();
  } finally {
    state.mode = previous;
  }
}
