import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { ArticleStore } from '../articles/index.js';
import { fs, git, headCommit } from '../versions/index.js';
import { commitArticles } from '../versions/index.js';
import { createWorkspace } from '../session/index.js';
import { type Workspace } from '../workspace/index.js';
import { appendAudit, auditFile, auditHeadFile, readTrust } from '../audit/index.js';
import { cloneWorkspace, pendingConflicts, resolveConflict, syncRemote, syncWorkspace } from './index.js';

const alice = { name: 'Alice', email: 'alice@example.com' };
const bob = { name: 'Bob', email: 'bob@example.com' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A workspace "a" with one article, a new empty bare remote, and a place for a second copy. */
async function team() {
  const { dir, cleanup } = await tempDir('almanac-sync-');
  cleanups.push(cleanup);
  const remote = path.join(dir, 'remote.git');
  await git.init({ fs, dir: remote, bare: true, defaultBranch: 'main' });
  const a = await createWorkspace(path.join(dir, 'a'), { name: 'Support' });
  const store = new ArticleStore(a);
  const refund = await store.create({ title: 'Refund policy', locale: 'en', body: 'Refunds take 14 days.' });
  await commitArticles(a, [refund.id], 'Add refunds', 'alice');
  return { dir, remote, a, refund, bPath: path.join(dir, 'b') };
}

const articleFile = (ws: Workspace, id: string) => path.join(ws.articlesDir, `${id}.md`);
const read = (ws: Workspace, filepath: string) => readFile(path.join(ws.root, filepath), 'utf8');
// Saving a version may also append to audit/log.jsonl; these tests look at articles.
const articlePaths = (paths: string[]) => paths.filter((p) => p.startsWith('articles/'));

async function editArticle(ws: Workspace, id: string, body: string, commit = true): Promise<void> {
  const store = new ArticleStore(ws);
  const article = await store.get(id);
  await store.save(id, { meta: article.meta, body });
  if (commit) await commitArticles(ws, [id], `Edit ${id}`);
}

async function commitFiles(ws: Workspace, files: Record<string, string>, message: string): Promise<string> {
  for (const [filepath, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(ws.root, filepath)), { recursive: true });
    await writeFile(path.join(ws.root, filepath), text);
    await git.add({ fs, dir: ws.root, filepath });
  }
  return git.commit({ fs, dir: ws.root, message, author: alice });
}

async function parentsOfHead(ws: Workspace): Promise<string[]> {
  return (await git.readCommit({ fs, dir: ws.root, oid: (await headCommit(ws.root))! })).commit.parent;
}

describe('syncWorkspace', () => {
  it('pushes to an empty remote, and a clone gets the articles', async () => {
    const { remote, a, refund, bPath } = await team();
    const pushed = await syncWorkspace(a, { remote, author: alice });
    expect(pushed).toMatchObject({ state: 'pushed', pulled: 0, pushed: 2, conflicts: [] });
    expect(await syncRemote(a)).toBe(remote);
    expect(await git.resolveRef({ fs, gitdir: remote, ref: 'refs/heads/main' })).toBe(await headCommit(a.root));

    const b = await cloneWorkspace(remote, bPath);
    expect(await readFile(articleFile(b, refund.id), 'utf8')).toBe(await readFile(articleFile(a, refund.id), 'utf8'));
    expect(await new ArticleStore(b).get(refund.id)).toMatchObject({ title: 'Refund policy' });
    expect(await syncRemote(b)).toBe(remote);
    expect(await git.statusMatrix({ fs, dir: b.root })).toSatisfy((rows: unknown[][]) =>
      rows.every(([, head, workdir, stage]) => head === 1 && workdir === 1 && stage === 1),
    );
    expect(await syncWorkspace(b, { author: bob })).toMatchObject({ state: 'up-to-date', pulled: 0, pushed: 0 });

    // Real git reads what was copied into the bare repository, when it is installed.
    if (hasGit()) execFileSync('git', ['--git-dir', remote, 'fsck', '--strict'], { stdio: 'pipe' });
  });

  it('merges edits of different articles on both sides into one history', async () => {
    const { remote, a, refund, bPath } = await team();
    const shipping = await new ArticleStore(a).create({ title: 'Shipping', locale: 'en', body: 'Ships in 2 days.' });
    await commitArticles(a, [shipping.id], 'Add shipping');
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);

    await editArticle(a, refund.id, 'Refunds take 10 days.');
    await editArticle(b, shipping.id, 'Ships in 1 day.');
    await writeFile(path.join(b.root, 'notes.txt'), 'uncommitted scratch\n');
    expect((await syncWorkspace(a, { author: alice })).state).toBe('pushed');

    const bSync = await syncWorkspace(b, { author: bob });
    expect(bSync).toMatchObject({ state: 'merged', pulled: 1, pushed: 2, conflicts: [] });
    expect(articlePaths(bSync.changedPaths)).toEqual([`articles/${refund.id}.md`]);
    expect(await parentsOfHead(b)).toHaveLength(2);
    expect((await git.readCommit({ fs, dir: b.root, oid: (await headCommit(b.root))! })).commit.message).toBe(
      `Sync with ${remote}\n`,
    );
    expect(await read(b, 'notes.txt')).toBe('uncommitted scratch\n');

    const aSync = await syncWorkspace(a, { author: alice });
    expect(aSync).toMatchObject({ state: 'pulled', pulled: 2, pushed: 0 });
    expect(articlePaths(aSync.changedPaths)).toEqual([`articles/${shipping.id}.md`]);
    for (const ws of [a, b]) {
      expect((await new ArticleStore(ws).get(refund.id)).body).toContain('10 days');
      expect((await new ArticleStore(ws).get(shipping.id)).body).toContain('1 day.');
    }
    expect(await headCommit(a.root)).toBe(await headCommit(b.root));
  });

  it('reports a conflict with all three texts and pushes the resolved text', async () => {
    const { remote, a, refund, bPath } = await team();
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);
    const filepath = `articles/${refund.id}.md`;

    await editArticle(a, refund.id, 'Refunds take 14 days. Alice: contact billing first.');
    await editArticle(b, refund.id, 'Refunds take 14 days. Bob: keep the receipt.');
    const bHead = await headCommit(b.root);
    await syncWorkspace(a, { author: alice });

    const result = await syncWorkspace(b, { author: bob });
    expect(result.state).toBe('conflicts');
    expect(result.conflicts).toHaveLength(1);
    const [conflict] = result.conflicts;
    expect(conflict!.path).toBe(filepath);
    expect(conflict!.base).toContain('Refunds take 14 days.');
    expect(conflict!.base).not.toMatch(/Alice|Bob/);
    expect(conflict!.ours).toContain('Bob: keep the receipt.');
    expect(conflict!.theirs).toContain('Alice: contact billing first.');
    expect(await read(b, filepath)).toBe(conflict!.ours);
    expect(await headCommit(b.root)).toBe(bHead);
    expect(await pendingConflicts(b)).toEqual(result.conflicts);
    expect(existsSync(path.join(b.localDir, 'sync', 'merge.json'))).toBe(true);

    // While conflicts are open, sync only reports them again.
    const again = await syncWorkspace(b, { author: bob });
    expect(again).toMatchObject({ state: 'conflicts', pushed: 0, pulled: 0, conflicts: result.conflicts });

    const combined = conflict!.ours!.replace(
      'Bob: keep the receipt.',
      'Alice: contact billing first. Bob: keep the receipt.',
    );
    await expect(resolveConflict(b, 'articles/nope.md', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await resolveConflict(b, filepath, combined)).toEqual([]);
    expect(await pendingConflicts(b)).toEqual([]);
    expect(await parentsOfHead(b)).toEqual([bHead, await git.resolveRef({ fs, gitdir: remote, ref: 'main' })]);

    expect(await syncWorkspace(b, { author: bob })).toMatchObject({ state: 'pushed', pushed: 2 });
    const aSync = await syncWorkspace(a, { author: alice });
    expect(aSync.state).toBe('pulled');
    expect(articlePaths(aSync.changedPaths)).toEqual([filepath]);
    const resolved = await read(a, filepath);
    expect(resolved).toBe(combined);
    expect(resolved).toContain('Alice: contact billing first.');
    expect(resolved).toContain('Bob: keep the receipt.');
  });

  it('unites review lines and audit entries appended on both sides, re-linking the audit chain', async () => {
    const { remote, a, bPath } = await team();
    await commitFiles(a, { 'reviews/x.jsonl': '{"by":"mei","ok":true}\n' }, 'Review');
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);
    const audited = async (ws: Workspace, subject: string, lines: string) => {
      await appendAudit(ws, undefined, 'import', subject);
      await commitFiles(ws, { 'reviews/x.jsonl': lines }, subject);
      await git.add({ fs, dir: ws.root, filepath: auditFile });
      await git.add({ fs, dir: ws.root, filepath: auditHeadFile });
      await git.commit({ fs, dir: ws.root, message: `Audit ${subject}`, author: alice });
    };
    await audited(a, 'alice approved', '{"by":"mei","ok":true}\n{"by":"alice","ok":true}\n');
    await audited(b, 'bob commented', '{"by":"mei","ok":true}\n{"by":"bob","ok":false}\n');
    await syncWorkspace(a, { author: alice });

    const result = await syncWorkspace(b, { author: bob });
    expect(result).toMatchObject({ state: 'merged', conflicts: [] });
    expect(await read(b, 'reviews/x.jsonl')).toBe(
      '{"by":"mei","ok":true}\n{"by":"bob","ok":false}\n{"by":"alice","ok":true}\n',
    );
    const subjects = (await read(b, 'audit/log.jsonl'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { subject: string }).subject);
    expect(subjects.slice(-2)).toEqual(['bob commented', 'alice approved']);
    // Both sides' entries in one chain, and our signed head still vouches for ours.
    expect(await readTrust(b)).toMatchObject({ ok: true, entries: subjects.length });

    await syncWorkspace(a, { author: alice });
    expect(await read(a, 'reviews/x.jsonl')).toBe(await read(b, 'reviews/x.jsonl'));
    expect(await read(a, 'audit/log.jsonl')).toBe(await read(b, 'audit/log.jsonl'));
    expect(await readTrust(a)).toMatchObject({ ok: true });
  });

  it('unites answer feedback given on both sides', async () => {
    const { remote, a, bPath } = await team();
    await commitFiles(a, { 'feedback/answers.jsonl': '{"q":"refund?","helpful":true}\n' }, 'Feedback');
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);
    await commitFiles(
      a,
      { 'feedback/answers.jsonl': '{"q":"refund?","helpful":true}\n{"q":"a","helpful":false}\n' },
      'A',
    );
    await commitFiles(
      b,
      { 'feedback/answers.jsonl': '{"q":"refund?","helpful":true}\n{"q":"b","helpful":true}\n' },
      'B',
    );
    await syncWorkspace(a, { author: alice });
    expect(await syncWorkspace(b, { author: bob })).toMatchObject({ state: 'merged', conflicts: [] });
    expect(await read(b, 'feedback/answers.jsonl')).toBe(
      '{"q":"refund?","helpful":true}\n{"q":"b","helpful":true}\n{"q":"a","helpful":false}\n',
    );
  });

  it('merges golden questions added on both sides, and keeps both when they took the same id', async () => {
    const { remote, a, bPath } = await team();
    const q = (id: string, question: string) => `${JSON.stringify({ id, question })}\n`;
    await commitFiles(a, { 'evals/golden.jsonl': q('q1', 'refund?') }, 'Golden');
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);
    await commitFiles(a, { 'evals/golden.jsonl': q('q1', 'refund?') + q('q2', 'gift cards?') }, 'A');
    await commitFiles(b, { 'evals/golden.jsonl': q('q1', 'refund?') + q('q2', 'warranty?') }, 'B');
    await syncWorkspace(a, { author: alice });
    expect(await syncWorkspace(b, { author: bob })).toMatchObject({ state: 'merged', conflicts: [] });
    expect(await read(b, 'evals/golden.jsonl')).toBe(
      q('q1', 'refund?') + q('q2', 'warranty?') + q('q3', 'gift cards?'),
    );
  });

  it('treats an incoming change to a file with uncommitted edits as a conflict and keeps the edits', async () => {
    const { remote, a, refund, bPath } = await team();
    const shipping = await new ArticleStore(a).create({ title: 'Shipping', locale: 'en', body: 'Ships in 2 days.' });
    await commitArticles(a, [shipping.id], 'Add shipping');
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);

    await editArticle(a, refund.id, 'Refunds take 7 days.');
    await editArticle(a, shipping.id, 'Ships the same day.');
    await syncWorkspace(a, { author: alice });
    await editArticle(b, refund.id, 'Refunds take 30 days (draft, not versioned).', false);
    const working = await readFile(articleFile(b, refund.id), 'utf8');

    const result = await syncWorkspace(b, { author: bob });
    expect(result.state).toBe('conflicts');
    expect(result.conflicts.map((c) => c.path)).toEqual([`articles/${refund.id}.md`]);
    expect(result.conflicts[0]!.ours).toBe(working);
    expect(result.conflicts[0]!.theirs).toContain('7 days');
    expect(result.conflicts[0]!.base).toContain('14 days');
    expect(await readFile(articleFile(b, refund.id), 'utf8')).toBe(working);
    // The other incoming change is already in the working tree.
    expect(articlePaths(result.changedPaths)).toEqual([`articles/${shipping.id}.md`]);
    expect((await new ArticleStore(b).get(shipping.id)).body).toContain('same day');

    await resolveConflict(b, `articles/${refund.id}.md`, working);
    expect(await syncWorkspace(b, { author: bob })).toMatchObject({ state: 'pushed' });
    await syncWorkspace(a, { author: alice });
    expect((await new ArticleStore(a).get(refund.id)).body).toContain('30 days');
  });

  it('reports offline when the remote cannot be reached and changes nothing', async () => {
    const { dir, a, refund } = await team();
    const head = await headCommit(a.root);
    const text = await readFile(articleFile(a, refund.id), 'utf8');
    await expect(syncWorkspace(a, { author: alice })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const remote of [path.join(dir, 'unplugged-drive', 'remote.git'), 'http://127.0.0.1:9/team.git']) {
      const result = await syncWorkspace(a, { remote, author: alice });
      expect(result).toMatchObject({ state: 'offline', pulled: 0, pushed: 0, changedPaths: [], conflicts: [] });
      expect(result.message).toMatch(/Works offline: sync when back online/);
    }
    expect(await headCommit(a.root)).toBe(head);
    expect(await readFile(articleFile(a, refund.id), 'utf8')).toBe(text);
    // The remote is remembered for when the network is back.
    expect(await syncRemote(a)).toBe('http://127.0.0.1:9/team.git');
    expect((await syncWorkspace(a, { author: alice })).state).toBe('offline');
  });

  it('loses nothing when two workspaces push at the same time', async () => {
    const { remote, a, refund, bPath } = await team();
    const shipping = await new ArticleStore(a).create({ title: 'Shipping', locale: 'en', body: 'Ships in 2 days.' });
    await commitArticles(a, [shipping.id], 'Add shipping');
    await syncWorkspace(a, { remote, author: alice });
    const b = await cloneWorkspace(remote, bPath);
    await editArticle(a, refund.id, 'Refunds take 5 days.');
    await editArticle(b, shipping.id, 'Ships in 3 hours.');

    const results = await Promise.all([syncWorkspace(a, { author: alice }), syncWorkspace(b, { author: bob })]);
    expect(results.map((r) => r.state).sort()).toEqual(['merged', 'pushed']);
    for (const ws of [a, b]) await syncWorkspace(ws, { author: alice });
    expect(await headCommit(a.root)).toBe(await headCommit(b.root));
    expect(await git.resolveRef({ fs, gitdir: remote, ref: 'main' })).toBe(await headCommit(a.root));
    for (const ws of [a, b]) {
      expect((await new ArticleStore(ws).get(refund.id)).body).toContain('5 days');
      expect((await new ArticleStore(ws).get(shipping.id)).body).toContain('3 hours');
    }
  });
});

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
