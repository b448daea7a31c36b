import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../workspace/atomicWrite.js';
import { mapOutsideCode } from './mapOutsideCode.js';

export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.avif', '.bmp']);

/** Largest image copied into the workspace, in bytes. */
const maxImageBytes = 20 * 1024 * 1024;

export interface ImageContext {
  /** The page being imported. */
  file: string;
  /** Root of the site or import; images outside it are never read. */
  siteRoot: string;
  /** The workspace's assets folder. */
  assetsDir: string;
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
    if (!imageExtensions.has(path.extname(candidate).toLowerCase())) continue;
    const info = await lstat(candidate).catch(() => undefined);
    if (!info?.isFile() || info.size > maxImageBytes) continue;
    const real = await realpath(candidate);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    return real;
  }
  return undefined;
}

function assetName(file: string): string {
  const ext = path.extname(file).toLowerCase();
  const stem = path
    .basename(file, path.extname(file))
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'image'}${ext}`;
}

/**
 * Copy the local images a page references into `assets/<article>/` and point its links there.
 * Images that cannot be found (or lie outside the site) are reported as missing and left as written.
 */
export async function importImages(markdown: string, ctx: ImageContext): Promise<ImportedImages> {
  const refs = new Set<string>();
  mapOutsideCode(markdown, (text) => {
    for (const m of text.matchAll(markdownImage)) {
      const src = m[2] ?? m[3]!;
      if (!isRemote(src)) refs.add(src);
    }
    return text;
  });
  const copied: string[] = [];
  const missing: string[] = [];
  const target = new Map<string, string>();
  const dir = path.join(ctx.assetsDir, ctx.articleId);
  const used = new Map<string, string>();
  for (const src of refs) {
    if (src.startsWith('../assets/')) continue;
    const found = await findImage(src, ctx);
    if (!found) {
      missing.push(src);
      continue;
    }
    const bytes = await readFile(found);
    const hash = createHash('sha1').update(bytes).digest('hex');
    let name = assetName(found);
    for (let n = 2; used.has(name) && used.get(name) !== hash; n++) {
      name = `${path.basename(assetName(found), path.extname(found))}-${n}${path.extname(found).toLowerCase()}`;
    }
    if (!used.has(name)) {
      used.set(name, hash);
      const dest = path.join(dir, name);
      const existing = await readFile(dest).catch(() => undefined);
      if (!existing || !existing.equals(bytes)) {
        await mkdir(dir, { recursive: true });
        await atomicWrite(dest, bytes);
      }
      copied.push(name);
    }
    target.set(src, `../assets/${encodeURIComponent(ctx.articleId)}/${encodeURIComponent(name)}`);
  }
  const rewritten = mapOutsideCode(markdown, (text) =>
    text.replace(markdownImage, (whole, alt: string, bracketed: string | undefined, bare: string, title: string) => {
      const src = bracketed ?? bare;
      return target.has(src) ? `![${alt}](${target.get(src)}${title})` : whole;
    }),
  );
  return { markdown: rewritten, copied, missing };
}
