import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import fs from 'node:fs';
import git from 'isomorphic-git';

const isOid = (s: string) => /^[0-9a-f]{40}$/.test(s);

async function readableCommit(dir: string, oid: string): Promise<boolean> {
  try {
    await git.readCommit({ fs, dir, oid });
    return true;
  } catch {
    return false;
  }
}

/** Newest commit object on disk that no other commit names as parent: the lost branch tip. */
async function newestTip(dir: string): Promise<string | undefined> {
  const objects = path.join(dir, '.git', 'objects');
  const commits = new Map<string, { time: number; parents: string[] }>();
  for (const prefix of await readdir(objects).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const rest of await readdir(path.join(objects, prefix)).catch(() => [] as string[])) {
      const oid = prefix + rest;
      try {
        const { commit } = await git.readCommit({ fs, dir, oid });
        commits.set(oid, { time: commit.committer.timestamp, parents: commit.parent });
      } catch {
        // Not a commit, or unreadable.
      }
    }
  }
  const parents = new Set([...commits.values()].flatMap((c) => c.parents));
  const tips = [...commits].filter(([oid]) => !parents.has(oid)).sort((a, b) => b[1].time - a[1].time);
  return tips[0]?.[0];
}

/** The last commit a reflog recorded for the branch, if it is still readable. */
async function fromReflog(dir: string, ref: string): Promise<string | undefined> {
  for (const log of [path.join(dir, '.git', 'logs', ref), path.join(dir, '.git', 'logs', 'HEAD')]) {
    const lines = (await readFile(log, 'utf8').catch(() => '')).trim().split('\n').reverse();
    for (const line of lines) {
      const oid = line.split(' ')[1];
      if (oid && isOid(oid) && (await readableCommit(dir, oid))) return oid;
    }
  }
  return undefined;
}

const lastHeadFile = (dir: string) => path.join(dir, '.almanac', 'last-head');

/** Remember where the branch was after git work, to notice it moving backwards later. */
export async function rememberHead(dir: string): Promise<void> {
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' }).catch(() => undefined);
  if (!head) return;
  if ((await readFile(lastHeadFile(dir), 'utf8').catch(() => '')).trim() === head) return;
  await mkdir(path.dirname(lastHeadFile(dir)), { recursive: true });
  await writeFile(lastHeadFile(dir), `${head}\n`);
}

/** Commits the branch was at before: the last head Almanac saw, and git's reflog (real git writes one). */
async function earlierHeads(dir: string, ref: string): Promise<{ oid: string; from: string }[]> {
  const out: { oid: string; from: string }[] = [];
  const seen = (await readFile(lastHeadFile(dir), 'utf8').catch(() => '')).trim();
  if (isOid(seen)) out.push({ oid: seen, from: 'the last head Almanac saw' });
  const log = (await readFile(path.join(dir, '.git', 'logs', ref), 'utf8').catch(() => '')).trim().split('\n');
  for (const line of log.reverse()) {
    const [before, after] = line.split(' ');
    for (const oid of [after, before])
      if (oid && isOid(oid) && !/^0+$/.test(oid)) out.push({ oid, from: 'its reflog' });
    if (out.length > 20) break;
  }
  return out;
}

/**
 * A branch that moved backwards (reset to an older commit, by hand or by a tool) orphans the commits
 * after it. Point it at the newest earlier head that still descends from where it is now: nothing is
 * lost, and the notice says so.
 */
async function restoreRewound(dir: string, ref: string): Promise<string | undefined> {
  const current = await git.resolveRef({ fs, dir, ref }).catch(() => undefined);
  if (!current) return undefined;
  for (const { oid, from } of await earlierHeads(dir, ref)) {
    if (oid === current || !(await readableCommit(dir, oid))) continue;
    if (!(await git.isDescendent({ fs, dir, oid, ancestor: current, depth: -1 }).catch(() => false))) continue;
    const lost = (await git.log({ fs, dir, ref: oid })).findIndex((c) => c.oid === current);
    await writeFile(path.join(dir, '.git', ref), `${oid}\n`);
    return `${ref} had moved back to ${current.slice(0, 7)}, ${lost} commit(s) behind ${oid.slice(0, 7)} (${from}); it points at ${oid.slice(0, 7)} again and no commit was lost`;
  }
  return undefined;
}

/**
 * Check HEAD, the branch ref and the index before git writes, and repair what the object store
 * still allows: a damaged HEAD points back at the branch, a damaged branch ref at its last tip
 * (reflog, else the newest unparented commit), a branch moved backwards at the head it had, a
 * damaged index is rebuilt from HEAD. Returns what
 * was repaired; throws INTERNAL with how to repair by hand when history cannot be found.
 */
export async function repairRepository(dir: string): Promise<string[]> {
  const gitDir = path.join(dir, '.git');
  const repaired: string[] = [];
  const headText = await readFile(path.join(gitDir, 'HEAD'), 'utf8').catch(() => undefined);
  if (headText === undefined) return repaired;
  let ref = /^ref: (refs\/heads\/[^\s]+)\s*$/.exec(headText)?.[1];
  if (!ref && !isOid(headText.trim())) {
    ref = 'refs/heads/main';
    await writeFile(path.join(gitDir, 'HEAD'), `ref: ${ref}\n`);
    repaired.push('.git/HEAD was damaged; it points at refs/heads/main again');
  }
  if (ref) {
    const refFile = path.join(gitDir, ref);
    const current = (await readFile(refFile, 'utf8').catch(() => undefined))?.trim();
    const packed = await git.resolveRef({ fs, dir, ref }).catch(() => undefined);
    const ok = current !== undefined ? isOid(current) && (await readableCommit(dir, current)) : packed !== undefined;
    if (!ok) {
      const tip = (await fromReflog(dir, ref)) ?? (await newestTip(dir));
      if (!tip) {
        if (current === undefined && packed === undefined) return repaired;
        throw new AlmanacError(
          'INTERNAL',
          `The history branch ${ref} is damaged and no commit to restore it from was found. Restore .git from a backup or a teammate's copy (almanac sync).`,
        );
      }
      await writeFile(refFile, `${tip}\n`);
      repaired.push(`${ref} was damaged; it points at its last commit ${tip.slice(0, 7)} again`);
    }
    const rewound = await restoreRewound(dir, ref);
    if (rewound) repaired.push(rewound);
  }
  try {
    await git.listFiles({ fs, dir });
  } catch {
    await rm(path.join(gitDir, 'index'), { force: true });
    const files = await git.listFiles({ fs, dir, ref: 'HEAD' }).catch(() => [] as string[]);
    for (const filepath of files) await git.resetIndex({ fs, dir, filepath });
    repaired.push(`.git/index was damaged; it was rebuilt from the last commit (${files.length} files)`);
  }
  return repaired;
}

/**
 * At open: a branch moved backwards since Almanac last saw it is reported and moved forward again
 * (no lock needed: it only ever moves the branch to a descendant of where it is). Returns notices.
 */
export async function checkBranch(dir: string): Promise<string[]> {
  const headText = await readFile(path.join(dir, '.git', 'HEAD'), 'utf8').catch(() => undefined);
  const ref = headText ? /^ref: (refs\/heads\/[^\s]+)\s*$/.exec(headText)?.[1] : undefined;
  if (!ref) return [];
  const rewound = await restoreRewound(dir, ref);
  await rememberHead(dir);
  return rewound ? [rewound] : [];
}
