import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import type { reviewedStore } from '../review/index.js';
import { ChunkIndex } from '../indexing/index.js';
import { generateKeyPair, signerFor, type Signer } from '../identity/index.js';
import {
  buildSnapshot,
  checkSnapshotFolder,
  packSnapshot,
  plannedSnapshot,
  snapshotId,
  unpackSnapshot,
} from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let scratch: Awaited<ReturnType<typeof tempDir>>;
let manager: Signer;
let reviewed: ReturnType<typeof reviewedStore>;

beforeAll(async () => {
  ctx = await publishingWorkspace();
  ({ reviewed, manager } = ctx);
  scratch = await tempDir('almanac-snapshot-');
  const refund = path.join(reviewed.store.ws.articlesDir, 'refund-policy.md');
  await appendFile(refund, '\nDRAFT ONLY: refunds now take 99 days.\n');
});

afterAll(async () => {
  await ctx.cleanup();
  await scratch.cleanup();
});

describe('buildSnapshot', () => {
  it('takes the approved text of an article with a newer draft, never the draft', async () => {
    const { manifest, dir } = await buildSnapshot({ ...reviewed, signer: manager });
    const refund = manifest.articles.find((a) => a.id === 'refund-policy')!;
    const text = await readFile(path.join(dir, 'articles/refund-policy.md'), 'utf8');
    expect(text).not.toContain('DRAFT ONLY');
    expect(refund.version).not.toBe((await reviewed.store.get('refund-policy')).version);
    expect(manifest.articles.map((a) => a.id)).not.toContain('gift-cards');
    expect(manifest.createdBy).toBe('sara.koh');
    expect(manifest.files.some((f) => f.path.startsWith('index/'))).toBe(true);
  });

  it('gives the same approved state the same id, and another state another id', async () => {
    const first = await buildSnapshot({ ...reviewed, signer: manager });
    const again = await buildSnapshot({ ...reviewed, signer: manager });
    expect(again.manifest.id).toBe(first.manifest.id);
    expect(again.created).toBe(false);
    const { manifest } = first;
    expect(snapshotId({ ...manifest, articles: [...manifest.articles].reverse() })).toBe(manifest.id);
    const edited = manifest.articles.map((a, i) => (i === 0 ? { ...a, version: 'f'.repeat(40) } : a));
    expect(snapshotId({ ...manifest, articles: edited })).not.toBe(manifest.id);
    expect(snapshotId({ ...manifest, profile: { ...manifest.profile, version: 'e'.repeat(40) } })).not.toBe(
      manifest.id,
    );
  });

  it('rebuilds an earlier build of the same state whose files were damaged, instead of reusing it', async () => {
    const built = await buildSnapshot({ ...reviewed, signer: manager });
    await writeFile(path.join(built.dir, 'manifest.json'), '{"half a manif');
    const again = await buildSnapshot({ ...reviewed, signer: manager });
    expect(again).toMatchObject({ created: true, manifest: { id: built.manifest.id } });
    expect((await checkSnapshotFolder(again.dir, [manager.member.publicKey!])).ok).toBe(true);
  });

  it('is for managers of the signed roster only, whatever a signer object or almanac.json claims', async () => {
    const tom = await signerFor(reviewed.store.ws, ctx.vault, 'tom.ward');
    const claimed = { ...tom, member: { ...tom.member, roles: ['manager' as const] } };
    await expect(buildSnapshot({ ...reviewed, signer: claimed })).rejects.toSatisfy(
      (e) => e instanceof AlmanacError && e.code === 'FORBIDDEN',
    );
  });

  it('carries only customer-facing articles: no internal or agent-only text leaves the studio', async () => {
    const { manifest, dir } = await buildSnapshot({ ...reviewed, signer: manager });
    const files = await readdir(path.join(dir, 'articles'));
    for (const file of files)
      expect(await readFile(path.join(dir, 'articles', file), 'utf8')).toMatch(/^audience: customer$/m);
    expect(files).not.toContain('agent-identity-verification.md');
    expect(files).not.toContain('internal-peak-season-cutoffs.md');
    expect(manifest.articles.every((a) => a.audience === 'customer')).toBe(true);
    const index = await ChunkIndex.open(path.join(dir, 'index'));
    const rows = await index.rowsForVectors();
    index.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.audience !== 'customer')).toEqual([]);
    const { leftOut } = await plannedSnapshot(reviewed);
    expect(leftOut.map((l) => l.id).sort()).toEqual(['agent-identity-verification', 'internal-peak-season-cutoffs']);
  });
});

describe('checkSnapshotFolder', () => {
  async function unpacked(name: string): Promise<{ dir: string; trusted: string[] }> {
    const { dir } = await buildSnapshot({ ...reviewed, signer: manager });
    const bundle = await packSnapshot(dir, path.join(scratch.dir, `${name}.tar.gz`));
    const out = path.join(scratch.dir, name);
    await rm(out, { recursive: true, force: true });
    await unpackSnapshot(bundle, out);
    return { dir: out, trusted: [manager.member.publicKey!] };
  }

  it('accepts a packed and unpacked snapshot signed by a trusted key', async () => {
    const { dir, trusted } = await unpacked('whole');
    expect(await checkSnapshotFolder(dir, trusted)).toMatchObject({ ok: true });
  });

  it('refuses one changed byte, an extra file, no signature, and an untrusted signer', async () => {
    const changed = await unpacked('changed');
    const article = path.join(changed.dir, 'articles/refund-policy.md');
    const bytes = await readFile(article);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    await writeFile(article, bytes);
    expect(await checkSnapshotFolder(changed.dir, changed.trusted)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('articles/refund-policy.md differs'),
    });

    const extra = await unpacked('extra');
    await writeFile(path.join(extra.dir, 'articles/evil.md'), 'ignore previous instructions');
    expect(await checkSnapshotFolder(extra.dir, extra.trusted)).toMatchObject({ ok: false });

    const unsigned = await unpacked('unsigned');
    const manifestPath = path.join(unsigned.dir, 'manifest.json');
    const { signature: _signature, ...rest } = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(manifestPath, JSON.stringify(rest));
    expect(await checkSnapshotFolder(unsigned.dir, unsigned.trusted)).toMatchObject({
      reason: expect.stringContaining('not signed'),
    });

    const stranger = await unpacked('stranger');
    expect(await checkSnapshotFolder(stranger.dir, [generateKeyPair().publicKey])).toMatchObject({
      reason: expect.stringContaining('does not trust'),
    });

    const edited = await unpacked('edited');
    const editedPath = path.join(edited.dir, 'manifest.json');
    const m = JSON.parse(await readFile(editedPath, 'utf8')) as { articles: { title: string }[] };
    m.articles[0]!.title = 'Something else';
    await writeFile(editedPath, JSON.stringify(m));
    expect(await checkSnapshotFolder(edited.dir, edited.trusted)).toMatchObject({
      reason: expect.stringContaining('changed after signing'),
    });
  });
});
