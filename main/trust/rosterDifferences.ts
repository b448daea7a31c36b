import type { Member } from '../workspace/index.js';
import { keyFingerprint } from '../identity/index.js';

/** A way almanac.json's copy of the roster differs from the roster the signed entries build. */
export interface RosterDifference {
  member: string;
  says: string;
}

const fp = (key?: string) => (key ? keyFingerprint(key) : 'no key');
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * Compare the roster cached in almanac.json with the signed one. Any difference is a hand edit (or a
 * stale copy): reported, never trusted.
 */
export function rosterDifferences(cached: Member[], signed: Member[]): RosterDifference[] {
  const out: RosterDifference[] = [];
  const byId = new Map(signed.map((m) => [m.id, m]));
  for (const c of cached) {
    const s = byId.get(c.id);
    if (!s) {
      out.push({ member: c.id, says: `almanac.json lists ${c.id}, who is not on the signed roster` });
      continue;
    }
    if (!sameSet(c.roles, s.roles))
      out.push({
        member: c.id,
        says: `almanac.json gives ${c.id} the roles ${c.roles.join(', ')}; the signed roster gives ${s.roles.join(', ')}`,
      });
    if (c.publicKey !== s.publicKey)
      out.push({
        member: c.id,
        says: `almanac.json gives ${c.id} the key ${fp(c.publicKey)}; the signed roster holds ${fp(s.publicKey)}`,
      });
    const retired = (m: Member) => m.retiredKeys.map((k) => `${k.publicKey}@${k.retired}`);
    if (!sameSet(retired(c), retired(s)))
      out.push({ member: c.id, says: `almanac.json lists other retired keys for ${c.id} than the signed roster` });
  }
  const listed = new Set(cached.map((m) => m.id));
  for (const s of signed)
    if (!listed.has(s.id))
      out.push({ member: s.id, says: `almanac.json does not list ${s.id}, who is on the signed roster` });
  return out;
}
