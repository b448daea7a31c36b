import { authorize } from '../policy/index.js';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { appendAudit } from '../audit/index.js';
import { auditFile, auditHeadFile, inviteHash, requireTrust, type AuditAction } from '../trust/index.js';
import { commitPaths } from '../versions/index.js';
import { writeInside } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';
import { memberSchema, type roles, type Member } from '../workspace/index.js';
import { generateKeyPair, keyFingerprint } from '../identity/index.js';
import type { KeyVault } from '../identity/index.js';
import { findMember, holdsKey, setCurrentMemberId, signerFor, type Signer } from '../identity/index.js';

export type Role = (typeof roles)[number];

/** Rewrite almanac.json's copy of the roster from the signed one (other fields untouched). */
export async function writeRosterCache(ws: Workspace): Promise<void> {
  const file = path.join(ws.root, 'almanac.json');
  const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const team = ws.config.team.map(({ retiredKeys, ...m }) => (retiredKeys.length ? { ...m, retiredKeys } : m));
  await writeInside(ws.root, file, `${JSON.stringify({ ...raw, team }, null, 2)}\n`);
  ws.rosterCache = ws.config.team;
}

/**
 * A roster change is a signed audit entry (the chain judges whether its signer may make it); the
 * roster in force is rebuilt from the chain, copied to almanac.json, and both are committed.
 */
async function changeRoster(
  ws: Workspace,
  signer: Signer,
  action: AuditAction,
  subject: string,
  details: Record<string, unknown>,
  time?: string,
): Promise<Member> {
  await appendAudit(ws, signer, action, subject, details, time);
  await writeRosterCache(ws);
  await commitPaths(ws, ['almanac.json', auditFile, auditHeadFile], `${action} ${subject}`, signer.member.id);
  return findMember(ws, subject);
}

function requireManager(ws: Workspace, signer: Signer): void {
  const roles = ws.config.team.find((m) => m.id === signer.member.id)?.roles ?? [];
  authorize({ id: signer.member.id, name: signer.member.name, roles }, 'team.change');
}

async function newKey(vault: KeyVault): Promise<{ publicKey: string; privateKeyPem: string }> {
  const pair = generateKeyPair();
  await vault.write(keyFingerprint(pair.publicKey), pair.privateKeyPem);
  return pair;
}

/** A one-time code a manager gives a member out of band; the chain stores only its hash. */
function newInvite(): string {
  return randomBytes(10).toString('hex').match(/.{5}/g)!.join('-');
}

export interface JoinInput {
  id: string;
  name?: string;
  email?: string;
  /** The invite code a manager gave, to claim a roster member that has no key yet. */
  invite?: string;
}

/**
 * Become a member on this machine: found the team (the first member manages it and their key is its
 * root), claim a roster member with the invite code a manager gave, or sign in again as a member
 * whose key is here. Nobody joins a team by themselves: a manager adds them first.
 */
export async function joinTeam(ws: Workspace, vault: KeyVault, input: JoinInput): Promise<Signer> {
  const trust = await requireTrust(ws);
  const existing = ws.config.team.find((m) => m.id === input.id);
  if (existing?.publicKey) {
    if (!(await holdsKey(existing, vault)))
      throw new AlmanacError(
        'SIGN_IN_REQUIRED',
        `${existing.name} already has a key that is not on this machine. Ask a manager to rotate it (almanac team rotate-key <ws> ${existing.id}); they give you a new invite code.`,
      );
    await setCurrentMemberId(ws, existing.id);
    return signerFor(ws, vault, existing.id);
  }
  if (!trust.chain.formed) {
    if (!input.name?.trim())
      throw new AlmanacError('VALIDATION_FAILED', `${input.id} founds this team: give a name to join.`);
    const pair = await newKey(vault);
    const parsed = memberSchema.safeParse({
      id: input.id,
      name: input.name.trim(),
      ...(input.email ? { email: input.email } : {}),
      roles: ['author', 'reviewer', 'manager'],
      publicKey: pair.publicKey,
    });
    if (!parsed.success) throw new AlmanacError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'bad member');
    const { retiredKeys: _r, ...member } = parsed.data;
    const signer: Signer = { member: parsed.data, privateKeyPem: pair.privateKeyPem };
    await changeRoster(ws, signer, 'team.join', member.id, { member, founder: true });
    await setCurrentMemberId(ws, member.id);
    return signerFor(ws, vault, member.id);
  }
  if (!existing)
    throw new AlmanacError(
      'FORBIDDEN',
      `${input.id} is not on the team of ${ws.config.name}. Ask a manager to add you (almanac team add <ws> ${input.id} --name "<name>"); they give you an invite code to join with.`,
    );
  if (!input.invite?.trim())
    throw new AlmanacError(
      'SIGN_IN_REQUIRED',
      `${existing.name} has no key yet. Claim it with the invite code a manager gave you: almanac team join <ws> --id ${existing.id} --invite <code>`,
    );
  if (trust.chain.openInvite(existing.id) !== inviteHash(input.invite))
    throw new AlmanacError(
      'FORBIDDEN',
      `That is not ${existing.name}'s invite code, or it was used already. Ask a manager for a new one (almanac team rotate-key <ws> ${existing.id}).`,
    );
  const pair = await newKey(vault);
  const signer: Signer = { member: { ...existing, publicKey: pair.publicKey }, privateKeyPem: pair.privateKeyPem };
  await changeRoster(ws, signer, 'team.join', existing.id, { publicKey: pair.publicKey, invite: input.invite.trim() });
  await setCurrentMemberId(ws, existing.id);
  return signerFor(ws, vault, existing.id);
}

export interface AddedMember {
  member: Member;
  /** Give this to the member (once, out of band): with it they claim their key. Absent when a key was given. */
  invite?: string;
}

/** Add a member (FORBIDDEN unless a manager signs): with their public key, or with an invite code to claim one. */
export async function addMember(
  ws: Workspace,
  signer: Signer,
  input: { id: string; name: string; email?: string; roles?: Role[]; publicKey?: string },
): Promise<AddedMember> {
  await requireTrust(ws);
  requireManager(ws, signer);
  if (ws.config.team.some((m) => m.id === input.id))
    throw new AlmanacError('CONFLICT', `${input.id} is already on the team.`);
  const parsed = memberSchema.safeParse({ ...input, roles: input.roles ?? ['author'] });
  if (!parsed.success)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const { retiredKeys: _r, ...member } = parsed.data;
  const invite = member.publicKey ? undefined : newInvite();
  const added = await changeRoster(ws, signer, 'team.add', member.id, {
    member,
    ...(invite ? { invite: inviteHash(invite) } : {}),
  });
  return { member: added, ...(invite ? { invite } : {}) };
}

export async function setRoles(ws: Workspace, signer: Signer, id: string, newRoles: Role[]): Promise<Member> {
  await requireTrust(ws);
  requireManager(ws, signer);
  const member = findMember(ws, id);
  if (newRoles.length === 0) throw new AlmanacError('VALIDATION_FAILED', 'A member needs at least one role.');
  const team = ws.config.team.map((m) => (m.id === id ? { ...m, roles: [...new Set(newRoles)] } : m));
  if (!team.some((m) => m.roles.includes('manager')))
    throw new AlmanacError('VALIDATION_FAILED', 'The team needs at least one manager.');
  return changeRoster(ws, signer, 'team.roles', id, { from: member.roles, to: [...new Set(newRoles)] });
}

/**
 * Retire a member's key: entries it signed before stay valid. Renewing your own key makes the new one
 * here, signed by the old; a manager retiring someone else's (a lost laptop) gets an invite code for
 * the member to claim a new key with.
 */
export async function rotateKey(ws: Workspace, vault: KeyVault, signer: Signer, id: string): Promise<AddedMember> {
  await requireTrust(ws);
  const self = signer.member.id === id;
  if (!self) requireManager(ws, signer);
  const member = findMember(ws, id);
  const retired = member.publicKey ? keyFingerprint(member.publicKey) : null;
  if (self) {
    const pair = await newKey(vault);
    const renewed = await changeRoster(ws, signer, 'team.rotate-key', id, { retired, publicKey: pair.publicKey });
    return { member: renewed };
  }
  const invite = newInvite();
  const updated = await changeRoster(ws, signer, 'team.rotate-key', id, { retired, invite: inviteHash(invite) });
  return { member: updated, invite };
}
