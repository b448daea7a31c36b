// The team use cases on real files: who may change the roster, what each change leaves in the signed
// chain, and that almanac.json only ever mirrors it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { teamWithKeys } from '../../tests/fixtures/teamWithKeys.js';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { auditEntries, auditFile, verifyAudit } from '../audit/index.js';
import {
  currentMemberId,
  fileKeyVault,
  findMember,
  generateKeyPair,
  keyFingerprint,
  signerFor,
} from '../identity/index.js';
import { openWorkspace } from '../session/index.js';
import { fs, git } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import { addMember, joinTeam, rotateKey, setRoles, writeRosterCache } from './index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function team() {
  const ctx = await teamWithKeys({
    members: [
      { id: 'ann', name: 'Ann Manager' },
      { id: 'bob', name: 'Bob Author', roles: ['author'] },
    ],
  });
  cleanups.push(ctx.cleanup);
  return ctx;
}

const refused = (code: string, pattern?: RegExp) => (e: unknown) =>
  e instanceof AlmanacError && e.code === code && (!pattern || pattern.test(e.message));

const cachedTeam = async (ws: Workspace) =>
  (JSON.parse(await readFile(path.join(ws.root, 'almanac.json'), 'utf8')) as { team: Record<string, unknown>[] }).team;

/** almanac.json's copy equals the signed roster, and so does the roster of the workspace opened again. */
async function expectCacheMatches(ws: Workspace): Promise<void> {
  const cached = (await cachedTeam(ws)).map((m) => ({ retiredKeys: [], ...m }));
  expect(cached).toEqual(ws.config.team);
  expect((await openWorkspace(ws.root)).config.team).toEqual(ws.config.team);
  expect(await verifyAudit(ws)).toMatchObject({ ok: true, rosterDifferences: [] });
}

const lastCommit = async (ws: Workspace) => (await git.log({ fs, dir: ws.root, depth: 1 }))[0]!.commit;

describe('joinTeam', () => {
  it('makes the first member a manager, the root of trust, signed by their own key kept on this machine', async () => {
    const ctx = await tempWorkspace();
    cleanups.push(ctx.cleanup);
    expect(ctx.ws.config.team).toEqual([]);
    await expect(joinTeam(ctx.ws, ctx.vault, { id: 'ann' })).rejects.toSatisfy(refused('VALIDATION_FAILED', /name/));

    const ann = await joinTeam(ctx.ws, ctx.vault, { id: 'ann', name: '  Ann Manager ' });
    expect(ann.member).toMatchObject({ id: 'ann', name: 'Ann Manager', roles: ['author', 'reviewer', 'manager'] });
    expect(ctx.ws.config.team.map((m) => m.id)).toEqual(['ann']);
    // The private key is in this machine's vault under the fingerprint of the roster's public key.
    expect(await ctx.vault.read(keyFingerprint(ann.member.publicKey!))).toBe(ann.privateKeyPem);
    expect(await currentMemberId(ctx.ws)).toBe('ann');
    // The founding entry is signed by the founder's own key, and the chain names them its root.
    const { entries } = await auditEntries(ctx.ws);
    expect(entries).toEqual([expect.objectContaining({ action: 'team.join', actor: 'ann', signed: true })]);
    expect(await verifyAudit(ctx.ws)).toMatchObject({ ok: true, entries: 1, unsigned: 0, root: 'ann' });
    expect(await lastCommit(ctx.ws)).toMatchObject({ message: expect.stringMatching(/^team\.join ann/) });
    await expectCacheMatches(ctx.ws);
  });

  it('lets nobody else found or join the team by themselves; a member signs in again only where their key is', async () => {
    const ctx = await team();
    const { ws } = ctx;
    await expect(joinTeam(ws, fileKeyVault(path.join(ctx.dir, 'eve')), { id: 'eve', name: 'Eve' })).rejects.toSatisfy(
      refused('FORBIDDEN', /not on the team/),
    );
    await expect(joinTeam(ws, fileKeyVault(path.join(ctx.dir, 'laptop')), { id: 'bob' })).rejects.toSatisfy(
      refused('SIGN_IN_REQUIRED', /not on this machine/),
    );
    const before = await readFile(path.join(ws.root, auditFile), 'utf8');
    const again = await joinTeam(ws, ctx.vaults.bob, { id: 'bob' });
    expect(again.member.publicKey).toBe(ctx.signers.bob.member.publicKey);
    expect(await currentMemberId(ws)).toBe('bob');
    // Signing in again changes no roster: nothing is appended to the chain.
    expect(await readFile(path.join(ws.root, auditFile), 'utf8')).toBe(before);
    expect(ws.config.team.map((m) => m.id)).toEqual(['ann', 'bob']);
  });
});

describe('addMember', () => {
  it('by a manager adds the member with their key; by anyone else it is FORBIDDEN and changes nothing', async () => {
    const { ws, signers } = await team();
    const carl = generateKeyPair();
    const added = await addMember(ws, signers.ann, {
      id: 'carl',
      name: 'Carl',
      roles: ['author', 'reviewer'],
      publicKey: carl.publicKey,
    });
    expect(added).toEqual({ member: expect.objectContaining({ id: 'carl', roles: ['author', 'reviewer'] }) });
    expect(added.invite).toBeUndefined();
    expect(findMember(ws, 'carl').publicKey).toBe(carl.publicKey);
    expect(await lastCommit(ws)).toMatchObject({ message: expect.stringMatching(/^team\.add carl/) });
    await expectCacheMatches(ws);

    const audit = await readFile(path.join(ws.root, auditFile), 'utf8');
    await expect(addMember(ws, signers.bob, { id: 'dave', name: 'Dave' })).rejects.toSatisfy(refused('FORBIDDEN'));
    // A signer object that claims the manager role is judged by the signed roster, not by itself.
    const claimed = { ...signers.bob, member: { ...signers.bob.member, roles: ['manager' as const] } };
    await expect(addMember(ws, claimed, { id: 'dave', name: 'Dave' })).rejects.toSatisfy(refused('FORBIDDEN'));
    await expect(addMember(ws, signers.ann, { id: 'carl', name: 'Carl again' })).rejects.toSatisfy(
      refused('CONFLICT', /already on the team/),
    );
    await expect(addMember(ws, signers.ann, { id: 'Not An Id', name: 'X' })).rejects.toSatisfy(
      refused('VALIDATION_FAILED'),
    );
    expect(ws.config.team.map((m) => m.id)).toEqual(['ann', 'bob', 'carl']);
    expect(await readFile(path.join(ws.root, auditFile), 'utf8')).toBe(audit);
    await expectCacheMatches(ws);
  });

  it('without a key gives a one-time invite code, whose hash alone is in the chain, to claim the place with', async () => {
    const ctx = await team();
    const { ws, signers } = ctx;
    const { member, invite } = await addMember(ws, signers.ann, { id: 'dana', name: 'Dana' });
    expect(member).toMatchObject({ id: 'dana', roles: ['author'] });
    expect(member.publicKey).toBeUndefined();
    expect(invite).toMatch(/^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
    expect(await readFile(path.join(ws.root, auditFile), 'utf8')).not.toContain(invite);
    await expectCacheMatches(ws);

    const danaVault = fileKeyVault(path.join(ctx.dir, 'dana'));
    await expect(signerFor(ws, danaVault, 'dana')).rejects.toSatisfy(refused('SIGN_IN_REQUIRED', /no key yet/));
    await expect(joinTeam(ws, danaVault, { id: 'dana' })).rejects.toSatisfy(refused('SIGN_IN_REQUIRED', /invite/));
    await expect(joinTeam(ws, danaVault, { id: 'dana', invite: 'abcde-abcde-abcde-abcde' })).rejects.toSatisfy(
      refused('FORBIDDEN', /not Dana's invite code/),
    );
    const dana = await joinTeam(ws, danaVault, { id: 'dana', invite: ` ${invite!} ` });
    expect(findMember(ws, 'dana').publicKey).toBe(dana.member.publicKey);
    expect(await danaVault.read(keyFingerprint(dana.member.publicKey!))).toBe(dana.privateKeyPem);
    await expectCacheMatches(ws);
    // Used once: the same code claims nothing on another machine.
    await expect(
      joinTeam(ws, fileKeyVault(path.join(ctx.dir, 'thief')), { id: 'dana', invite: invite! }),
    ).rejects.toSatisfy(refused('SIGN_IN_REQUIRED', /not on this machine/));
  });
});

describe('setRoles', () => {
  it('never leaves the team without a manager, and is for managers only', async () => {
    const { ws, signers } = await team();
    await expect(setRoles(ws, signers.ann, 'ann', ['author'])).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /at least one manager/),
    );
    await expect(setRoles(ws, signers.ann, 'bob', [])).rejects.toSatisfy(refused('VALIDATION_FAILED', /one role/));
    await expect(setRoles(ws, signers.bob, 'bob', ['author', 'manager'])).rejects.toSatisfy(refused('FORBIDDEN'));
    await expect(setRoles(ws, signers.ann, 'nobody', ['author'])).rejects.toSatisfy(refused('NOT_FOUND'));
    expect(findMember(ws, 'ann').roles).toContain('manager');
    expect(findMember(ws, 'bob').roles).toEqual(['author']);

    // With a second manager in place, the first may step down.
    expect(await setRoles(ws, signers.ann, 'bob', ['author', 'manager', 'manager'])).toMatchObject({
      roles: ['author', 'manager'],
    });
    await expectCacheMatches(ws);
    expect(await setRoles(ws, signers.ann, 'ann', ['reviewer'])).toMatchObject({ roles: ['reviewer'] });
    await expectCacheMatches(ws);
    // Ann is no manager any more; Bob is.
    await expect(addMember(ws, signers.ann, { id: 'x', name: 'X' })).rejects.toSatisfy(refused('FORBIDDEN'));
    await expect(setRoles(ws, signers.bob, 'bob', ['author'])).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /at least one manager/),
    );
    expect((await addMember(ws, signers.bob, { id: 'x', name: 'X' })).member.id).toBe('x');
  });
});

describe('rotateKey', () => {
  it('renews your own key here: the old one is retired, signs nothing new, and what it signed stays valid', async () => {
    const { ws, signers, vaults, signerOf } = await team();
    const old = signers.ann;
    const { member, invite } = await rotateKey(ws, vaults.ann, old, 'ann');
    expect(invite).toBeUndefined();
    expect(member.publicKey).not.toBe(old.member.publicKey);
    expect(member.retiredKeys.map((k) => k.publicKey)).toEqual([old.member.publicKey]);
    const renewed = await signerOf('ann');
    expect(renewed.member.publicKey).toBe(member.publicKey);
    await expectCacheMatches(ws);

    await expect(addMember(ws, old, { id: 'x', name: 'X' })).rejects.toSatisfy(refused('FORBIDDEN', /team\.add/));
    expect((await addMember(ws, renewed, { id: 'x', name: 'X' })).member.id).toBe('x');
    // Everything the retired key signed before verifies.
    expect(await verifyAudit(ws)).toMatchObject({ ok: true, unsigned: 0 });
  });

  it("by a manager retires someone else's key (a lost laptop) and gives an invite to claim a new one", async () => {
    const ctx = await team();
    const { ws, signers, vaults } = ctx;
    await expect(rotateKey(ws, vaults.bob, signers.bob, 'ann')).rejects.toSatisfy(refused('FORBIDDEN'));
    expect(findMember(ws, 'ann').publicKey).toBe(signers.ann.member.publicKey);

    const { member, invite } = await rotateKey(ws, vaults.ann, signers.ann, 'bob');
    expect(member.publicKey).toBeUndefined();
    expect(member.retiredKeys.map((k) => k.publicKey)).toEqual([signers.bob.member.publicKey]);
    expect(invite).toMatch(/^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
    await expectCacheMatches(ws);
    // The lost laptop's key signs nothing any more.
    await expect(signerFor(ws, vaults.bob, 'bob')).rejects.toSatisfy(refused('SIGN_IN_REQUIRED', /no key yet/));

    const newLaptop = fileKeyVault(path.join(ctx.dir, 'new-laptop'));
    const bob = await joinTeam(ws, newLaptop, { id: 'bob', invite: invite! });
    expect(bob.member.publicKey).not.toBe(signers.bob.member.publicKey);
    expect((await signerFor(ws, newLaptop, 'bob')).member.publicKey).toBe(bob.member.publicKey);
    await expectCacheMatches(ws);
  });
});

describe('the roster cache in almanac.json', () => {
  it('is never read as the roster: a hand edit changes nothing after reopening, and is reported', async () => {
    const { ws, signers } = await team();
    const signed = ws.config.team;
    const file = path.join(ws.root, 'almanac.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as { team: Record<string, unknown>[] };
    config.team.find((m) => m.id === 'bob')!.roles = ['author', 'manager'];
    config.team.push({ id: 'eve', name: 'Eve', roles: ['manager'] });
    await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);

    const reopened = await openWorkspace(ws.root);
    expect(reopened.config.team).toEqual(signed);
    expect(reopened.rosterCache.map((m) => m.id)).toEqual(['ann', 'bob', 'eve']);
    const verdict = await verifyAudit(reopened);
    expect(verdict.ok).toBe(false);
    expect(verdict.rosterDifferences).toEqual([
      { member: 'bob', says: expect.stringMatching(/roles author, manager; the signed roster gives author$/) },
      { member: 'eve', says: 'almanac.json lists eve, who is not on the signed roster' },
    ]);
    // The edit grants nothing: Bob is still no manager, Eve is no member.
    await expect(addMember(reopened, signers.bob, { id: 'x', name: 'X' })).rejects.toSatisfy(refused('FORBIDDEN'));
    expect(() => findMember(reopened, 'eve')).toThrow(/listed in almanac\.json but is not on the signed roster/);

    // Rewriting the cache from the signed roster puts it right.
    await writeRosterCache(reopened);
    await expectCacheMatches(reopened);
  });
});
