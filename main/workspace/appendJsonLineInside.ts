import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { appendJsonLine } from './jsonLines.js';
import { guardWrite } from './workspaceFiles.js';

/**
 * `appendJsonLine` for a workspace file, never through a symbolic link: the folders on the way are
 * checked, and the file is opened with O_NOFOLLOW so a link swapped in meanwhile is refused too
 * (VALIDATION_FAILED, as `appendInside`).
 */
export async function appendJsonLineInside(root: string, file: string, value: unknown): Promise<void> {
  await guardWrite(root, file);
  await mkdir(path.dirname(file), { recursive: true });
  await guardWrite(root, file);
  try {
    await appendJsonLine(file, value, { noFollow: true });
  } catch (err) {
    // A link swapped in since the check: guardWrite names it.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') await guardWrite(root, file);
    throw err;
  }
}
