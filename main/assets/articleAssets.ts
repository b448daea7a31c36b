import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { articleIdSchema } from '../articles/index.js';
import { guardWrite, resolveInside, writeInside } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';

export const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
};

/** Largest image an article may hold, in bytes. */
export const maxAssetBytes = 20 * 1024 * 1024;

const assetsRoot = (ws: Workspace) => path.join(ws.root, 'assets');

/** "../assets/a/b.png" or "assets/a/b.png" -> the file inside the workspace; throws VALIDATION_FAILED otherwise. */
function assetFile(ws: Workspace, src: string): string {
  let rel = src.replace(/[?#].*$/, '');
  try {
    rel = decodeURIComponent(rel);
  } catch {
    // Keep it as written.
  }
  rel = rel.replace(/^(\.\.\/)?assets\//, '');
  const file = resolveInside(assetsRoot(ws), rel);
  if (!file || file === path.resolve(assetsRoot(ws)) || !imageTypes[path.extname(file).toLowerCase()]) {
    throw new AlmanacError('VALIDATION_FAILED', `${src} is not an image in this workspace's assets folder.`);
  }
  return file;
}

/** An article image as a data URL, for the editor. Throws NOT_FOUND, VALIDATION_FAILED. */
export async function readAsset(ws: Workspace, src: string): Promise<{ src: string; dataUrl: string }> {
  const file = assetFile(ws, src);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) throw new AlmanacError('NOT_FOUND', `The image ${src} is not in the workspace.`);
  const real = await realpath(file);
  if (!resolveInside(await realpath(assetsRoot(ws)), real)) {
    throw new AlmanacError('VALIDATION_FAILED', `${src} points outside the workspace.`);
  }
  if (info.size > maxAssetBytes) throw new AlmanacError('VALIDATION_FAILED', `The image ${src} is over 20 MB.`);
  const mime = imageTypes[path.extname(file).toLowerCase()]!;
  return { src, dataUrl: `data:${mime};base64,${(await readFile(file)).toString('base64')}` };
}

function assetName(name: string): string {
  const ext = path.extname(name).toLowerCase();
  const stem = path
    .basename(name, path.extname(name))
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'image'}${ext}`;
}

/**
 * Store an image pasted or dropped into an article under `assets/<article>/` and return the link
 * the article uses for it. The same bytes under the same name are stored once. Throws VALIDATION_FAILED.
 */
export async function addAsset(
  ws: Workspace,
  articleId: string,
  name: string,
  bytes: Buffer,
): Promise<{ src: string }> {
  if (!articleIdSchema.safeParse(articleId).success) {
    throw new AlmanacError('VALIDATION_FAILED', `"${articleId}" is not a valid article id.`);
  }
  const ext = path.extname(name).toLowerCase();
  if (!imageTypes[ext]) {
    throw new AlmanacError('VALIDATION_FAILED', `Only images can be added (${Object.keys(imageTypes).join(', ')}).`);
  }
  if (bytes.length > maxAssetBytes) throw new AlmanacError('VALIDATION_FAILED', 'The image is over 20 MB.');
  const dir = path.join(assetsRoot(ws), articleId);
  await guardWrite(ws.root, dir, 'folder');
  await mkdir(dir, { recursive: true });
  const base = assetName(name);
  const digest = createHash('sha1').update(bytes).digest('hex').slice(0, 8);
  let file = path.join(dir, base);
  const existing = await readFile(file).catch(() => undefined);
  if (existing && !existing.equals(bytes)) file = path.join(dir, `${path.basename(base, ext)}-${digest}${ext}`);
  if (!existing?.equals(bytes)) await writeInside(ws.root, file, bytes);
  return { src: `../assets/${encodeURIComponent(articleId)}/${encodeURIComponent(path.basename(file))}` };
}
