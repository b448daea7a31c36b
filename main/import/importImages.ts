import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { addAsset, imageTypes, maxAssetBytes } from '../assets/index.js';
import type { Workspace } from '../workspace/Workspace.js';
import { replaceInProse } from './siteMarkup/codeRanges.js';

export interface ImageContext {
  /** The page being imported. */
  file: string;
  /** Root of the site or import; images outside it are never read. */
  siteRoot: string;
  ws: Workspace;
  articleId: string;
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
  } catch {
    return undefined;
  }
  const root = await realpath(ctx.siteRoot);
  for (const candidate of list) {
    if (!imageTypes[path.extname(candidate).toLowerCase()]) continue;
    const info = await lstat(candidate).catch(() => undefined);
    if (!info?.isFile() || info.size > maxAssetBytes) continue;
    const real = await realpath(candidate);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    return real;
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
