import type { Member } from '../workspace/workspaceConfig.js';

/** The keys snapshots may be signed with: the current and retired keys of the signed roster's managers. */
export function publisherKeys(roster: Member[]): string[] {
  const keys = roster
    .filter((m) => m.roles.includes('manager'))
    .flatMap((m) => [m.publicKey, ...m.retiredKeys.map((r) => r.publicKey)])
    .filter((k): k is string => Boolean(k));
  return [...new Set(keys)];
}
