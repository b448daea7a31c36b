import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { writeInside } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';
import type { Member } from '../workspace/index.js';
import { demoPrivateKey } from './demoKeys.js';
import { keyFingerprint, publicKeyOf } from './keys.js';
import type { KeyVault } from './keyVault.js';

/** A roster member whose private key is on this machine: who signs. */
export interface Signer {
  member: Member;
  privateKeyPem: string;
}

const userFile = (ws: Workspace) => path.join(ws.localDir, 'user.json');

/**
 * The member this machine acts as in the workspace (`.almanac/user.json`, never synced), if chosen.
 * DAMAGED when the file is there but cannot be read: that is not the same as nobody signed in.
 */
export async function currentMemberId(ws: Workspace): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(userFile(ws), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw damagedUserFile(`cannot be read (${(err as NodeJS.ErrnoException).code})`);
  }
  try {
    const { member } = JSON.parse(text) as { member?: unknown };
    if (typeof member === 'string') return member;
  } catch {
    // reported below
  }
  throw damagedUserFile('is damaged');
}

const damagedUserFile = (what: string) =>
  new AlmanacError(
    'DAMAGED',
    `.almanac/user.json (who this machine signs as) ${what}. Delete it and sign in again (almanac team join <ws> --id <you>, or the studio's identity menu).`,
    { problems: [{ file: '.almanac/user.json', message: what }] },
  );

export async function setCurrentMemberId(ws: Workspace, id: string): Promise<void> {
  await writeInside(ws.root, userFile(ws), `${JSON.stringify({ member: id }, null, 2)}\n`);
}

export function findMember(ws: Workspace, id: string): Member {
  const member = ws.config.team.find((m) => m.id === id);
  if (!member)
    throw new AlmanacError(
      'NOT_FOUND',
      ws.rosterCache.some((m) => m.id === id)
        ? `${id} is listed in almanac.json but is not on the signed roster (a hand edit counts for nothing). A manager adds members with: almanac team add <ws> ${id} --name "<name>"`
        : `${id} is not on the team of ${ws.config.name}. Members: ${ws.config.team.map((m) => m.id).join(', ') || 'none'}. A manager adds members with: almanac team add <ws> <id> --name "<name>"`,
    );
  return member;
}

/** The stored private key of a public key: from this machine's vault, or the demo key every copy holds. */
async function privateKeyOf(publicKey: string, vault: KeyVault): Promise<string | undefined> {
  return (await vault.read(keyFingerprint(publicKey))) ?? demoPrivateKey(publicKey);
}

/** Whether this machine holds the private key of the member's current public key. */
export async function holdsKey(member: Member, vault: KeyVault): Promise<boolean> {
  if (!member.publicKey) return false;
  const pem = await privateKeyOf(member.publicKey, vault);
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
      `${member.name} has no key yet. Claim it on this machine with the invite code a manager gave you: almanac team join <ws> --id ${member.id} --invite <code>`,
    );
  const pem = await privateKeyOf(member.publicKey, vault);
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

/**
 * Who signs an action on this machine: the given member, or the one signed in here, or nobody when
 * nobody is signed in (then only a workspace without a team accepts the action). Any other problem
 * (a damaged key or identity file, a key that is not the roster's) throws, never "unsigned".
 */
export async function signerOrNobody(ws: Workspace, vault: KeyVault, id?: string): Promise<Signer | undefined> {
  const who = id ?? (await currentMemberId(ws));
  return who ? signerFor(ws, vault, who) : undefined;
}

/**
 * Who a version is saved by. Before the workspace has a team, any name (or nobody). Once it has one,
 * only a member whose key is on this machine: the given one or the one signed in (authorship is
 * what the review rules read, so it is signed, never a name anyone can type).
 */
export async function savingAs(ws: Workspace, vault: KeyVault, given?: string): Promise<Signer | string | undefined> {
  if (ws.config.team.length === 0) return given?.trim() || undefined;
  return signerOrNobody(ws, vault, given?.trim() || undefined);
}
