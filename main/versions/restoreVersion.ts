import path from 'node:path';
import type { Workspace } from '../workspace/index.js';
import { atomicWrite } from '../workspace/index.js';
import { resolveVersion } from './versionHistory.js';
import { commitArticles, type CommitResult } from './versionHistory.js';
import { blobHash } from './gitRepo.js';
import { AlmanacError } from '../AlmanacError.js';
import type { Signer } from '../identity/index.js';

/**
 * Restore an old version (a commit or content-hash prefix) as a new version: history is never
 * rewritten. Unsaved edits on disk are first kept as their own version so nothing is lost.
 * `restoredFrom` is the commit brought back. Throws NOT_FOUND or NO_CHANGES.
 */
export async function restoreVersion(
  ws: Workspace,
  id: string,
  ref: string,
  author?: string | Signer,
): Promise<CommitResult & { restoredFrom: string; restoredVersion: string }> {
  const old = await resolveVersion(ws, id, ref);
  const short = (old.commit ?? old.version).slice(0, 7);
  const file = path.join(ws.articlesDir, `${id}.md`);
  try {
    await commitArticles(ws, [id], `Keep unsaved edits of ${id} before restoring ${short}`, author);
  } catch (err) {
    // NO_CHANGES: nothing unsaved; NOT_FOUND: the article was deleted and is coming back.
    if (!(err instanceof AlmanacError && (err.code === 'NO_CHANGES' || err.code === 'NOT_FOUND'))) throw err;
  }
  const current = await resolveVersion(ws, id, 'working').catch(() => undefined);
  if (current && current.version === blobHash(old.text)) {
    throw new AlmanacError('NO_CHANGES', `Article ${id} already has the text of version ${short}.`);
  }
  await atomicWrite(file, old.text);
  const result = await commitArticles(ws, [id], `Restore ${id} to version ${short}`, author, 'version.restore');
  return { ...result, restoredFrom: old.commit ?? old.version, restoredVersion: old.version };
}
