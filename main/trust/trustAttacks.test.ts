// The attacks of issue 23, step by step, as someone with write access to the workspace or the team's
// remote (but no one else's private key) would try them. Each must change nothing and be found.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { teamWithKeys } from '../../tests/fixtures/teamWithKeys.js';
import { AlmanacError } from '../AlmanacError.js';
import { readTrustedKeys } from '../agent/index.js';
import { appendAudit, auditFile, auditHeadFile, verifyAudit } from '../audit/index.js';
import { plannedSnapshot } from '../publish/index.js';
import {
  approve,
  approvedArticles,
  reviewFile,
  reviewedStore,
  submitForReview,
  type ReviewContext,
} from '../review/index.js';
import { cloneWorkspace, syncWithTeam } from '../sync/index.js';
import {
  generateKeyPair,
  keyFingerprint,
  savingAs,
  signerFor,
  signValue,
  type KeyVault,
  type Signer,
} from '../identity/index.js';
import { fs, git } from '../versions/index.js';
import { commitArticles } from '../versions/index.js';
import { openWorkspace } from '../session/index.js';
import { type Workspace } from '../workspace/index.js';
import { chainHash, forgetTrust, logLines, relinkAudit } from './index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The sample workspace: its team's demo keys let a test act as each of them. */
async function sample() {
  const ctx = await teamWithKeys({ sample: true });
  cleanups.push(ctx.cleanup);
  const { store, book } = reviewedStore(ctx.ws);
  const as = async (id: string): Promise<ReviewContext> => ({ store, book, signer: await ctx.signerOf(id) });
  return { ...ctx, store, book, as };
}

async function handEdit(ws: Workspace, edit: (team: Record<string, unknown>[]) => void): Promise<void> {
  const file = path.join(ws.root, 'almanac.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as { team: Record<string, unknown>[] };
  edit(config.team);
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
}

const refused = (code: string, pattern: RegExp) => (e: unknown) =>
  e instanceof AlmanacError && e.code === code && pattern.test(e.message);

async function commitAll(ws: Workspace, message: string, author = { name: 'Mallory', email: 'm@example.com' }) {
  for (const [filepath, , workdir] of await git.statusMatrix({ fs, dir: ws.root }))
    if (workdir === 0) await git.remove({ fs, dir: ws.root, filepath });
    else await git.add({ fs, dir: ws.root, filepath });
  return git.commit({ fs, dir: ws.root, message, author });
}

describe('a hand-edited roster', () => {
  it('gives a role nobody signed no approval, no snapshot and no trust on the agent, and verify names the member', async () => {
    const s = await sample();
    // Tom (an author) makes himself a manager and a reviewer by editing almanac.json.
    await handEdit(s.ws, (team) => {
      team.find((m) => m.id === 'tom.ward')!.roles = ['author', 'reviewer', 'manager'];
    });
    const ws = await openWorkspace(s.ws.root);
    expect(ws.config.team.find((m) => m.id === 'tom.ward')!.roles).toEqual(['author']);
    const { store, book } = reviewedStore(ws);
    const tom = await signerFor(ws, s.vault, 'tom.ward');
    await expect(approve({ store, book, signer: tom }, 'gift-cards')).rejects.toSatisfy(
      refused('FORBIDDEN', /not a reviewer/),
    );
    const { buildSnapshot } = await import('../publish/index.js');
    await expect(buildSnapshot({ store, book, signer: tom })).rejects.toSatisfy(refused('FORBIDDEN', /managers/));
    const keys = await readTrustedKeys(path.join(ws.root, 'almanac.json'));
    expect(keys).not.toContain(tom.member.publicKey);
    expect(keys).toContain(ws.config.team.find((m) => m.id === 'sara.koh')!.publicKey);

    const verdict = await verifyAudit(ws);
    expect(verdict).toMatchObject({ ok: false, rosterDifferences: [expect.objectContaining({ member: 'tom.ward' })] });
    const cli = runCli(s.dir, 'audit', 'verify', ws.root);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/tom\.ward.*manager/);
  });

  it('still counts for nothing after it arrives by sync', async () => {
    const s = await sample();
    const { dir } = await tempDir('almanac-remote-');
    const remote = path.join(dir, 'remote.git');
    await git.init({ fs, dir: remote, bare: true, defaultBranch: 'main' });
    const sara = await s.signerOf('sara.koh');
    await syncWithTeam(s.ws, { remote, signer: sara });
    const b = await cloneWorkspace(remote, path.join(dir, 'b'));
    // The attacker edits the roster copy in a clone and pushes a plain commit.
    await handEdit(s.ws, (team) => {
      team.find((m) => m.id === 'james.okafor')!.roles = ['manager'];
    });
    await commitAll(s.ws, 'Fix roster');
    await syncWithTeam(s.ws, { signer: sara });
    const result = await syncWithTeam(b, {});
    expect(result.changedPaths).toContain('almanac.json');
    expect(b.config.team.find((m) => m.id === 'james.okafor')!.roles).toEqual(['author']);
    expect(await verifyAudit(b)).toMatchObject({
      ok: false,
      rosterDifferences: [expect.objectContaining({ member: 'james.okafor' })],
    });
    const keys = await readTrustedKeys(b.root);
    expect(keys).not.toContain(b.config.team.find((m) => m.id === 'james.okafor')!.publicKey);
  });

  it("a reviewer's key swapped for the author's own, with a back-dated retirement, signs nothing as the reviewer", async () => {
    const s = await sample();
    const mine = generateKeyPair();
    await s.vault.write(keyFingerprint(mine.publicKey), mine.privateKeyPem);
    const realKey = s.ws.config.team.find((m) => m.id === 'mei.chen')!.publicKey!;
    await handEdit(s.ws, (team) => {
      const mei = team.find((m) => m.id === 'mei.chen')!;
      mei.publicKey = mine.publicKey;
      mei.retiredKeys = [{ publicKey: realKey, retired: '2020-01-01T00:00:00.000Z' }];
    });
    const ws = await openWorkspace(s.ws.root);
    expect(ws.config.team.find((m) => m.id === 'mei.chen')).toMatchObject({ publicKey: realKey, retiredKeys: [] });
    // The swapped key is not Mei's on the signed roster: it cannot sign as her...
    const impostor: Signer = {
      member: ws.config.team.find((m) => m.id === 'mei.chen')!,
      privateKeyPem: mine.privateKeyPem,
    };
    const { store, book } = reviewedStore(ws);
    await submitForReview({ store, book, signer: await signerFor(ws, s.vault, 'tom.ward') }, 'gift-cards').catch(
      () => undefined,
    );
    await expect(approve({ store, book, signer: impostor }, 'gift-cards')).rejects.toSatisfy(
      refused('FORBIDDEN', /signature/),
    );
    // ...and an entry it signs by hand breaks the chain at that line.
    const log = path.join(ws.root, auditFile);
    const lines = logLines(await readFile(log, 'utf8'));
    const prev = (JSON.parse(lines.at(-1)!) as { hash: string }).hash;
    const body = {
      time: new Date().toISOString(),
      actor: 'mei.chen',
      action: 'review.approve',
      subject: 'gift-cards',
      details: { version: 'x' },
    };
    const sig = signValue(body, mine.privateKeyPem);
    await writeFile(
      log,
      `${lines.join('\n')}\n${JSON.stringify({ ...body, sig, prev, hash: chainHash(prev, body, sig) })}\n`,
    );
    const verdict = await verifyAudit(ws);
    expect(verdict).toMatchObject({ ok: false, firstBroken: { line: lines.length + 1, reason: /signature/ } });
    expect(verdict.rosterDifferences.map((d) => d.member)).toContain('mei.chen');
    expect((await store.get('gift-cards')).review?.approved).toBeUndefined();
  });
});

describe('review records', () => {
  it('a replayed old approval line brings nothing back: the corrected text is what ships', async () => {
    const s = await sample();
    const tom = await s.as('tom.ward');
    const mei = await s.as('mei.chen');
    const id = 'cancel-an-order';
    const setWindow = async (days: number) => {
      const a = await s.store.get(id);
      await s.store.save(id, { meta: a.meta, body: `${a.body.split('\n\nWINDOW')[0]}\n\nWINDOW: ${days} days.\n` });
      await submitForReview(tom, id);
      await approve(mei, id);
    };
    await setWindow(30);
    const file = path.join(s.ws.root, reviewFile(id));
    const oldApproval = logLines(await readFile(file, 'utf8')).at(-1)!;
    await setWindow(60);
    // The attacker appends the superseded approval again, and reorders the file for good measure.
    const lines = logLines(await readFile(file, 'utf8'));
    await writeFile(file, `${[...lines.reverse(), oldApproval].join('\n')}\n`);
    s.book.invalidate();
    const shipped = await approvedArticles(s.store).get(id);
    expect(shipped.body).toContain('WINDOW: 60 days.');
    expect((await s.book.article(id)).records.filter((r) => !r.valid).length).toBeGreaterThan(0);
  });

  it('`commit --author` of someone else is refused: a reviewer cannot hide that they wrote the text', async () => {
    const ctx = await teamWithKeys({
      members: [
        { id: 'ann', name: 'Ann' },
        { id: 'bob', name: 'Bob', roles: ['author', 'reviewer'] },
        { id: 'carl', name: 'Carl', roles: ['author'] },
      ],
    });
    cleanups.push(ctx.cleanup);
    const { store, book } = reviewedStore(ctx.ws);
    const { id } = await store.create({ title: 'Refunds', owner: 'carl', body: 'Refunds take 14 days.\n' });
    // Bob, a reviewer, writes the text and tries to save it as Carl, on his own machine.
    await expect(savingAs(ctx.ws, ctx.vaults.bob, 'carl')).rejects.toSatisfy(refused('SIGN_IN_REQUIRED', /Carl/));
    await expect(commitArticles(ctx.ws, [id], 'By Carl', 'carl')).rejects.toSatisfy(
      refused('SIGN_IN_REQUIRED', /signed/),
    );
    // Saved as himself, the version is his: Carl may submit it, Bob may not approve it.
    await commitArticles(ctx.ws, [id], 'Refunds', await savingAs(ctx.ws, ctx.vaults.bob, 'bob'));
    await submitForReview({ store, book, signer: ctx.signers.carl }, id);
    await expect(approve({ store, book, signer: ctx.signers.bob }, id)).rejects.toSatisfy(
      refused('FORBIDDEN', /wrote or submitted/),
    );
    expect((await book.article(id)).authors.get((await store.get(id)).version)).toEqual(new Set(['bob']));
  });
});

describe('the audit chain', () => {
  async function tampered(edit: (lines: string[]) => string[], opts: { relink?: boolean } = {}) {
    const s = await sample();
    const file = path.join(s.ws.root, auditFile);
    const before = await readFile(file, 'utf8');
    const edited = `${edit(logLines(before)).join('\n')}\n`;
    await writeFile(file, opts.relink ? relinkAudit(edited) : edited);
    forgetTrust(s.ws.root);
    return { s, verdict: await verifyAudit(s.ws), file };
  }

  it('finds the last four entries dropped', async () => {
    const { verdict } = await tampered((l) => l.slice(0, -4));
    expect(verdict).toMatchObject({ ok: false, firstBroken: { file: auditHeadFile, reason: /removed from the end/ } });
  });

  it('finds an entry deleted and the hashes recomputed', async () => {
    const { verdict } = await tampered((l) => l.filter((_, i) => i !== 40), { relink: true });
    expect(verdict).toMatchObject({ ok: false, firstBroken: { file: auditHeadFile, reason: /re-hashed/ } });
  });

  it('finds an unsigned entry inserted, linked or not', async () => {
    const body = { time: '2026-10-01T00:00:00.000Z', actor: null, action: 'review.approve', subject: 'gift-cards' };
    const forged = JSON.stringify({ ...body, prev: '0'.repeat(64), hash: '0'.repeat(64) });
    const { verdict } = await tampered((l) => [...l.slice(0, 50), forged, ...l.slice(50)], { relink: true });
    expect(verdict).toMatchObject({ ok: false, firstBroken: { line: 51, reason: /unsigned/ } });
  });

  it('finds an older log and its older head restored together, by the count this clone pinned', async () => {
    const s = await sample();
    const log = path.join(s.ws.root, auditFile);
    const head = path.join(s.ws.root, auditHeadFile);
    const [oldLog, oldHead] = [await readFile(log, 'utf8'), await readFile(head, 'utf8')];
    expect((await verifyAudit(s.ws)).ok).toBe(true);
    const sara = await s.signerOf('sara.koh');
    for (const subject of ['a', 'b', 'c', 'd']) await appendAudit(s.ws, sara, 'review.comment', subject);
    await writeFile(log, oldLog);
    await writeFile(head, oldHead);
    expect(await verifyAudit(s.ws)).toMatchObject({ ok: false, firstBroken: { reason: /has seen \d+ entries/ } });
  });

  it('stops every action on a log that does not verify, naming the file, and writes nothing', async () => {
    const { s, file } = await tampered((l) => [...l.slice(0, 10), '{"half an entry', ...l.slice(10)]);
    const before = await readFile(file, 'utf8');
    const damaged = refused('DAMAGED', /audit\/log\.jsonl line 11/);
    const mei = await s.as('mei.chen');
    await expect(approve(mei, 'gift-cards')).rejects.toSatisfy(damaged);
    await expect(plannedSnapshot(s)).rejects.toSatisfy(damaged);
    await expect(commitArticles(s.ws, [], 'x', mei.signer)).rejects.toSatisfy((e) => e instanceof AlmanacError);
    const { addMember } = await import('../team/index.js');
    await expect(addMember(s.ws, (await s.as('sara.koh')).signer, { id: 'eve', name: 'Eve' })).rejects.toSatisfy(
      damaged,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readFile(path.join(s.ws.root, reviewFile('gift-cards')), 'utf8')).not.toMatch(
      /approve.*mei\.chen.*gift/,
    );
  });
});

describe('other files trust decisions read', () => {
  it('a damaged review file stops review actions and the snapshot, naming the file', async () => {
    const s = await sample();
    const file = path.join(s.ws.root, reviewFile('gift-cards'));
    await writeFile(file, `${await readFile(file, 'utf8')}{"type":"appr\n`);
    const before = await readFile(path.join(s.ws.root, auditFile), 'utf8');
    const named = refused('DAMAGED', /reviews\/gift-cards\.jsonl line 2/);
    await expect(approve(await s.as('mei.chen'), 'gift-cards')).rejects.toSatisfy(named);
    await expect(plannedSnapshot(s)).rejects.toSatisfy(named);
    expect(await readFile(path.join(s.ws.root, auditFile), 'utf8')).toBe(before);
  });

  it('a damaged key or identity file stops a save instead of saving unsigned', async () => {
    const s = await sample();
    const vault: KeyVault = s.vault;
    const tom = await signerFor(s.ws, vault, 'tom.ward');
    await vault.write(keyFingerprint(tom.member.publicKey!), 'not a key');
    await expect(savingAs(s.ws, vault, 'tom.ward')).rejects.toSatisfy(refused('SIGN_IN_REQUIRED', /damaged/));
    await writeFile(path.join(s.ws.localDir, 'user.json'), '{"memb');
    await expect(savingAs(s.ws, vault)).rejects.toSatisfy(refused('DAMAGED', /user\.json/));
    // Nobody signed in at all: a workspace with a team saves nothing unsigned.
    await writeFile(path.join(s.ws.articlesDir, 'gift-cards.md'), 'changed\n', { flag: 'a' });
    await expect(commitArticles(s.ws, ['gift-cards'], 'unsigned', undefined)).rejects.toSatisfy(
      refused('SIGN_IN_REQUIRED', /must be signed/),
    );
  });

  it('a damaged almanac.json stops the workspace from opening, naming the file', async () => {
    const s = await sample();
    await writeFile(path.join(s.ws.root, 'almanac.json'), '{"name": "x", "team": [');
    await expect(openWorkspace(s.ws.root)).rejects.toSatisfy(refused('VALIDATION_FAILED', /almanac\.json/));
  });
});

describe('sync', () => {
  it('refuses a remote whose history was rewritten, and one whose audit log lost entries', async () => {
    const s = await sample();
    const { dir } = await tempDir('almanac-remote-');
    const remote = path.join(dir, 'remote.git');
    await git.init({ fs, dir: remote, bare: true, defaultBranch: 'main' });
    const sara = await s.signerOf('sara.koh');
    await syncWithTeam(s.ws, { remote, signer: sara });
    const first = await git.resolveRef({ fs, gitdir: remote, ref: 'refs/heads/main' });
    for (const subject of ['x', 'y']) {
      await appendAudit(s.ws, sara, 'review.comment', subject);
      await commitAll(s.ws, `Comment ${subject}`, { name: 'Sara', email: 's@example.com' });
    }
    await syncWithTeam(s.ws, { signer: sara });
    const b = await cloneWorkspace(remote, path.join(dir, 'b'));
    const bHead = await git.resolveRef({ fs, dir: b.root, ref: 'HEAD' });

    // Reset the remote to the first commit and add one forged commit that makes James a manager.
    const attacker = await cloneWorkspace(remote, path.join(dir, 'attacker'));
    await git.writeRef({ fs, dir: attacker.root, ref: 'refs/heads/main', value: first, force: true });
    await git.checkout({ fs, dir: attacker.root, ref: 'main', force: true });
    await handEdit(attacker, (team) => {
      team.find((m) => m.id === 'james.okafor')!.roles = ['manager'];
    });
    const forged = await commitAll(attacker, 'Add a manager');
    await git.writeRef({ fs, gitdir: remote, ref: 'refs/heads/main', value: forged, force: true });
    const { copyObjects } = await import('../sync/index.js');
    await copyObjects(path.join(attacker.root, '.git', 'objects'), path.join(remote, 'objects'));

    await expect(syncWithTeam(b, {})).rejects.toSatisfy(refused('CONFLICT', /history was rewritten/));
    expect(await git.resolveRef({ fs, dir: b.root, ref: 'HEAD' })).toBe(bHead);

    // Without rewriting history: a new commit that drops entries from the audit log.
    await git.writeRef({ fs, gitdir: remote, ref: 'refs/heads/main', value: bHead, force: true });
    const c = await cloneWorkspace(remote, path.join(dir, 'c'));
    const log = path.join(attacker.root, auditFile);
    await git.writeRef({ fs, dir: attacker.root, ref: 'refs/heads/main', value: bHead, force: true });
    await git.checkout({ fs, dir: attacker.root, ref: 'main', force: true });
    await writeFile(
      log,
      `${logLines(await readFile(log, 'utf8'))
        .slice(0, -2)
        .join('\n')}\n`,
    );
    const dropped = await commitAll(attacker, 'Tidy the log');
    await copyObjects(path.join(attacker.root, '.git', 'objects'), path.join(remote, 'objects'));
    await git.writeRef({ fs, gitdir: remote, ref: 'refs/heads/main', value: dropped, force: true });
    await expect(syncWithTeam(c, {})).rejects.toSatisfy(refused('CONFLICT', /does not accept.*(removed|lacks)/));
  });
});

describe('a remote that carries a symbolic link', () => {
  it('is neither cloned nor merged: the audit log as a link to a file outside stays untouched', async () => {
    const s = await sample();
    const { dir } = await tempDir('almanac-remote-');
    const remote = path.join(dir, 'remote.git');
    await git.init({ fs, dir: remote, bare: true, defaultBranch: 'main' });
    const sara = await s.signerOf('sara.koh');
    await syncWithTeam(s.ws, { remote, signer: sara });
    const b = await cloneWorkspace(remote, path.join(dir, 'b'));
    // The attacker commits audit/log.jsonl as a link to a file outside any workspace.
    const victim = path.join(dir, 'victim.txt');
    await writeFile(victim, 'untouched\n');
    const attacker = await cloneWorkspace(remote, path.join(dir, 'attacker'));
    const link = await git.writeBlob({ fs, dir: attacker.root, blob: Buffer.from(victim) });
    const head = await git.resolveRef({ fs, dir: attacker.root, ref: 'HEAD' });
    const { tree } = await git.readTree({ fs, dir: attacker.root, oid: head });
    const audit = tree.find((e) => e.path === 'audit')!;
    const { tree: auditTree } = await git.readTree({ fs, dir: attacker.root, oid: audit.oid });
    const newAudit = await git.writeTree({
      fs,
      dir: attacker.root,
      tree: auditTree.map((e) => (e.path === 'log.jsonl' ? { ...e, mode: '120000', oid: link } : e)),
    });
    const root = await git.writeTree({
      fs,
      dir: attacker.root,
      tree: tree.map((e) => (e.path === 'audit' ? { ...e, oid: newAudit } : e)),
    });
    const forged = await git.commit({
      fs,
      dir: attacker.root,
      message: 'Link',
      tree: root,
      parent: [head],
      author: { name: 'Mallory', email: 'm@example.com' },
      noUpdateBranch: true,
    });
    const { copyObjects } = await import('../sync/index.js');
    await copyObjects(path.join(attacker.root, '.git', 'objects'), path.join(remote, 'objects'));
    await git.writeRef({ fs, gitdir: remote, ref: 'refs/heads/main', value: forged, force: true });

    await expect(cloneWorkspace(remote, path.join(dir, 'c'))).rejects.toSatisfy(
      refused('VALIDATION_FAILED', /symbolic links \(audit\/log\.jsonl\).*Nothing was cloned/),
    );
    await expect(syncWithTeam(b, {})).rejects.toSatisfy(refused('CONFLICT', /symbolic links \(audit\/log\.jsonl\)/));
    await appendAudit(b, await signerFor(b, s.vault, 'sara.koh'), 'review.comment', 'after');
    expect(await readFile(victim, 'utf8')).toBe('untouched\n');
  });
});
