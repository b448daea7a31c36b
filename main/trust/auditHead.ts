import { z } from 'zod';
import { signValue, verifyValue } from '../identity/index.js';
import type { ChainVerifier, TeamRoot } from './ChainVerifier.js';

/** The newest point of the log a member vouches for: how many entries, and the hash of the last one. */
export const auditHeadSchema = z.object({
  entries: z.number().int().nonnegative(),
  hash: z.string(),
  actor: z.string().nullable(),
  time: z.string(),
  sig: z.string().optional(),
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

export function signHead(
  point: { entries: number; hash: string },
  signer: { member: { id: string }; privateKeyPem: string } | undefined,
  time = new Date().toISOString(),
): AuditHead {
  const body = { entries: point.entries, hash: point.hash, actor: signer?.member.id ?? null, time };
  return signer ? { ...body, sig: signValue(body, signer.privateKeyPem) } : body;
}

/**
 * Whether the log holds what its signed head vouches for. Entries after the head are fine (each is
 * signed, and a crash can fall between an entry and its head); fewer entries, or others in its
 * place, are not. Once the team exists the head must be signed by a member's key in force there.
 */
export function checkHead(head: AuditHead | undefined, chain: ChainVerifier): string | undefined {
  if (!head) {
    return chain.formed
      ? 'audit/head.json is missing, so nothing vouches for the newest entries (a truncated log looks like this)'
      : undefined;
  }
  if (head.entries > chain.entries)
    return `the log has ${chain.entries} entries, but its signed head vouches for ${head.entries}: entries were removed from the end`;
  if (chain.hashAt(head.entries) !== head.hash)
    return `entry ${head.entries} is not the one the signed head vouches for: entries were removed, inserted or re-hashed`;
  const formedBy = chain.events.find((e) => e.action === 'team.join')?.seq;
  if (formedBy === undefined || formedBy >= head.entries) return undefined;
  if (!head.actor || !head.sig) return 'the head of the log is not signed, though the team exists';
  // Signed with the last entry: by a key that could sign it, or one that entry made current (a renewed key).
  const { sig, ...body } = head;
  const keys = [chain.keyOf(head.actor, head.entries - 1), chain.keyOf(head.actor, head.entries)];
  if (!keys.some((key) => key && verifyValue(body, sig, key)))
    return `the head of the log is not signed by ${head.actor}'s key`;
  return undefined;
}

/** What this clone remembers of the log: its root and how many entries it has seen (never fewer later). */
export const trustPinSchema = z.object({
  root: z.object({ member: z.string(), publicKey: z.string() }).optional(),
  entries: z.number().int().nonnegative().default(0),
});
export type TrustPin = z.infer<typeof trustPinSchema>;

export function checkPin(pin: TrustPin, chain: ChainVerifier): string | undefined {
  const root: TeamRoot | undefined = chain.root;
  if (pin.root && (!root || root.member !== pin.root.member || root.publicKey !== pin.root.publicKey))
    return `the team's root is no longer the one this clone pinned (${pin.root.member}): the audit log was replaced`;
  if (pin.entries > chain.entries)
    return `this clone has seen ${pin.entries} entries, and the log now has ${chain.entries}: entries were removed`;
  return undefined;
}
