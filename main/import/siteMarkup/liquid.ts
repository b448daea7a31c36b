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
const capture = new RegExp(`${tag(String.raw`capture\s+([\w-]+)`)}\\n?([\\s\\S]*?)${tag('endcapture')}`, 'g');
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

  const captures = new Map<string, string>();
  out = replaceInProse(out, capture, (m) => {
    captures.set(m[1]!, m[2]!.trim());
    return `\uE001${m[1]}\uE001`;
  });
  for (const [name, body] of captures) {
    const use = new RegExp(String.raw`\{\{-?\s*${name}\s*(?:\|[^}]*)?-?\}\}`, 'g');
    const used = use.test(out) || new RegExp(String.raw`\{%[^%]*=\s*${name}\b[^%]*%\}`).test(out);
    out = out.replace(`\uE001${name}\uE001`, () => (used ? '' : body));
    out = replaceInProse(out, use, () => body);
    ctx.captures.set(name, body);
  }
  return out;
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
    return imageMarkdown(src, pick(params, 'caption', 'alt', 'title') ?? params.positional[0] ?? '');
  });
  return replaceInProse(out, iconTag, () => '\uE000');
}
