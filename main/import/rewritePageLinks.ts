import { replaceInProse } from './siteMarkup/codeRanges.js';

const link = /(?<!!)\[([^\]]*)\]\(\s*(?:<([^>\n]+)>|([^)\s]+))((?:\s+"[^"]*")?)\s*\)/g;

/** Point Markdown links at imported pages to their articles: `[text](id.md)`; other links stay. */
export function rewritePageLinks(markdown: string, resolve: (target: string) => string | undefined): string {
  return replaceInProse(
    markdown,
    link,
    (m) => {
      const target = m[2] ?? m[3]!;
      if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target) || /\.(png|jpe?g|gif|webp|svg|pdf|zip)$/i.test(target))
        return m[0];
      const id = resolve(target);
      if (!id) return m[0];
      const anchor = /#.*$/.exec(target)?.[0] ?? '';
      return `[${m[1]}](${encodeURI(`${id}.md`)}${anchor}${m[4] ?? ''})`;
    },
    true,
  );
}
