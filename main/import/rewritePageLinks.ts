import { replaceInProse } from './siteMarkup/codeRanges.js';

const link = /(?<!!)\[([^\]]*)\]\(\s*(?:<([^>\n]+)>|([^)\s]+))((?:\s+"[^"]*")?)\s*\)/g;

/** A target that names a page of the site (a Markdown or HTML file, or a path without a file type). */
const pageTarget = (target: string) => {
  const file =
    target
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  return target.replace(/[?#].*$/, '') !== '' && (!file.includes('.') || /\.(mdx?|markdown|html?)$/i.test(file));
};

/**
 * Point Markdown links at imported pages to their articles: `[text](id.md)`. A link to a page of the
 * site that is not imported keeps its text (and is listed in `unresolved` when given); links to
 * files, other sites and anchors stay.
 */
export function rewritePageLinks(
  markdown: string,
  resolve: (target: string) => string | undefined,
  unresolved?: string[],
  linked?: Set<string>,
): string {
  return replaceInProse(
    markdown,
    link,
    (m) => {
      const target = m[2] ?? m[3]!;
      if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target) || /\.(png|jpe?g|gif|webp|svg|pdf|zip)$/i.test(target))
        return m[0];
      // Already an article link (the cleaner resolved it): "color-balance.md" there is an id, not a file.
      if (linked?.has(target)) return m[0];
      const id = resolve(target);
      if (!id) {
        if (!unresolved || !pageTarget(target)) return m[0];
        unresolved.push(target);
        return m[1]!;
      }
      const anchor = /#.*$/.exec(target)?.[0] ?? '';
      return `[${m[1]}](${encodeURI(`${id}.md`)}${anchor}${m[4] ?? ''})`;
    },
    true,
  );
}
