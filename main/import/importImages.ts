import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { addAsset, imageTypes, maxAssetBytes } from '../assets/index.js';
import { resolveInside, type Workspace } from '../workspace/index.js';
import { replaceInProse } from './siteMarkup/codeRanges.js';

export interface ImageContext {
  /** The page being imported. */
  file: string;
  /** Root of the site or import; images outside it are never read. */
  siteRoot: string;
  ws: Workspace;
  articleId: string;
  /** The site's images by file name, shared by the pages of one import (see `SiteImages`). */
  siteImages?: SiteImages;
}

/** Folders no generator serves images from: dependencies, build output, version control. */
const notServed = new Set(['node_modules', '.git', '_site', 'site', 'build', '.docusaurus', 'dist', 'resources']);
/** Entries looked at, at most: a site is a few thousand files; this bounds a mistaken huge root. */
const maxIndexed = 200_000;

/**
 * Every image file of a site by its name, found once per import. Generators serve images from folders
 * a page does not name (Hugo's `static/`, Jekyll plugins' `images/`, VitePress's `public/`, MkDocs'
 * `docs/`): an image a page names is looked for by the longest tail of its path that one file has.
 */
export class SiteImages {
  private byName?: Promise<Map<string, string[]>>;

  constructor(private readonly root: string) {}

  private index(): Promise<Map<string, string[]>> {
    this.byName ??= (async () => {
      const byName = new Map<string, string[]>();
      let seen = 0;
      const visit = async (dir: string): Promise<void> => {
        const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const e of entries) {
          if (++seen > maxIndexed || e.isSymbolicLink()) continue;
          const full = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (!notServed.has(e.name) && !e.name.startsWith('.')) await visit(full);
          } else if (e.isFile() && imageTypes[path.extname(e.name).toLowerCase()]) {
            byName.set(e.name, [...(byName.get(e.name) ?? []), full]);
          }
        }
      };
      await visit(this.root);
      return byName;
    })();
    return this.byName;
  }

  /**
   * The one file whose path ends with the most segments of `src` (at least its name); among equals,
   * the one nearest the page, then the shallowest. Undefined when there is none, or two tie.
   */
  async find(src: string, page: string): Promise<string | undefined> {
    const wanted = src.split('/').filter((s) => s && s !== '.' && s !== '..');
    const name = wanted[wanted.length - 1];
    const files = name ? ((await this.index()).get(name) ?? []) : [];
    const score = (file: string): [number, number, number] => {
      const parts = path.relative(this.root, file).split(path.sep);
      let tail = 0;
      while (tail < wanted.length && parts[parts.length - 1 - tail] === wanted[wanted.length - 1 - tail]) tail++;
      const pageParts = path.relative(this.root, path.dirname(page)).split(path.sep);
      let near = 0;
      while (near < pageParts.length && parts[near] === pageParts[near]) near++;
      // Then the shallowest: a generator prefixes one folder (`images/`), not a deeper one.
      return [tail, near, -parts.length];
    };
    const ranked = files
      .map((f) => ({ f, s: score(f) }))
      .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1] || b.s[2] - a.s[2]);
    const [best, next] = ranked;
    if (!best || (next && next.s.every((v, i) => v === best.s[i]))) return undefined;
    return best.f;
  }
}

export interface ImportedImages {
  markdown: string;
  copied: string[];
  missing: string[];
}

const markdownImage = /!\[([^\]]*)\]\(\s*(?:<([^>\n]+)>|([^)\s]+))((?:\s+"[^"]*")?)\s*\)/g;
const isRemote = (src: string) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src);

function candidates(src: string, ctx: ImageContext): string[] {
  const clean = decodeURIComponent(src.replace(/[?#].*$/, ''));
  if (clean.startsWith('/')) {
    return ['', 'public', 'static', 'docs', 'source', 'content', 'src'].map((dir) =>
      path.join(ctx.siteRoot, dir, clean),
    );
  }
  return [path.resolve(path.dirname(ctx.file), clean), path.join(ctx.siteRoot, clean)];
}

async function findImage(src: string, ctx: ImageContext): Promise<string | undefined> {
  let list: string[];
  try {
    list = candidates(src, ctx);
    const elsewhere = await ctx.siteImages?.find(decodeURIComponent(src.replace(/[?#].*$/, '')), ctx.file);
    if (elsewhere) list.push(elsewhere);
  } catch {
    return undefined;
  }
  const root = await realpath(ctx.siteRoot);
  for (const candidate of list) {
    if (!imageTypes[path.extname(candidate).toLowerCase()]) continue;
    const info = await lstat(candidate).catch(() => undefined);
    if (!info?.isFile() || info.size > maxAssetBytes) continue;
    const real = await realpath(candidate);
    if (resolveInside(root, real)) return real;
  }
  return undefined;
}

/**
 * Copy the local images a page references into `assets/<article>/` and point its links there.
 * Images that cannot be found (or lie outside the site) are reported as missing and left as written.
 */
export async function importImages(markdown: string, ctx: ImageContext): Promise<ImportedImages> {
  const refs = new Set<string>();
  replaceInProse(markdown, markdownImage, (m) => {
    const src = m[2] ?? m[3]!;
    if (!isRemote(src)) refs.add(src);
    return m[0];
  });
  const copied: string[] = [];
  const missing: string[] = [];
  const target = new Map<string, string>();
  for (const src of refs) {
    if (src.startsWith('../assets/')) continue;
    const found = await findImage(src, ctx);
    if (!found) {
      missing.push(src);
      continue;
    }
    const stored = await addAsset(ctx.ws, ctx.articleId, path.basename(found), await readFile(found));
    copied.push(stored.src);
    target.set(src, stored.src);
  }
  const rewritten = replaceInProse(markdown, markdownImage, (m) => {
    const src = m[2] ?? m[3]!;
    return target.has(src) ? `![${m[1]}](${target.get(src)}${m[4]})` : m[0];
  });
  return { markdown: rewritten, copied, missing };
}
