import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { atomicWrite, withLock } from '../workspace/index.js';
import { RemoteUnreachable } from './RemoteUnreachable.js';
import type { Transport } from './transport.js';

const branch = 'refs/heads/main';

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

/** Copy a file whole under its final name: a reader sees it complete or not at all. */
async function copyWhole(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await atomicWrite(to, await readFile(from));
}

/**
 * Copy the objects `to` lacks from one objects folder to another: loose objects and pack files.
 * Objects are named by their content, so copying never changes what a name means.
 */
export async function copyObjects(fromObjects: string, toObjects: string): Promise<number> {
  await mkdir(toObjects, { recursive: true });
  let copied = 0;
  for (const prefix of await names(fromObjects)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    const have = new Set(await names(path.join(toObjects, prefix)));
    for (const rest of await names(path.join(fromObjects, prefix))) {
      if (!/^[0-9a-f]{38}$/.test(rest) || have.has(rest)) continue;
      await copyWhole(path.join(fromObjects, prefix, rest), path.join(toObjects, prefix, rest));
      copied++;
    }
  }
  const packs = path.join(fromObjects, 'pack');
  const havePacks = new Set(await names(path.join(toObjects, 'pack')));
  // Each .pack goes before its .idx, since readers find packs through their index.
  for (const idx of (await names(packs)).filter((n) => /^pack-[0-9a-f]+\.idx$/.test(n))) {
    for (const file of [idx.replace(/\.idx$/, '.pack'), idx]) {
      if (havePacks.has(file)) continue;
      await copyWhole(path.join(packs, file), path.join(toObjects, 'pack', file));
      copied++;
    }
  }
  return copied;
}

/** The commit a repository's branch main points at (loose ref, else packed-refs), or null. */
export async function readMain(gitdir: string): Promise<string | null> {
  const loose = await readFile(path.join(gitdir, branch), 'utf8').catch(() => undefined);
  if (loose !== undefined) return loose.trim() || null;
  const packed = await readFile(path.join(gitdir, 'packed-refs'), 'utf8').catch(() => '');
  const line = packed.split('\n').find((l) => l.endsWith(` ${branch}`));
  return line ? line.split(' ')[0]! : null;
}

/**
 * Move a bare repository's main from `expected` to `next` holding `refs/heads/main.lock` (a lock
 * folder: git refuses to push while it is there, as Almanac refuses while git holds its lock file);
 * false when main no longer points at `expected`.
 */
export async function compareAndSwapMain(gitdir: string, expected: string | null, next: string): Promise<boolean> {
  const ref = path.join(gitdir, branch);
  const lock = `${ref}.lock`;
  try {
    // Held for one read and one write; the holder refreshes it, so one 10 s old was left by a crashed sync.
    return await withLock(
      gitdir,
      'main',
      async (held) => {
        if ((await readMain(gitdir)) !== expected) return false;
        held();
        await atomicWrite(ref, `${next}\n`);
        return true;
      },
      {
        staleMs: 10_000,
        waitMs: 5_000,
        at: lock,
        busy: `Another sync is pushing to this remote (${lock} exists). Sync again in a moment.`,
      },
    );
  } catch (err) {
    // git's lock (and an older Almanac's) is a file: a stale one stays until someone removes it, as git asks.
    if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
    throw new AlmanacError(
      'CONFLICT',
      `${lock} was left by a push that stopped (git's, or an older Almanac's). If nothing is pushing to this remote, remove that file and sync again.`,
    );
  }
}

async function bareObjects(remote: string): Promise<string> {
  try {
    await stat(remote);
  } catch (err) {
    throw new RemoteUnreachable(remote, err);
  }
  const objects = path.join(remote, 'objects');
  const isBare = await stat(path.join(remote, 'HEAD')).then(
    () =>
      stat(objects).then(
        () => true,
        () => false,
      ),
    () => false,
  );
  if (!isBare) {
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${remote} is not a bare git repository. Create one with: git init --bare ${remote}`,
    );
  }
  return objects;
}

/** Sync with a bare repository in a folder (a shared drive, a USB disk): isomorphic-git has no file transport. */
export function localTransport(dir: string, remote: string): Transport {
  const ourObjects = path.join(dir, '.git', 'objects');
  return {
    async fetch() {
      await copyObjects(await bareObjects(remote), ourObjects);
      return readMain(remote);
    },
    async push(next, expected) {
      await copyObjects(ourObjects, await bareObjects(remote));
      return compareAndSwapMain(remote, expected, next);
    },
  };
}
