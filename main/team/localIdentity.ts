import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { atomicWrite } from '../workspace/atomicWrite.js';
import type { Workspace } from '../workspace/Workspace.js';
import type { Member } from '../workspace/workspaceConfig.js';
import { keyFingerprint, publicKeyOf } from './keys.js';
import type { KeyVault } from './keyVault.js';

/** A roster member whose private key is on this machine: who signs. */
export interface Signer {
  member: Member;
  privateKeyPem: string;
}

const userFile = (ws: Workspace) => path.join(ws.localDir, 'user.json');

/** The member this machine acts as in the workspace (`.almanac/user.json`, never synced), if chosen. */
export async function currentMemberId(ws: Workspace): Promise<string | undefined> {
  try {
    const { member } = JSON.parse(await readFile(userFile(ws), 'utf8')) as { member?: unknown };
    return typeof member === 'string' ? member : undefined;
  } catch {
    return undefined;
  }
}

export async function setCurrentMemberId(ws: Workspace, id: string): Promise<void> {
  await atomicWrite(userFile(ws), `${JSON.stringify({ member: id }, null, 2)}\n`);
}

export function findMember(ws: Workspace, id: string): Member {
  const member = ws.config.team.find((m) => m.id === id);
  if (!member)
    throw new AlmanacError(
      'NOT_FOUND',
      `${id} is not on the team of ${ws.config.name}. Members: ${ws.config.team.map((m) => m.id).join(', ') || 'none'}. Join with: almanac team join <ws> --id <id> --name "<name>"`,
    );
  return member;
}

/** Whether this machine holds the private key of the member's current public key. */
export async function holdsKey(member: Member, vault: KeyVault): Promise<boolean> {
  if (!member.publicKey) return false;
  const pem = await vault.read(keyFingerprint(member.publicKey));
  return pem !== undefined && publicKeyOrUndefined(pem) === member.publicKey;
}

/** The public key of a stored private key; undefined when the stored text is not a private key (damaged). */
function publicKeyOrUndefined(pem: string): string | undefined {
  try {
    return publicKeyOf(pem);
  } catch {
    return undefined;
  }
}

/**
 * The signer for `id` (or this machine's current member): throws SIGN_IN_REQUIRED when nobody is
 * chosen or this machine does not hold that member's key.
 */
export async function signerFor(ws: Workspace, vault: KeyVault, id?: string): Promise<Signer> {
  const who = id ?? (await currentMemberId(ws));
  if (!who)
    throw new AlmanacError(
      'SIGN_IN_REQUIRED',
      'Nobody is signed in to this workspace. Pick a member with --as <id>, or join: almanac team join <ws> --id <id> --name "<name>"',
    );
  const member = findMember(ws, who);
  if (!member.publicKey)
    throw new AlmanacError(
      'SIGN_IN_REQUIRED',
      `${member.name} has no key yet. Claim the member on this machine with: almanac team join <ws> --id ${member.id}`,
    );
  const pem = await vault.read(keyFingerprint(member.publicKey));
  if (pem !== undefined && publicKeyOrUndefined(pem) === undefined)
    throw new AlmanacError(
      'SIGN_IN_REQUIRED',
      `${member.name}'s key in ${vault.where} is damaged (it is not a private key), so nothing can be signed as ${member.id}. Ask a manager to rotate the key (almanac team rotate-key <ws> ${member.id}), then join again; the damaged file is left as it is.`,
    );
  if (!pem || publicKeyOf(pem) !== member.publicKey)
    throw new AlmanacError(
      'SIGN_IN_REQUIRED',
      `This machine does not hold ${member.name}'s key (looked in ${vault.where}). Use the machine that joined as ${member.id}, or ask a manager to rotate the key: almanac team rotate-key <ws> ${member.id}`,
    );
  return { member, privateKeyPem: pem };
}
