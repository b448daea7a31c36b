import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { fs, git } from '../versions/index.js';
import { openWorkspace } from '../session/index.js';
import { type Workspace } from '../workspace/index.js';
import { advancePin } from '../audit/index.js';
import { trustError, trustOf } from '../trust/index.js';
import type { HttpAuth } from './httpTransport.js';
import { RemoteUnreachable } from './RemoteUnreachable.js';
import { linksInCommit } from './linksInCommit.js';
import { normalizeRemote, openTransport } from './transport.js';

/**
 * Make a new workspace in an empty or missing folder from a remote's main (a bare repository path
 * or an http(s) URL), with the remote saved for sync. Throws CONFLICT when the folder has files,
 * NOT_FOUND when the remote is unreachable or has no workspace yet.
 */
export async function cloneWorkspace(
  remote: string,
  dir: string,
  options: { auth?: HttpAuth } = {},
): Promise<Workspace> {
  const url = normalizeRemote(remote);
  const root = path.resolve(dir);
  if ((await readdir(root).catch(() => [])).length > 0) {
    throw new AlmanacError('CONFLICT', `${root} is not empty. Choose an empty or new folder.`);
  }
  await mkdir(root, { recursive: true });
  try {
    await git.init({ fs, dir: root, defaultBranch: 'main' });
    await git.addRemote({ fs, dir: root, remote: 'origin', url });
    const head = await openTransport(root, url, options.auth).fetch();
    if (!head) throw new AlmanacError('NOT_FOUND', `${url} has no workspace yet. Sync a workspace to it first.`);
    const links = await linksInCommit(root, head);
    if (links.length)
      throw new AlmanacError(
        'VALIDATION_FAILED',
        `${url} carries symbolic links (${links.slice(0, 5).join(', ')}${links.length > 5 ? ', …' : ''}), which Almanac never creates in a workspace: a link could make it write outside it. Nothing was cloned; ask the team to replace them with plain files.`,
        { links },
      );
    await git.writeRef({ fs, dir: root, ref: 'refs/heads/main', value: head, force: true });
    await git.writeRef({ fs, dir: root, ref: 'refs/remotes/origin/main', value: head, force: true });
    await git.checkout({ fs, dir: root, ref: 'main', force: true });
  } catch (err) {
    for (const name of await readdir(root)) await rm(path.join(root, name), { recursive: true, force: true });
    if (err instanceof RemoteUnreachable)
      throw new AlmanacError('NOT_FOUND', `${err.message} Check the path or the network.`);
    throw err;
  }
  const ws = await openWorkspace(root);
  // The team's root is pinned here on first use; a remote whose chain does not verify is not cloned.
  const trust = await trustOf(ws);
  if (!trust.ok) {
    for (const name of await readdir(root)) await rm(path.join(root, name), { recursive: true, force: true });
    throw trustError(trust);
  }
  await advancePin(ws, trust);
  return ws;
}
