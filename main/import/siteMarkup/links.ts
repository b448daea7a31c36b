import type { CleanContext } from './CleanContext.js';
import { replaceInProse } from './codeRanges.js';

const q = `(?:"([^"]*)"|'([^']*)'|([^\\s"'%}>]+))`;
/** Jekyll and Hugo expressions that stand for a site path. */
export const siteVariable = new RegExp(
  [
    // {{ site.baseurl }}, {{ site.url }}, {{ .Site.BaseURL }}
    String.raw`\{\{-?\s*(?:site\.(?:baseurl|url)|\.Site\.BaseURL|site\.github\.url)\s*-?\}\}`,
    // {{ '/x' | relative_url }}, {{ "/x" | prepend: site.baseurl }}
    String.raw`\{\{-?\s*${q}\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url)|relURL|absURL|relLangURL)\s*-?\}\}`,
    // {% link _docs/x.md %}, {% post_url 2020-01-01-x %}
    String.raw`\{%-?\s*(?:link|post_url)\s+${q}\s*-?%\}`,
    // {{< ref "x.md" >}}, {{% relref "x" %}}
    String.raw`\{\{[<%]\s*(?:rel)?ref\s+${q}\s*[>%]\}\}`,
  ].join('|'),
  'g',
);

/** Replace site variables ({{ site.baseurl }}, relative_url, {% link %}, Hugo ref) with the path they stand for. */
export function stripSiteVariables(text: string): { text: string; changed: boolean } {
  let changed = false;
  const out = text.replace(siteVariable, (...m: (string | undefined)[]) => {
    changed = true;
    return m.slice(1, 10).find((g) => g !== undefined) ?? '';
  });
  return { text: out, changed };
}

const external = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;
const template = String.raw`\{\{[^\n]{0,300}?\}\}|\{%[^\n]{0,300}?%\}`;
// [text](target "title") where the target may hold template expressions with spaces and quotes
const link = new RegExp(
  String.raw`(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|(?:${template}|[^\s(){]|\{(?![{%])|\([^\s()]*\))+)(\s+"[^"\n]*"|\s+'[^'\n]*')?\s*\)`,
  'g',
);

function resolved(target: string, ctx: CleanContext): string | undefined {
  const resolve = ctx.options.resolveLink;
  if (!resolve || !target || external.test(target)) return undefined;
  const hash = target.indexOf('#');
  const id = resolve(hash >= 0 ? target.slice(0, hash) : target);
  return id ? `${id}.md${hash >= 0 ? target.slice(hash) : ''}` : undefined;
}

/**
 * Rewrite links whose target uses site variables or points inside the site: resolved ones become
 * `[text](<id>.md)`, unresolved site-variable links keep only their text, ordinary links stay.
 */
export function convertLinks(text: string, ctx: CleanContext): string {
  return replaceInProse(text, link, (m) => {
    const [whole, bang, label, rawTarget, title = ''] = m as unknown as string[];
    const bare = rawTarget!.startsWith('<') ? rawTarget!.slice(1, -1) : rawTarget!;
    const stripped = stripSiteVariables(bare);
    let target = stripped.text;
    const leftover = new RegExp(template, 'g');
    if (leftover.test(target)) {
      ctx.unknown(`removed template expression in link target ${bare}`);
      target = target.replace(leftover, '');
    }
    const siteLink = stripped.changed || target !== stripped.text;
    if (bang) return siteLink ? `![${label}](${target}${title})` : whole!;
    const id = resolved(target, ctx);
    if (id) {
      ctx.linked.add(id);
      return `[${label}](${id})`;
    }
    if (siteLink) return label!;
    return whole!;
  });
}
