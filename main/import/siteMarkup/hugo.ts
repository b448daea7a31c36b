import { alertKind, toAlert } from './alerts.js';
import type { CleanContext } from './CleanContext.js';
import { replaceInProse } from './codeRanges.js';
import { imageMarkdown } from './imageMarkdown.js';
import { stripSiteVariables } from './links.js';
import { parseTagParams, pick, type TagParams } from './parseTagParams.js';

type Blocks = (text: string) => string;

// {{< name params >}}body{{< /name >}} and the {{% %}} form; the body may hold other shortcodes
const paired =
  /\{\{([<%])\s*([\w-]+)((?:\s(?:[^>%]|>(?!\}\})|%(?!\}\})){0,500}?)?)\s*[>%]\}\}([\s\S]*?)\{\{[<%]\s*\/\s*\2\s*[>%]\}\}/g;
const single = /\{\{[<%]\s*([\w-]+)((?:\s(?:[^>%/]|\/(?![>%]\}\})|>(?!\}\})|%(?!\}\})){0,500}?)?)\s*\/?\s*[>%]\}\}/g;

const calloutNames = new Set([
  'alert',
  'notice',
  'hint',
  'callout',
  'admonition',
  'note',
  'tip',
  'warning',
  'info',
  'danger',
  'important',
  'caution',
  'message',
]);
const collapsibleNames = new Set(['expand', 'details', 'collapse', 'spoiler', 'accordion']);
const wrapperNames = new Set([
  'tabs',
  'tab',
  'columns',
  'column',
  'center',
  'markdown',
  'md',
  'raw',
  'card',
  'cards',
  'steps',
  'step',
  'section',
  'include-md',
]);
const iconNames = new Set([
  'icon',
  'fa',
  'fas',
  'far',
  'fab',
  'fontawesome',
  'octicon',
  'bootstrap-icon',
  'feather',
  'emoji',
  'material-icon',
  'badge-icon',
]);
const imageNames = new Set(['figure', 'img', 'image', 'picture', 'screenshot']);

function pairedReplacement(name: string, params: TagParams, body: string, ctx: CleanContext, blocks: Blocks): string {
  const lower = name.toLowerCase();
  const inner = blocks(body);
  if (calloutNames.has(lower)) {
    const typeWord = pick(params, 'type', 'color', 'style', 'theme', 'context', 'level') ?? params.positional[0];
    const kind = alertKind(typeWord) ?? alertKind(lower) ?? 'NOTE';
    const positionalTitle = alertKind(params.positional[0]) ? params.positional[1] : undefined;
    return toAlert(kind, pick(params, 'title', 'heading', 'header') ?? positionalTitle, inner);
  }
  if (collapsibleNames.has(lower)) {
    return toAlert('NOTE', pick(params, 'title', 'summary', 'label') ?? params.positional[0] ?? 'Details', inner);
  }
  if (lower === 'highlight') return `\n\`\`\`${params.positional[0] ?? ''}\n${body.replace(/^\n|\n$/g, '')}\n\`\`\`\n`;
  if (wrapperNames.has(lower)) {
    const title =
      pick(params, 'name', 'title', 'header', 'label') ?? (lower === 'tab' ? params.positional[0] : undefined);
    return `\n${title ? `**${title}**\n\n` : ''}${inner}\n`;
  }
  if (imageNames.has(lower)) return `${singleReplacement(lower, params, ctx)}\n\n${inner}`;
  ctx.unknown(`removed unknown shortcode {{< ${name} >}} (kept its text)`);
  return inner;
}

function singleReplacement(name: string, params: TagParams, ctx: CleanContext): string {
  const lower = name.toLowerCase();
  if (iconNames.has(lower)) return '\uE000';
  if (imageNames.has(lower)) {
    const src = pick(params, 'src', 'file', 'link', 'url', 'path') ?? params.positional[0] ?? '';
    return imageMarkdown(src, pick(params, 'caption', 'alt', 'title') ?? params.positional[1] ?? '');
  }
  // A shortcode Almanac does not know still shows what it names: a captioned link, a label, a marker.
  const text = pick(params, 'caption', 'text', 'title', 'label', 'name', 'content');
  const target = pick(params, 'url', 'href', 'link', 'ref', 'relref', 'page', 'path');
  if (text && target) return `[${text}](${/\s/.test(target) ? `<${target}>` : target})`;
  if (text) return text;
  if (markerNames.has(lower)) return `(${lower})`;
  ctx.unknown(`removed unknown shortcode {{< ${name} >}}`);
  return '\uE000';
}

/** Shortcodes that mark a field or a feature with their own name (an API field's "required"). */
const markerNames = new Set(['required', 'optional', 'deprecated', 'beta', 'experimental', 'new', 'preview']);

/** Paired Hugo shortcodes: callouts, collapsibles and highlight blocks; tabs and unknown ones are unwrapped. */
export function hugoPaired(text: string, ctx: CleanContext, blocks: Blocks): string {
  if (!/\{\{[<%]\s*\//.test(text)) return text;
  return replaceInProse(text, paired, (m) =>
    pairedReplacement(m[2]!, parseTagParams(stripSiteVariables(m[3] ?? '').text), m[4]!, ctx, blocks),
  );
}

/** Single Hugo shortcodes: figures become images, icons go, unknown ones are removed and counted. */
export function hugoSingle(text: string, ctx: CleanContext): string {
  return replaceInProse(
    text,
    single,
    (m) => {
      if (/^\/|^(?:rel)?ref$/.test(m[1]!)) return m[0];
      return singleReplacement(m[1]!, parseTagParams(stripSiteVariables(m[2] ?? '').text), ctx);
    },
    'fences',
  );
}
