import { alertKind, dedent, toAlert } from './alerts.js';
import type { CleanContext } from './CleanContext.js';
import { fencedLines, replaceInProse } from './codeRanges.js';
import { parseTagParams, pick } from './parseTagParams.js';

type Blocks = (text: string) => string;

const scriptOrStyle = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>\n?/gi;
const mdxComment = /\{\/\*[\s\S]*?\*\/\}/g;
const attrs = String.raw`(?:\s+(?:[^\s"'{}<>=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}|[^\s"'<>{}]+))?|\{(?:[^{}]|\{[^{}]*\})*\}))*\s*`;
const componentName = String.raw`[A-Z][\w.]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+`;
const componentTag = new RegExp(String.raw`<(\/?)(${componentName})(${attrs})(\/?)>`, 'g');
// A component whose tags sit on their own lines; its indented JSX body is dedented so it does not turn into code.
const blockComponent = new RegExp(
  String.raw`^([ \t]*)<(${componentName})(${attrs})>[ \t]*\n([\s\S]*?)\n[ \t]*<\/\2\s*>[ \t]*$`,
  'gm',
);
const admonition = new RegExp(String.raw`<Admonition(${attrs})>([\s\S]*?)<\/Admonition\s*>`, 'g');

// Known components: their tags go, their text stays, and nothing is counted as not understood.
const known = new Set([
  'Badge',
  'VPBadge',
  'Tabs',
  'TabItem',
  'Tab',
  'CodeGroup',
  'CodeGroupItem',
  'ClientOnly',
  'OutboundLink',
  'DocCardList',
  'TOCInline',
  'BrowserWindow',
  'Details',
  'Content',
  'Highlight',
  'Image',
  'ThemedImage',
]);

/** Remove `import`/`export` statements of MDX files, including multi-line ones. */
function removeModuleLines(text: string): string {
  const lines = text.split('\n');
  const code = fencedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (code[i] || !/^(?:import\s+(?:[\w*{]|['"])|export\s+(?:const|let|var|function|default|\{))/.test(line)) {
      out.push(line);
      continue;
    }
    let depth = 0;
    for (let j = i; j < lines.length; j++) {
      depth += (lines[j]!.match(/[{([]/g) ?? []).length - (lines[j]!.match(/[})\]]/g) ?? []).length;
      const done = depth <= 0 && (/['";]\s*$|[})\]]\s*;?\s*$/.test(lines[j]!) || !lines[j + 1]?.trim());
      if (done || j === lines.length - 1) {
        i = j;
        break;
      }
    }
  }
  return out.join('\n');
}

/**
 * `<script>`/`<style>` blocks, and on MDX pages (Docusaurus reads .md as MDX too) imports, exports and
 * comments: none of it is article content. Elsewhere a line that starts with "import " is prose (a
 * definition list's "import extras").
 */
export function removeScripts(text: string, mdx: boolean): string {
  const out = replaceInProse(text, scriptOrStyle, () => '');
  return mdx ? replaceInProse(removeModuleLines(out), mdxComment, () => '') : out;
}

/** Docusaurus `<Admonition type="tip">` elements become alerts. */
export function componentAdmonitions(text: string, blocks: Blocks): string {
  return replaceInProse(text, admonition, (m) => {
    const params = parseTagParams(m[1]!);
    return toAlert(alertKind(pick(params, 'type')) ?? 'NOTE', pick(params, 'title'), blocks(m[2]!));
  });
}

function label(name: string, attributes: string): string | undefined {
  if (!/^(?:TabItem|Tab|CodeGroupItem)$/.test(name)) return undefined;
  return pick(parseTagParams(attributes), 'label', 'title', 'name');
}

function noteComponent(name: string, ctx: CleanContext): void {
  if (!known.has(name)) ctx.unknown(`removed unknown component <${name}>`);
}

/** Vue and MDX component tags go; paired tags keep the text between them, a tab label becomes bold. */
export function removeComponents(text: string, ctx: CleanContext): string {
  let out = text;
  for (let pass = 0; pass < 8; pass++) {
    const before = out;
    out = replaceInProse(out, blockComponent, (m) => {
      const [, indent, name, attributes, body] = m as unknown as string[];
      noteComponent(name!, ctx);
      const title = label(name!, attributes!);
      return `\n${indent}${title ? `**${title}**\n\n` : ''}${dedent(body!)}\n`;
    });
    if (out === before) break;
  }
  return replaceInProse(
    out,
    componentTag,
    (m) => {
      const [, closing, name, attributes] = m as unknown as string[];
      // `<S3_BUCKET>`, `<API_KEY>`: no HTML tag has an underscore, so every generator shows it as text.
      if (!closing && !attributes!.trim() && /^[A-Z0-9]*_[A-Z0-9_]*$/.test(name!)) return `\\<${name}>`;
      if (closing) return '\uE000';
      noteComponent(name!, ctx);
      const title = label(name!, attributes!);
      return title ? `**${title}**\n\n` : '\uE000';
    },
    true,
  );
}
