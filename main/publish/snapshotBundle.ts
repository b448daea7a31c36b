import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';

/** Pack a snapshot folder into one gzipped tar file, the form in which it travels to an agent. */
export async function packSnapshot(dir: string, file: string): Promise<string> {
  const entries = await readdir(dir);
  await tar.c({ gzip: true, file, cwd: dir, portable: true, noMtime: true }, entries);
  return file;
}

/**
 * Unpack a snapshot bundle into an empty folder: plain files and folders only (links and devices
 * are dropped), nothing outside the folder. The caller checks the result with `checkSnapshotFolder`.
 */
export async function unpackSnapshot(file: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await tar.x({
    file,
    cwd: dir,
    strict: true,
    preservePaths: false,
    filter: (_path, entry) => {
      const type = 'type' in entry ? entry.type : undefined;
      return type === 'File' || type === 'Directory' || type === 'OldFile';
    },
  });
}

/** The bundle file name of a snapshot. */
export function bundleName(id: string): string {
  return path.basename(`${id}.tar.gz`);
}
