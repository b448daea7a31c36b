// Article images on real files: stored under the workspace's assets/<article>/ folder and read back
// for the editor, never written or read outside it.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { addAsset, imageTypes, maxAssetBytes, readAsset } from './index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

/** The first bytes of a PNG file, enough to stand for an image. */
const png = (tag = '') =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)]);
const assets = () => path.join(ctx.ws.root, 'assets');
const refused = (code: string, pattern: RegExp) => (e: unknown) =>
  e instanceof AlmanacError && e.code === code && pattern.test(e.message);
/** Every file under a folder, as paths relative to it. */
const filesUnder = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();

describe('addAsset', () => {
  it("stores an image in the article's assets folder and returns the link the article uses, read back as a data URL", async () => {
    const bytes = png('refund');
    const { src } = await addAsset(ctx.ws, 'refund-policy', 'Screenshot.PNG', bytes);
    expect(src).toBe('../assets/refund-policy/Screenshot.png');
    expect(await readFile(path.join(assets(), 'refund-policy', 'Screenshot.png'))).toEqual(bytes);
    expect(await readAsset(ctx.ws, src)).toEqual({ src, dataUrl: `data:image/png;base64,${bytes.toString('base64')}` });
    // The same file, linked from the workspace root rather than from an article.
    expect((await readAsset(ctx.ws, 'assets/refund-policy/Screenshot.png?v=2#top')).dataUrl).toMatch(
      /^data:image\/png;base64,/,
    );
  });

  it('stores the same bytes under the same name once, and other bytes under that name beside them', async () => {
    const first = await addAsset(ctx.ws, 'shipping', 'map.jpg', Buffer.from('one'));
    expect(await addAsset(ctx.ws, 'shipping', 'map.jpg', Buffer.from('one'))).toEqual(first);
    const other = await addAsset(ctx.ws, 'shipping', 'map.jpg', Buffer.from('two'));
    expect(other.src).toMatch(/^\.\.\/assets\/shipping\/map-[0-9a-f]{8}\.jpg$/);
    expect(await filesUnder(assets())).toEqual(
      ['shipping/map.jpg', path.join('shipping', path.basename(other.src))].sort(),
    );
    expect(await readFile(path.join(assets(), 'shipping/map.jpg'), 'utf8')).toBe('one');
    expect((await readAsset(ctx.ws, other.src)).dataUrl).toBe(`data:image/jpeg;base64,${btoa('two')}`);
  });

  it('makes a safe file name of any name given, keeping letters of every script', async () => {
    expect((await addAsset(ctx.ws, 'faq', 'My photo (1).png', png())).src).toBe('../assets/faq/My-photo-1.png');
    const chinese = await addAsset(ctx.ws, 'faq', '退款 截图.webp', png());
    expect(chinese.src).toBe(`../assets/faq/${encodeURIComponent('退款-截图.webp')}`);
    expect((await readAsset(ctx.ws, chinese.src)).dataUrl).toMatch(/^data:image\/webp;base64,/);
    // Only the last part of a name counts: a name cannot lead out of the article's folder.
    expect((await addAsset(ctx.ws, 'faq', '../../../outside.gif', png())).src).toBe('../assets/faq/outside.gif');
    expect((await addAsset(ctx.ws, 'faq', '???.png', png('x'))).src).toBe('../assets/faq/image.png');
    expect(await filesUnder(assets())).toEqual(
      ['faq/My-photo-1.png', 'faq/image.png', 'faq/outside.gif', 'faq/退款-截图.webp'].sort(),
    );
    expect(await filesUnder(ctx.dir)).not.toContain('outside.gif');
  });

  it('refuses an article id that would lead out of the assets folder', async () => {
    for (const id of ['../escape', '/tmp/escape', 'a/../../escape', ''])
      await expect(addAsset(ctx.ws, id, 'shot.png', png())).rejects.toSatisfy(
        refused('VALIDATION_FAILED', /is not a valid article id/),
      );
    expect(await filesUnder(ctx.dir)).not.toContainEqual(expect.stringContaining('shot.png'));
  });

  it('refuses a file that is not an image by its name, naming the types it takes', async () => {
    for (const name of ['notes.txt', 'shot.png.html', 'shot', 'photo.heic'])
      await expect(addAsset(ctx.ws, 'faq', name, png())).rejects.toSatisfy(
        refused('VALIDATION_FAILED', /^Only images can be added \(\.png, \.jpg, .*\.bmp\)\.$/),
      );
    expect(Object.keys(imageTypes)).toEqual(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.avif', '.bmp']);
    expect(await filesUnder(assets())).toEqual([]);
  });

  it('refuses an image over 20 MB, and takes one of exactly 20 MB', async () => {
    expect(maxAssetBytes).toBe(20 * 1024 * 1024);
    await expect(addAsset(ctx.ws, 'faq', 'huge.png', Buffer.alloc(maxAssetBytes + 1))).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /over 20 MB/),
    );
    expect(await filesUnder(assets())).toEqual([]);
    await addAsset(ctx.ws, 'faq', 'big.png', Buffer.alloc(maxAssetBytes));
    expect(await filesUnder(assets())).toEqual(['faq/big.png']);
  });

  it("never writes through a symbolic link in the article's place", async () => {
    const outside = path.join(ctx.dir, 'outside');
    await mkdir(outside);
    await mkdir(assets(), { recursive: true });
    await symlink(outside, path.join(assets(), 'faq'));
    await expect(addAsset(ctx.ws, 'faq', 'shot.png', png())).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /assets\/faq is a symbolic link/),
    );
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('readAsset', () => {
  it('refuses a link that leads out of the assets folder or to a file that is not an image', async () => {
    await addAsset(ctx.ws, 'faq', 'shot.png', png());
    await writeFile(path.join(ctx.ws.root, 'secret.png'), png('secret'));
    for (const src of [
      '../assets/../secret.png',
      '../secret.png',
      '../../outside.png',
      '../assets/%2e%2e/secret.png',
      '/etc/passwd.png',
      '../assets/faq',
      '../assets/',
      '../almanac.json',
    ])
      await expect(readAsset(ctx.ws, src)).rejects.toSatisfy(
        refused('VALIDATION_FAILED', /is not an image in this workspace's assets folder/),
      );
  });

  it('says NOT_FOUND for a missing image, and refuses one reached through a link to outside', async () => {
    await expect(readAsset(ctx.ws, '../assets/faq/missing.png')).rejects.toSatisfy(
      refused('NOT_FOUND', /missing\.png is not in the workspace/),
    );
    const outside = path.join(ctx.dir, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.png'), png('secret'));
    await mkdir(assets(), { recursive: true });
    // A folder linked to outside: the file is found, then refused for where it really is.
    await symlink(outside, path.join(assets(), 'linked'));
    await expect(readAsset(ctx.ws, '../assets/linked/secret.png')).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /points outside the workspace/),
    );
    // A file linked to outside is no image file of the workspace.
    await mkdir(path.join(assets(), 'faq'));
    await symlink(path.join(outside, 'secret.png'), path.join(assets(), 'faq', 'secret.png'));
    await expect(readAsset(ctx.ws, '../assets/faq/secret.png')).rejects.toSatisfy(refused('NOT_FOUND', /secret\.png/));
  });

  it('refuses an image over 20 MB put in the folder by hand', async () => {
    await mkdir(path.join(assets(), 'faq'), { recursive: true });
    await writeFile(path.join(assets(), 'faq', 'huge.png'), Buffer.alloc(maxAssetBytes + 1));
    await expect(readAsset(ctx.ws, '../assets/faq/huge.png')).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /huge\.png is over 20 MB/),
    );
  });
});
