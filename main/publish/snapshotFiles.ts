import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkManifest, manifestFile, sha256, type SignedManifest, type SnapshotFile } from './snapshotManifest.js';

/** Every regular file under a snapshot folder with its hash, by path relative to the folder (manifest.json left out). */
export async function listSnapshotFiles(dir: string): Promise<SnapshotFile[]> {
  const out: SnapshotFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (entry.isSymbolicLink()) throw new Error(`${rel} is a symbolic link; a snapshot holds plain files only.`);
    if (!entry.isFile() || rel === manifestFile) continue;
    const bytes = await readFile(full);
    out.push({ path: rel, sha256: sha256(bytes), bytes: bytes.length });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export type SnapshotCheck = { ok: true; manifest: SignedManifest } | { ok: false; reason: string };

/**
 * Check an unpacked snapshot: a trusted signature over its manifest, and exactly the files the
 * manifest lists, byte for byte (one changed byte, a missing or an extra file is refused).
 */
export async function checkSnapshotFolder(dir: string, trusted: string[]): Promise<SnapshotCheck> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path.join(dir, manifestFile), 'utf8'));
  } catch {
    return { ok: false, reason: 'The snapshot has no readable manifest.json.' };
  }
  const checked = checkManifest(value, trusted);
  if (!checked.ok) return checked;
  let files: SnapshotFile[];
  try {
    files = await listSnapshotFiles(dir);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const listed = new Map(checked.manifest.files.map((f) => [f.path, f]));
  for (const f of files) {
    const expected = listed.get(f.path);
    if (!expected) return { ok: false, reason: `The snapshot holds ${f.path}, which its manifest does not list.` };
    if (expected.sha256 !== f.sha256) return { ok: false, reason: `${f.path} differs from the signed manifest.` };
    listed.delete(f.path);
  }
  const missing = [...listed.keys()][0];
  if (missing) return { ok: false, reason: `The snapshot is missing ${missing}.` };
  return checked;
}
