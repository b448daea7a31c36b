import { mapOutsideCode } from './mapOutsideCode.js';

const link = /(?<!!)\[([^\]]*)\]\(\s*(?:<([^>\n]+)>|([^)\s]+))((?:\s+"[^"]*")?)\s*\)/g;

/** Point Markdown links at imported pages to their articles: `[text](id.md)`; other links stay. */
export function rewritePageLinks(markdown: string, resolve: (target: string) => string | undefined): string {
  return mapOutsideCode(markdown, (text) =>
    text.replace(link, (whole, label: string, bracketed: string | undefined, bare: string, title: string) => {
      const target = bracketed ?? bare;
      if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target) || /\.(png|jpe?g|gif|webp|svg|pdf|zip)$/i.test(target))
        return whole;
      const id = resolve(target);
      if (!id) return whole;
      const anchor = /#.*$/.exec(target)?.[0] ?? '';
      return `[${label}](${encodeURI(`${id}.md`)}${anchor}${title})`;
    }),
  );
}
