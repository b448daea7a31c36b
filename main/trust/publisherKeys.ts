import { can } from '../policy/index.js';
import type { Member } from '../workspace/index.js';

/** The keys snapshots may be signed with: the current and retired keys of the signed roster's managers. */
export function publisherKeys(roster: Member[]): string[] {
  const keys = roster
    .filter((m) => can(m, 'snapshot.publish'))
    .flatMap((m) => [m.publicKey, ...m.retiredKeys.map((r) => r.publicKey)])
    .filter((k): k is string => Boolean(k));
  return [...new Set(keys)];
}
