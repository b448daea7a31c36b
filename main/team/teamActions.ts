import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { appendAudit, auditFile, type AuditAction } from '../audit/index.js';
import { commitPaths } from '../versions/index.js';
import { atomicWrite } from '../workspace/atomicWrite.js';
import type { Workspace } from '../workspace/Workspace.js';
import { memberSchema, type roles, type Member } from '../workspace/workspaceConfig.js';
import { generateKeyPair, keyFingerprint } from './keys.js';
import type { KeyVault } from './keyVault.js';
import { findMember, holdsKey, setCurrentMemberId, signerFor, type Signer } from './localIdentity.js';

export type Role = (typeof roles)[number];

/** Rewrite the roster in almanac.json (other fields untouched), audit it, and commit both. */
async function changeRoster(
  ws: Workspace,
  signer: Signer,
  team: Member[],
  action: AuditAction,
  subject: string,
  details: Record<string, unknown>,
  time?: string,
): Promise<Member[]> {
  const file = path.join(ws.root, 'almanac.json');
  const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const written = team.map(({ retiredKeys, ...m }) => (retiredKeys.length ? { ...m, retiredKeys } : m));
  await atomicWrite(file, `${JSON.stringify({ ...raw, team: written }, null, 2)}\n`);
  ws.config.team = team;
  await appendAudit(ws, signer, action, subject, details, time);
  await commitPaths(ws, ['almanac.json', auditFile], `${action} ${subject}`, signer.member.id);
  return team;
}

function requireManager(signer: Signer): void {
  if (!signer.member.roles.includes('manager'))
    throw new AlmanacError('FORBIDDEN', `Only a manager can change the team; ${signer.member.name} is not one.`);
}

async function newKey(vault: KeyVault): Promise<string> {
  const pair = generateKeyPair();
  await vault.write(keyFingerprint(pair.publicKey), pair.privateKeyPem);
  return pair.publicKey;
}

export interface JoinInput {
  id: string;
  name?: string;
  email?: string;
}

/**
 * Become a member on this machine: claim a roster member that has no key yet, sign in again as one
 * whose key is here, or join the roster as a new author (the first member of an empty team manages it).
 */
export async function joinTeam(ws: Workspace, vault: KeyVault, input: JoinInput): Promise<Signer> {
  const existing = ws.config.team.find((m) => m.id === input.id);
  if (existing?.publicKey) {
    if (!(await holdsKey(existing, vault)))
      throw new AlmanacError(
        'SIGN_IN_REQUIRED',
        `${existing.name} already has a key that is not on this machine. Ask a manager to rotate it (almanac team rotate-key <ws> ${existing.id}), then join again.`,
      );
    await setCurrentMemberId(ws, existing.id);
    return signerFor(ws, vault, existing.id);
  }
  if (!existing && !input.name?.trim())
    throw new AlmanacError('VALIDATION_FAILED', `${input.id} is not on the team yet: give a name to join.`);
  const publicKey = await newKey(vault);
  const member: Member = existing
    ? { ...existing, publicKey }
    : memberSchema.parse({
        id: input.id,
        name: input.name!.trim(),
        ...(input.email ? { email: input.email } : {}),
        roles: ws.config.team.length === 0 ? ['author', 'reviewer', 'manager'] : ['author'],
        publicKey,
      });
  const team = existing ? ws.config.team.map((m) => (m.id === member.id ? member : m)) : [...ws.config.team, member];
  const signer: Signer = { member, privateKeyPem: (await vault.read(keyFingerprint(publicKey)))! };
  await changeRoster(ws, signer, team, 'team.join', member.id, { claimed: !!existing, roles: member.roles });
  await setCurrentMemberId(ws, member.id);
  return signer;
}

export async function addMember(
  ws: Workspace,
  signer: Signer,
  input: { id: string; name: string; email?: string; roles?: Role[] },
): Promise<Member> {
  requireManager(signer);
  if (ws.config.team.some((m) => m.id === input.id))
    throw new AlmanacError('CONFLICT', `${input.id} is already on the team.`);
  const parsed = memberSchema.safeParse({ ...input, roles: input.roles ?? ['author'] });
  if (!parsed.success)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  await changeRoster(ws, signer, [...ws.config.team, parsed.data], 'team.add', parsed.data.id, {
    roles: parsed.data.roles,
  });
  return parsed.data;
}

export async function setRoles(ws: Workspace, signer: Signer, id: string, newRoles: Role[]): Promise<Member> {
  requireManager(signer);
  const member = findMember(ws, id);
  if (newRoles.length === 0) throw new AlmanacError('VALIDATION_FAILED', 'A member needs at least one role.');
  const team = ws.config.team.map((m) => (m.id === id ? { ...m, roles: [...new Set(newRoles)] } : m));
  if (!team.some((m) => m.roles.includes('manager')))
    throw new AlmanacError('VALIDATION_FAILED', 'The team needs at least one manager.');
  await changeRoster(ws, signer, team, 'team.roles', id, { from: member.roles, to: newRoles });
  return team.find((m) => m.id === id)!;
}

/**
 * Retire a member's key: signatures made before now stay valid. Rotating your own key makes the new
 * one here; a manager rotating someone else's leaves the member to claim a new key on their machine.
 */
export async function rotateKey(ws: Workspace, vault: KeyVault, signer: Signer, id: string): Promise<Member> {
  const self = signer.member.id === id;
  if (!self) requireManager(signer);
  const member = findMember(ws, id);
  const retired = new Date().toISOString();
  const retiredKeys = member.publicKey
    ? [...member.retiredKeys, { publicKey: member.publicKey, retired }]
    : member.retiredKeys;
  const publicKey = self ? await newKey(vault) : undefined;
  const updated: Member = { ...member, retiredKeys, ...(publicKey ? { publicKey } : { publicKey: undefined }) };
  if (!publicKey) delete updated.publicKey;
  const team = ws.config.team.map((m) => (m.id === id ? updated : m));
  // The old key signs the rotation of itself; a manager signs someone else's.
  await changeRoster(
    ws,
    signer,
    team,
    'team.rotate-key',
    id,
    { retired: member.publicKey ? keyFingerprint(member.publicKey) : null },
    retired,
  );
  return updated;
}
