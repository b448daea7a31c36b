import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlmanacError } from '../AlmanacError.js';
import { httpTransport, type HttpAuth } from './httpTransport.js';
import { localTransport } from './localTransport.js';

/** Moves commits between the workspace's repository and one remote's branch main. */
export interface Transport {
  /** Bring in the remote's objects; resolves to its main commit, or null when it has none yet. */
  fetch(): Promise<string | null>;
  /** Send our objects and move the remote's main from `expected` to `next`; false if it moved meanwhile. */
  push(next: string, expected: string | null): Promise<boolean>;
}

export const isHttpRemote = (remote: string) => /^https?:\/\//i.test(remote);

/** A remote as saved in .git/config: an http(s) URL, or an absolute path. Throws VALIDATION_FAILED. */
export function normalizeRemote(remote: string): string {
  const trimmed = remote.trim();
  if (isHttpRemote(trimmed)) return trimmed;
  if (trimmed.startsWith('file://')) return fileURLToPath(trimmed);
  if (!path.isAbsolute(trimmed)) {
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `The remote "${remote}" is neither an http(s) URL nor an absolute path to a bare repository.`,
    );
  }
  return path.normalize(trimmed);
}

/** A remote as named in messages and commits: an URL's user name and password left out. */
export function displayRemote(remote: string): string {
  if (!isHttpRemote(remote)) return remote;
  const url = new URL(remote);
  url.username = '';
  url.password = '';
  return url.toString();
}

/** The transport for a normalized remote. */
export function openTransport(dir: string, remote: string, auth?: HttpAuth): Transport {
  return isHttpRemote(remote) ? httpTransport(dir, remote, auth) : localTransport(dir, remote);
}
