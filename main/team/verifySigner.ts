import type { Member } from '../workspace/workspaceConfig.js';
import { verifyValue } from './keys.js';

export type SignatureCheck = { ok: true; member: Member } | { ok: false; reason: string };

/**
 * Whether `signature` over `value` is `memberId`'s, by the roster: the member's current key, or a
 * retired key when the value was signed (its `time`) before that key was retired.
 */
export function checkSignature(
  team: Member[],
  memberId: string,
  value: unknown,
  signature: string | undefined,
  time: string,
): SignatureCheck {
  const member = team.find((m) => m.id === memberId);
  if (!member) return { ok: false, reason: `${memberId} is not on the team` };
  if (!signature) return { ok: false, reason: 'not signed' };
  if (member.publicKey && verifyValue(value, signature, member.publicKey)) return { ok: true, member };
  for (const old of member.retiredKeys)
    if (verifyValue(value, signature, old.publicKey))
      return time <= old.retired
        ? { ok: true, member }
        : { ok: false, reason: `signed with ${member.name}'s key retired on ${old.retired.slice(0, 10)}` };
  return { ok: false, reason: `the signature is not ${member.name}'s` };
}
