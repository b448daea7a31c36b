import { listVersions, type ArticleVersion } from '../versions/index.js';
import type { Workspace } from '../workspace/Workspace.js';
import type { Member } from '../workspace/workspaceConfig.js';

/** The roster member behind a git author (by e-mail, then by name), or a tag no member id can equal. */
export function memberOfAuthor(team: Member[], author: { name: string; email: string }): string {
  const email = author.email.toLowerCase();
  const byEmail = team.find((m) => (m.email ?? `${m.id}@almanac.local`).toLowerCase() === email);
  const byName = team.find((m) => m.name === author.name);
  return (byEmail ?? byName)?.id ?? `git:${author.email}`;
}

/**
 * Who wrote each version of an article: the authors of every commit since the previous approved
 * version up to the commit that first produced it. `approved` are versions with an approval.
 */
export function authorsByVersion(
  team: Member[],
  versions: ArticleVersion[],
  approved: Set<string>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let since = new Set<string>();
  for (const v of versions.toReversed()) {
    since.add(memberOfAuthor(team, v.author));
    if (!v.version) continue;
    if (!out.has(v.version)) out.set(v.version, new Set(since));
    if (approved.has(v.version)) since = new Set();
  }
  return out;
}

const cache = new Map<string, { key: string; authors: Map<string, Set<string>> }>();

/** `authorsByVersion` for one article from its history; cached until its history or approvals change. */
export async function articleAuthors(
  ws: Workspace,
  id: string,
  approved: Set<string>,
  newestVersion?: string,
): Promise<Map<string, Set<string>>> {
  const key = `${[...approved].sort().join(',')}|${newestVersion ?? ''}`;
  const hit = cache.get(`${ws.root}\0${id}`);
  if (hit && hit.key === key && (!newestVersion || hit.authors.has(newestVersion))) return hit.authors;
  const authors = authorsByVersion(ws.config.team, await listVersions(ws, id), approved);
  cache.set(`${ws.root}\0${id}`, { key, authors });
  return authors;
}
