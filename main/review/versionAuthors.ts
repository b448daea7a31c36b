import type { ChainEvent } from '../trust/index.js';
import { listVersions } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';

/** Whoever saved text of an article before the team existed (nobody signed in). */
export const unknownAuthor = '(unsigned)';

/**
 * Who wrote each version of an article, from the signed saves of the audit chain (never from git's
 * author, which anyone can set): every member who saved a text of it since the last approved
 * version, up to the save that first produced this one. `approved` are versions with an approval.
 */
export function authorsByVersion(
  articleId: string,
  events: Pick<ChainEvent, 'action' | 'actor' | 'subject' | 'details'>[],
  approved: Set<string>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let since = new Set<string>();
  for (const e of events) {
    if (e.action === 'review.approve' && e.subject === articleId) {
      const version = e.details?.version;
      if (typeof version === 'string' && approved.has(version)) since = new Set();
      continue;
    }
    const versions = e.details?.versions as Record<string, unknown> | undefined;
    const version = versions?.[articleId];
    if (typeof version !== 'string') continue;
    since.add(e.actor ?? unknownAuthor);
    if (!out.has(version)) out.set(version, new Set(since));
  }
  return out;
}

const saved = new Map<string, { newest?: string; versions: Set<string> }>();

/** The content hashes of every saved version of an article in git history; cached until a newer one appears. */
export async function savedVersions(ws: Workspace, id: string, newestVersion?: string): Promise<Set<string>> {
  const key = `${ws.root}\0${id}`;
  const hit = saved.get(key);
  if (hit && (!newestVersion || hit.versions.has(newestVersion))) return hit.versions;
  const versions = new Set((await listVersions(ws, id)).map((v) => v.version).filter((v): v is string => v !== null));
  saved.set(key, { newest: newestVersion, versions });
  return versions;
}

/** Forget the saved versions of an article (after a commit or sync). */
export function forgetSavedVersions(ws: Workspace, id?: string): void {
  if (id) saved.delete(`${ws.root}\0${id}`);
  else for (const key of saved.keys()) if (key.startsWith(`${ws.root}\0`)) saved.delete(key);
}
