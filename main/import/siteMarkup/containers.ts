import { alertKind, toAlert } from './alerts.js';
import type { CleanContext } from './CleanContext.js';
import { fencedLines } from './codeRanges.js';

type Blocks = (text: string) => string;

// `::: tip Title`, `:::note[Title]`, `:::: details`, `:::info{title="x"}`
const colonOpen = /^([ \t]*)(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{([^}\n]*)\})?[ \t]*(.*?)[ \t]*$/;
const colonClose = /^[ \t]*(:{3,})[ \t]*$/;
// MkDocs `!!! note "Title"`, `!!!tip`, collapsible `??? tip`, `???+ warning inline end`, `??? "Title"` (no type)
const bangOpen = /^([ \t]*)(!!!|\?\?\?\+?)[ \t]*(?:([\w-]+)((?:[ \t]+[\w-]+)*?))?(?:[ \t]*"(.*)"|[ \t]*'(.*)')?[ \t]*$/;
// MkDocs content tabs `=== "macOS"`
const tabOpen = /^([ \t]*)===!?[ \t]+"([^"]*)"[ \t]*$/;

const unwrapped = new Set(['code-group', 'tabs', 'v-pre', 'raw', 'center', 'right', 'left']);

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
}

function reindent(block: string, indent: string): string[] {
  return block.split('\n').map((l) => (l && indent ? indent + l : l));
}

/** Find the line that closes a colon container opened at `from`, honouring nested containers and code. */
function findColonClose(lines: string[], code: boolean[], from: number, openLength: number): number {
  const stack: number[] = [];
  for (let j = from + 1; j < lines.length; j++) {
    if (code[j]) continue;
    const open = colonOpen.exec(lines[j]!);
    if (open) {
      stack.push(open[2]!.length);
      continue;
    }
    const close = colonClose.exec(lines[j]!);
    if (!close) continue;
    const n = close[1]!.length;
    if (stack.length && stack[stack.length - 1]! <= n) stack.pop();
    else if (!stack.length && n >= openLength) return j;
  }
  return lines.length;
}

/** Lines belonging to an indented MkDocs body (admonition or tab) that starts after `from`. */
function indentedBody(lines: string[], from: number, baseIndent: number): number {
  let j = from + 1;
  let lastContent = from;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    if (!line.trim()) continue;
    if (indentOf(line) <= baseIndent) break;
    lastContent = j;
  }
  return lastContent;
}

function dedentBy(lines: string[], n: number): string[] {
  return lines.map((l) => {
    let cut = 0;
    let width = 0;
    while (cut < l.length && width < n && (l[cut] === ' ' || l[cut] === '\t')) {
      width += l[cut] === '\t' ? 4 : 1;
      cut++;
    }
    return l.slice(cut);
  });
}

function colonContainer(type: string, title: string, body: string, ctx: CleanContext): string {
  const lower = type.toLowerCase();
  if (unwrapped.has(lower)) return `\n${body}\n`;
  const kind = alertKind(lower);
  if (kind) return toAlert(kind, title || (lower === 'details' ? 'Details' : undefined), body);
  ctx.unknown(`removed unknown container ::: ${type}`);
  return `\n${title ? `**${title}**\n\n` : ''}${body}\n`;
}

/**
 * Turn VitePress/markdown-it-container and Docusaurus `:::` blocks, MkDocs `!!!`/`???` admonitions
 * and `===` tabs into alerts or plain text, innermost first; `blocks` cleans each body.
 */
export function convertContainers(text: string, ctx: CleanContext, blocks: Blocks): string {
  const lines = text.split('\n');
  const code = fencedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (code[i]) {
      out.push(line);
      continue;
    }
    const colon = colonOpen.exec(line);
    if (colon) {
      const end = findColonClose(lines, code, i, colon[2]!.length);
      const body = blocks(lines.slice(i + 1, end).join('\n'));
      const attrTitle = /title=["']([^"']*)["']/.exec(colon[5] ?? '')?.[1];
      const title = colon[4] ?? attrTitle ?? colon[6] ?? '';
      out.push(...reindent(colonContainer(colon[3]!, title, body, ctx), colon[1]!));
      i = end;
      continue;
    }
    if (colonClose.test(line)) {
      ctx.unknown('removed a stray ::: line');
      continue;
    }
    const tab = tabOpen.exec(line);
    const admonition = bangOpen.exec(line);
    // A marker needs a type or a title: a bare `!!!` line is stray (reported below).
    const bang =
      tab ?? (admonition && (admonition[3] ?? admonition[5] ?? admonition[6]) !== undefined ? admonition : null);
    if (bang) {
      const base = indentOf(line);
      const end = indentedBody(lines, i, base);
      const body = blocks(dedentBy(lines.slice(i + 1, end + 1), base + 4).join('\n'));
      let block: string;
      if (tab) {
        block = `\n**${bang[2]}**\n\n${body}\n`;
      } else {
        const type = bang[3] ?? 'note';
        const kind = alertKind(type);
        if (!kind) ctx.unknown(`removed unknown admonition ${bang[2]} ${type}`);
        const given = bang[5] ?? bang[6];
        const title = given ?? (bang[2]!.startsWith('?') ? type[0]!.toUpperCase() + type.slice(1) : undefined);
        block = toAlert(kind ?? 'NOTE', title, body);
      }
      out.push(...reindent(block, bang[1]!));
      i = end;
      continue;
    }
    if (/^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*$/.test(line)) {
      ctx.unknown(`removed a stray ${line.trim()} line`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
