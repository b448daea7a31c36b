import type { Generator } from './detectGenerator.js';
import { reduceFenceMeta, removeAttributeLists } from './siteMarkup/attributeLists.js';
import { CleanContext } from './siteMarkup/CleanContext.js';
import { codeRanges, fencedLines, replaceInProse, touchesRanges } from './siteMarkup/codeRanges.js';
import { componentAdmonitions, removeComponents, removeScripts } from './siteMarkup/components.js';
import { convertContainers } from './siteMarkup/containers.js';
import { hugoPaired, hugoSingle } from './siteMarkup/hugo.js';
import { convertLinks, siteVariable, stripSiteVariables } from './siteMarkup/links.js';
import { liquidBlocks, liquidCallouts, liquidInline } from './siteMarkup/liquid.js';

export type { Generator } from './detectGenerator.js';

export interface SiteLink {
  /** the target after site variables are removed, e.g. "/article/refunds/" or "../guide/setup.md" */
  target: string;
  text: string;
}

export interface CleanOptions {
  generator: Generator;
  /**
   * Map a site-internal link target to an article id; when it returns an id the link becomes `[text](<id>.md)`.
   * When it returns undefined: site-variable links keep only their text; ordinary relative .md links are left as they are.
   */
  resolveLink?: (target: string) => string | undefined;
  /** The page's front matter, read by `{{ page.title }}` and the like. */
  page?: Record<string, unknown>;
}

export interface CleanResult {
  markdown: string;
  /** Constructs the cleaner did not understand and removed (unknown tags, shortcodes, expressions, components...). */
  removed: number;
  /** Human-readable notes for the import report, e.g. 'removed unknown tag {% foo %}' (at most 10). */
  notes: string[];
  /** Link targets the cleaner pointed at articles (`id.md#anchor`). */
  linked: Set<string>;
}

const maxNesting = 12;
// Bounded so an unclosed `{{` costs a short scan, not the rest of the page
const notBlank = String.raw`(?:[^\n]|\n(?![ \t]*\n)){0,1000}?`;
const leftovers: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/\{\{\/\*[\s\S]*?\*\/\}\}|\{%-?\s*#[^%]*%\}/g, () => undefined],
  [
    new RegExp(String.raw`\{\{[<%]\s*(\/?[\w-]+)${notBlank}[>%]\}\}`, 'g'),
    (m) => `removed unknown shortcode {{< ${m[1]} >}}`,
  ],
  [
    new RegExp(String.raw`\{%-?\s*(\w+)${notBlank}%\}`, 'g'),
    (m) =>
      /^(?:if|elsif|else|endif|unless|endunless|for|endfor|case|when|endcase|assign|capture|endcapture|tablerow|endtablerow)$/.test(
        m[1]!,
      )
        ? `removed Liquid tag {% ${m[1]} %} (kept the text it wrapped)`
        : `removed unknown tag {% ${m[1]} %}`,
  ],
  [
    new RegExp(String.raw`\{\{${notBlank}\}\}`, 'g'),
    (m) => `removed template expression ${m[0].replace(/\s+/g, ' ').slice(0, 60)}`,
  ],
  [/\{[:#][^}\n]{0,300}\}/g, (m) => `removed attribute ${m[0].slice(0, 60)}`],
  [/\{%|%\}|\{\{|\}\}/g, (m) => `removed unmatched ${m[0]}`],
];

function removeLeftovers(text: string, ctx: CleanContext): string {
  let out = text;
  for (const [pattern, describe] of leftovers) {
    out = replaceInProse(
      out,
      pattern,
      (m) => {
        const note = describe(m);
        if (note) ctx.unknown(note);
        return '\uE000';
      },
      true,
    );
  }
  return out;
}

function closeGap(line: string): string {
  return line
    .replace(/([ \t]*)\uE000+([ \t]*)(?=(.?))/g, (_, a: string, b: string, next: string, at: number) =>
      at === 0 ? a : /^[.,;:!?)\]。，；：！？）]?$/.test(next) ? '' : a && b ? ' ' : a + b,
    )
    .trimEnd();
}

function tidy(text: string): string {
  const lines = text
    .split('\n')
    .filter((line) => !line.includes('\uE000') || /[\p{L}\p{N}]/u.test(line.replace(/\uE000/g, '')))
    .map((line) => (line.includes('\uE000') ? closeGap(line) : line));
  const code = fencedLines(lines);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const blank = !code[i] && !line.trim();
    if (blank && (out.length === 0 || out[out.length - 1] === '')) return;
    out.push(blank ? '' : line);
  });
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? `${out.join('\n')}\n` : '';
}

/**
 * Turn a static-site-generator article body (Jekyll, Hugo, VitePress, Docusaurus, MkDocs) into plain
 * Markdown: callouts become GitHub alerts, image and link tags become Markdown, template syntax goes,
 * and code is kept byte for byte except for fence meta. Never throws.
 */
export function cleanSiteMarkup(markdown: string, options: CleanOptions): CleanResult {
  const ctx = new CleanContext(options);
  let text = markdown.replace(/\r\n?/g, '\n').replace(/[\uE000\uE001]/g, '');
  text = liquidBlocks(text, ctx);
  text = removeScripts(text, options.generator === 'docusaurus');
  let depth = 0;
  // Containers nest by recursion; past a sane depth the rest is left for the leftover pass.
  const blocks = (t: string): string => {
    if (depth >= maxNesting) return t;
    depth++;
    const out = convertContainers(
      componentAdmonitions(hugoPaired(liquidCallouts(t, ctx, blocks), ctx, blocks), blocks),
      ctx,
      blocks,
    );
    depth--;
    return out;
  };
  text = blocks(text);
  text = liquidInline(text, ctx);
  text = convertLinks(text, ctx);
  text = hugoSingle(text, ctx);
  text = replaceInProse(text, siteVariable, (m) => stripSiteVariables(m[0]).text, true);
  text = removeComponents(text, ctx);
  text = removeAttributeLists(text);
  text = reduceFenceMeta(text);
  text = removeLeftovers(text, ctx);
  return { markdown: tidy(text), removed: ctx.removed, notes: ctx.notes, linked: ctx.linked };
}

const residue = [
  /\{%|\{\{|\{:|\{#/g,
  /^[ \t]*(?:>[ \t]*)*(?::::|!!!|\?\?\?\+?[ \t]+\w)/gm,
  /<\/?(?:script|style)\b/gi,
  /<\/?(?:[A-Z][\w.]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?=[\s/>])/g,
];

/** Site-generator syntax left outside code, as `line N: snippet` strings; empty when the Markdown is clean. */
export function findSiteMarkupResidue(markdown: string): string[] {
  const ranges = codeRanges(markdown);
  const found: { at: number; text: string }[] = [];
  for (const pattern of residue) {
    for (const m of markdown.matchAll(pattern)) {
      if (touchesRanges(ranges, m.index)) continue;
      found.push({ at: m.index, text: markdown.slice(m.index, m.index + 40).split('\n')[0]! });
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ at, text }) => `line ${markdown.slice(0, at).split('\n').length}: ${text}`);
}
