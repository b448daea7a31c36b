import { randomBytes } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Write a file so that a crash leaves either the old or the new content, never a mix: the one way
 * Almanac replaces a file (a synced temp file renamed over it). `mode` sets its permissions (`0o600`
 * for keys and tokens); without it an existing file keeps its own.
 */
export async function atomicWrite(
  file: string,
  content: string | Uint8Array,
  { mode }: { mode?: number } = {},
): Promise<void> {
  await writeFileAtomic(file, typeof content === 'string' ? content : Buffer.from(content), {
    fsync: true,
    ...(mode === undefined ? {} : { mode }),
  });
}

/** Temp files of atomic writes: write-file-atomic's `<name>.<number>` and ours `.<name>.<hex>.tmp`. */
export const atomicTempFile = /(\.md\.\d+|^\..+\.[0-9a-f]{12}\.tmp)$/;

/**
 * Create a file whole, or not at all if it already exists: the content is written and synced to a
 * temp file, then hard-linked to its name, which fails when the name is taken. Returns false then.
 */
export async function atomicCreate(file: string, content: string | Uint8Array): Promise<boolean> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
