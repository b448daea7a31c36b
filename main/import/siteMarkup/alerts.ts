import { fencedLines } from './codeRanges.js';

export type AlertKind = 'NOTE' | 'TIP' | 'IMPORTANT' | 'WARNING' | 'CAUTION';

const kinds = new Map<string, AlertKind>();
const words: Record<AlertKind, string[]> = {
  NOTE: [
    'note',
    'info',
    'information',
    'details',
    'abstract',
    'summary',
    'tldr',
    'todo',
    'seealso',
    'example',
    'quote',
    'cite',
    'question',
    'help',
    'faq',
    'primary',
    'secondary',
    'default',
    'notice',
    'expand',
    'light',
    'dark',
    'callout',
  ],
  TIP: ['tip', 'tips', 'hint', 'success', 'check', 'done', 'recommend'],
  IMPORTANT: ['important', 'attention'],
  WARNING: ['warning', 'warn', 'alert'],
  CAUTION: ['caution', 'danger', 'error', 'failure', 'fail', 'missing', 'bug', 'critical'],
};
for (const [kind, list] of Object.entries(words)) for (const w of list) kinds.set(w, kind as AlertKind);

/** The alert kind for a callout type word, or undefined when the word is not one. */
export function alertKind(word: string | undefined): AlertKind | undefined {
  return word ? kinds.get(word.toLowerCase()) : undefined;
}

/** True when the word names a callout type (note, tip, warning, danger, details...). */
export function isAlertWord(word: string | undefined): boolean {
  return alertKind(word) !== undefined;
}

/** Remove the indentation all non-blank lines share. */
export function dedent(text: string): string {
  return dedentLines(text.split('\n')).join('\n');
}

function dedentLines(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)));
}

/** A GitHub-style alert block (`> [!TIP]`), the title as a bold first line, surrounded by blank lines. */
export function toAlert(kind: AlertKind, title: string | undefined, body: string): string {
  const raw = dedentLines(body.replace(/^\s*\n|\s+$/g, '').split('\n'));
  const code = fencedLines(raw);
  const lines = raw.filter((l, i) => code[i] || l.trim() || (i > 0 && raw[i - 1]!.trim()) || code[i - 1]);
  // A title still in its quotes loses them; quotes inside a title ("server" and "client") stay.
  const cleanTitle = title
    ?.trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();
  const quoted = [`[!${kind}]`, ...(cleanTitle ? [`**${cleanTitle}**`] : []), ...lines];
  if (lines.length === 0 && !cleanTitle) return '';
  return `\n\n${quoted.map((l) => (l.trim() ? `> ${l}` : '>')).join('\n')}\n\n`;
}
