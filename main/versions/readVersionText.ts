import { AlmanacError } from '../AlmanacError.js';
import type { Workspace } from '../workspace/index.js';
import { fs, git } from './gitRepo.js';

/** The text of a saved version by its content hash (NOT_FOUND when no saved version has that hash). */
export async function readVersionText(ws: Workspace, version: string): Promise<string> {
  try {
    const { blob } = await git.readBlob({ fs, dir: ws.root, oid: version });
    return Buffer.from(blob).toString('utf8');
  } catch {
    throw new AlmanacError('NOT_FOUND', `No saved version ${version.slice(0, 8)} in this workspace's history.`);
  }
}
