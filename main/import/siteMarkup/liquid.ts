import { alertKind, toAlert } from './alerts.js';
import type { CleanContext } from './CleanContext.js';
import { codeRanges, replaceInProse } from './codeRanges.js';
import { imageMarkdown } from './imageMarkdown.js';
import { stripSiteVariables } from './links.js';
import { parseTagParams, pick } from './parseTagParams.js';

type Blocks = (text: string) => string;

const tag = (body: string): string => String.raw`\{%-?\s*${body}\s*-?%\}`;
const comment = new RegExp(`${tag('comment')}[\\s\\S]*?${tag('endcomment')}`, 'g');
const highlight = new RegExp(
  `${tag(String.raw`highlight\s+([\w+#.-]+)[^%]*?`)}\\n?([\\s\\S]*?)\\n?${tag('endhighlight')}`,
  'g',
);
const raw = new RegExp(`${tag('raw')}([\\s\\S]*?)${tag('endraw')}`, 'g');
const rawTags = new RegExp(`${tag('raw')}|${tag('endraw')}`, 'g');
const capture = String.raw`\{%-?\s*capture\s+([\w-]+)\s*-?%\}\n?([\s\S]*?)\{%-?\s*endcapture\s*-?%\}`;
const assign = String.raw`\{%-?\s*assign\s+([\w-]+)\s*=\s*([^%]*?)\s*-?%\}`;
const output = String.raw`\{\{-?\s*([A-Za-z_][\w-]*)\s*(?:\|[^}]*)?-?\}\}`;
const otherTag = String.raw`\{%-?\s*(\w+)([^%]*?)-?%\}`;
/** A capture, an assign, an output of a variable or any other tag, in the order the page runs them. */
const variableStep = new RegExp(`${capture}|${assign}|${output}|${otherTag}`, 'g');
/** A variable passed to a tag's parameter: `content=note`, `text = intro`. */
const parameterValue = /(=\s*)([A-Za-z_][\w-]*)\b(?![.\w"'])/g;
const calloutNames = 'callout|alert|admonition|note|tip|info|warning|danger|important|caution|hint';
const callout = new RegExp(`${tag(`(${calloutNames})\\b([^%]*?)`)}([\\s\\S]*?)${tag('end\\1')}`, 'g');
const include = new RegExp(tag(String.raw`include(?:_relative)?\s+([^\s%]+)([^%]*?)`), 'g');
const imageTag = new RegExp(tag(String.raw`(?:image|img|picture|figure|asset_img)\s+([^%]*?)`), 'g');
const iconTag = new RegExp(tag(String.raw`(?:icon|octicon|fa|fas|far|fab|bootstrap_icon|feather_icon)\b[^%]*?`), 'g');

const templateInProse = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Comment, raw, highlight and capture blocks, which must go before anything reads the text inside them. */
export function liquidBlocks(text: string, ctx: CleanContext): string {
  let out = replaceInProse(text, comment, () => '');
  out = replaceInProse(out, highlight, (m) => `\n\`\`\`${m[1]}\n${m[2]!.replace(rawTags, '')}\n\`\`\`\n`);
  if (ctx.options.generator === 'jekyll') out = stripRawTagsInCode(out);
  out = replaceInProse(out, raw, (m) => replaceInProse(m[1]!, templateInProse, (t) => `\`${t[0]}\``, true));

  return liquidVariables(out, ctx);
}

/**
 * Liquid variables as the page sets and reads them, in order: a `{% capture %}` or a string
 * `{% assign %}` sets the value that the `{{ outputs }}` and tag parameters after it read, until it is
 * set again, so a variable reused per section never puts one section's text in another. A variable
 * set from an expression Almanac cannot evaluate is forgotten: what reads it is reported by the
 * leftover pass, never given an older value. A capture the page never reads stays where it stood (a
 * layout may show it).
 */
const pageOutput = /\{\{-?\s*page\.([\w-]+)\s*(?:\|[^}]*)?-?\}\}/g;

function liquidVariables(text: string, ctx: CleanContext): string {
  const page = ctx.options.page;
  // `{{ page.title }}` reads the page's own front matter: a text or a number is shown as it is.
  if (page && text.includes('page.'))
    text = replaceInProse(text, pageOutput, (m) => {
      const value = page[m[1]!];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : m[0];
    });
  const read = new Set<string>();
  for (const m of text.matchAll(new RegExp(output, 'g'))) read.add(m[1]!);
  for (const m of text.matchAll(/\{%(?!-?\s*(?:assign|capture)\b)[^%]*%\}/g))
    for (const p of m[0].matchAll(parameterValue)) read.add(p[2]!);
  if (!read.size && !/\{%-?\s*capture\b/.test(text)) return text;
  const values = new Map<string, string>();
  let version = 0;
  const run = (part: string): string =>
    replaceInProse(part, variableStep, (m) => {
      const [whole, captured, body, assigned, expression, shown, tagName, params] = m;
      if (captured !== undefined) {
        const value = run(body!).trim();
        values.set(captured, value);
        return read.has(captured) ? '' : value;
      }
      if (assigned !== undefined) {
        const literal = /^(?:"([^"]*)"|'([^']*)')$/.exec(expression!);
        if (literal) values.set(assigned, literal[1] ?? literal[2]!);
        else if (values.has(expression!)) values.set(assigned, values.get(expression!)!);
        else {
          values.delete(assigned);
          return whole;
        }
        return '';
      }
      if (shown !== undefined) return values.has(shown) ? values.get(shown)! : whole;
      if (tagName === 'capture' || tagName === 'endcapture') return whole;
      // A tag that takes a variable (an include's content=note) takes the value it has here.
      const withValues = params!.replace(parameterValue, (all, eq: string, name: string) => {
        if (!values.has(name)) return all;
        const key = `${name}__v${++version}`;
        ctx.captures.set(key, values.get(name)!);
        return `${eq}${key}`;
      });
      return withValues === params ? whole : whole.replace(params!, () => withValues);
    });
  return run(text);
}

// Jekyll runs Liquid inside code blocks too, so a reader never saw the raw tags there.
function stripRawTagsInCode(text: string): string {
  const ranges = codeRanges(text);
  let out = '';
  let last = 0;
  for (const [s, e] of ranges) {
    out += text.slice(last, s) + text.slice(s, e).replace(rawTags, '');
    last = e;
  }
  return out + text.slice(last);
}

/** `{% callout warning %}…{% endcallout %}` and similar paired Liquid callouts become alerts. */
export function liquidCallouts(text: string, ctx: CleanContext, blocks: Blocks): string {
  if (!/\{%-?\s*end/.test(text)) return text;
  return replaceInProse(text, callout, (m) => {
    const params = parseTagParams(m[2]!);
    const generic = ['callout', 'alert', 'admonition'].includes(m[1]!);
    const typeWord = pick(params, 'type', 'style', 'class') ?? (generic ? params.positional[0] : m[1]);
    const title = pick(params, 'title', 'heading') ?? params.positional[generic ? 1 : 0];
    if (m[1] === 'alert' && !alertKind(typeWord)) return toAlert('WARNING', title, blocks(m[3]!));
    return toAlert(alertKind(typeWord) ?? 'NOTE', title, blocks(m[3]!));
  });
}

function includeReplacement(name: string, args: string, whole: string, ctx: CleanContext): string {
  const base = name
    .replace(/^.*\//, '')
    .replace(/\.\w+$/, '')
    .toLowerCase();
  const params = parseTagParams(stripSiteVariables(args).text);
  const variable = /content\s*=\s*([A-Za-z_][\w.-]*)/.exec(args)?.[1];
  if (
    [
      'callout',
      'alert',
      'admonition',
      'note',
      'tip',
      'warning',
      'important',
      'danger',
      'info',
      'caution',
      'hint',
    ].includes(base)
  ) {
    const content =
      (variable && ctx.captures.get(variable)) ?? pick(params, 'content', 'text', 'body', 'message') ?? '';
    const typeWord = pick(params, 'type', 'style', 'class') ?? base;
    return toAlert(alertKind(typeWord) ?? 'NOTE', pick(params, 'title', 'heading'), content);
  }
  if (['image', 'figure', 'img', 'inline_image', 'screenshot', 'picture'].includes(base)) {
    const src = pick(params, 'file', 'src', 'url', 'path', 'image', 'img') ?? params.positional[0];
    if (src) return imageMarkdown(src, pick(params, 'caption', 'alt', 'title', 'description') ?? '');
  }
  if (['icon', 'octicon', 'fa', 'svg-icon', 'svg_icon'].includes(base)) return '\uE000';
  ctx.unknown(`removed unknown include ${whole.replace(/\s+/g, ' ')}`);
  return '\uE000';
}

/** Liquid includes (callouts, images), `{% image %}` and `{% icon %}` tags. */
export function liquidInline(text: string, ctx: CleanContext): string {
  let out = replaceInProse(text, include, (m) => includeReplacement(m[1]!, m[2]!, m[0], ctx));
  out = replaceInProse(out, imageTag, (m) => {
    const params = parseTagParams(stripSiteVariables(m[1]!).text);
    const src = pick(params, 'src', 'file', 'path', 'url') ?? params.positional.shift() ?? '';
    // `{% image path Alt text in words %}`: every word after the path is the alt text.
    return imageMarkdown(src, pick(params, 'caption', 'alt', 'title') ?? params.positional.join(' '));
  });
  return replaceInProse(out, iconTag, () => '\uE000');
}
