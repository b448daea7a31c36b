import GithubSlugger from 'github-slugger';
import { plainTitle } from './plainTitle.js';
import { codeRanges, replaceInProse, touchesRanges } from './siteMarkup/codeRanges.js';

/**
 * A page's headings that carry their own id (`## 在线试用 {#trying-vite-online}`, kramdown and MkDocs
 * `{: #id}` alike): the id, and the anchor the heading has once the id is gone (GitHub's slug of its
 * text, numbered like GitHub's when two headings read the same).
 */
export function customAnchors(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  const slugger = new GithubSlugger();
  const ranges = codeRanges(markdown);
  const leading = /^\s*/.exec(markdown)![0].length;
  for (const m of markdown.matchAll(/^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{:?[ \t]*#([\w.:-]+)[^}\n]*\})?[ \t]*#*[ \t]*$/gm)) {
    if (touchesRanges(ranges, m.index)) continue;
    const slug = slugger.slug(plainTitle(m[2]!));
    // The page's opening `# Title` becomes the article's title: a link to it goes to the article.
    if (m.index === leading && m[1] === '#') {
      found.set(slug, '');
      if (m[3]) found.set(m[3], '');
    } else if (m[3] && m[3] !== slug) found.set(m[3], slug);
  }
  return found;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Links to a heading by its own id (`guide.md#trying-vite-online`, `#trying-vite-online`) follow it to its anchor. */
export function renameAnchors(
  markdown: string,
  ownId: string,
  anchors: (id: string) => Map<string, string> | undefined,
): string {
  return replaceInProse(
    markdown,
    /(\]\()(?:([^()\s#]+)\.md)?#([^()\s]+)\)/g,
    (m) => {
      const target = m[2] ? safeDecode(m[2]) : ownId;
      const renamed = anchors(target)?.get(safeDecode(m[3]!));
      if (renamed === undefined) return m[0];
      return `${m[1]}${m[2] ? `${m[2]}.md` : ''}${renamed ? `#${renamed}` : ''})`;
    },
    true,
  );
}
