import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { diffArticleText, diffVersions } from '../articles/index.js';
import { commitArticles, listVersions, restoreVersion } from './index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

describe('versions', () => {
  it('saves versions, lists history, diffs any two and restores as a new version', async () => {
    const { store, ws } = ctx;
    const a = await store.create({ title: 'Returns', locale: 'en', body: 'Return within 30 days.' });
    const v1 = await commitArticles(ws, [a.id], 'First draft', 'mei.chen');
    expect(v1.articles).toEqual([{ id: a.id, version: a.version }]);
    await store.save(a.id, { meta: { ...a.meta, tags: ['returns'] }, body: 'Return within 14 days, unused.' });
    await commitArticles(ws, [a.id], 'Shorter window');

    const history = await listVersions(ws, a.id);
    expect(history.map((h) => h.message)).toEqual(['Shorter window', 'First draft']);
    expect(history[1]!.version).toBe(a.version);

    const diff = await diffVersions(ws, a.id, history[1]!.version!.slice(0, 7), 'latest');
    expect(diff.body.filter((c) => c.kind === 'removed').map((c) => c.text.trim())).toContain('30');
    expect(diff.body.filter((c) => c.kind === 'added').map((c) => c.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('14')]),
    );
    expect(diff.fields).toEqual([{ field: 'tags', from: [], to: ['returns'] }]);

    const restored = await restoreVersion(ws, a.id, history[1]!.version!);
    const after = await listVersions(ws, a.id);
    expect(after).toHaveLength(3);
    expect(after[0]!.message).toMatch(/^Restore returns to version/);
    expect(after[0]!.version).toBe(a.version);
    expect(restored.restoredFrom).toBe(history[1]!.commit);
    expect(restored.restoredVersion).toBe(a.version);
    expect((await store.get(a.id)).body).toBe('Return within 30 days.\n');
  });

  it('tells a restored version apart from the one it brought back', async () => {
    const { store, ws } = ctx;
    const a = await store.create({ title: 'Refunds', locale: 'en', body: 'Seven days.' });
    const first = await commitArticles(ws, [a.id], 'First version');
    await store.save(a.id, { meta: a.meta, body: 'Three days.' });
    const second = await commitArticles(ws, [a.id], 'Faster');
    const restored = await restoreVersion(ws, a.id, first.commit.slice(0, 7));

    const history = await listVersions(ws, a.id);
    expect(history.map((v) => v.commit)).toEqual([restored.commit, second.commit, first.commit]);
    expect(new Set(history.map((v) => v.commit)).size).toBe(3);
    expect(history[0]!.version).toBe(history[2]!.version);
    expect(history[0]!.sameTextAs).toBe(first.commit);
    expect(history[1]!.sameTextAs).toBeUndefined();
    expect(history[2]!.sameTextAs).toBeUndefined();

    // Comparing by commit picks that commit, not the newest one with the same text.
    const firstToSecond = await diffVersions(ws, a.id, first.commit.slice(0, 7), second.commit.slice(0, 7));
    expect(firstToSecond.from.ref).toBe(first.commit);
    expect(firstToSecond.body.some((c) => c.kind === 'removed' && c.text.includes('Seven'))).toBe(true);
    const same = await diffVersions(ws, a.id, first.commit.slice(0, 8), restored.commit.slice(0, 8));
    expect([same.from.ref, same.to.ref]).toEqual([first.commit, restored.commit]);
    expect(same.from.version).toBe(same.to.version);
    expect(same.body.every((c) => c.kind === 'equal')).toBe(true);

    // A content-hash prefix still works and names the newest commit with that text.
    const byHash = await diffVersions(ws, a.id, history[0]!.version!.slice(0, 8), 'latest');
    expect(byHash.from.ref).toBe(restored.commit);
    expect(byHash.from.version).toBe(history[0]!.version);
  });

  it('renders both versions and diffs them block by block', async () => {
    const { store, ws } = ctx;
    const a = await store.create({
      title: 'Fees',
      locale: 'en',
      body: '## Shipping fees\n\n| Zone | Fee |\n| --- | --- |\n| EU | 5 |\n',
    });
    await commitArticles(ws, [a.id], 'v1');
    await store.save(a.id, { meta: a.meta, body: '## Shipping costs\n\n| Zone | Fee |\n| --- | --- |\n| EU | 7 |\n' });
    const diff = await diffVersions(ws, a.id, 'latest', 'working');
    expect(diff.from.ref).toBe((await listVersions(ws, a.id))[0]!.commit);
    expect(diff.to.ref).toBe('working');
    expect(diff.blocks.map((b) => b.kind)).toEqual(['changed', 'unchanged', 'changed']);
    expect(diff.blocks[0]!.html).toBe('<h2>Shipping <del>fees</del><ins>costs</ins></h2>');
    expect(diff.blocks[2]!.html).toBe('<td>EU</td><td><del>5</del><ins>7</ins></td>');
  });

  it('keeps unsaved edits as their own version before restoring', async () => {
    const { store, ws } = ctx;
    const a = await store.create({ title: 'Keep', locale: 'en', body: 'one' });
    await commitArticles(ws, [a.id], 'v1');
    await store.save(a.id, { meta: a.meta, body: 'two (not versioned yet)' });
    await restoreVersion(ws, a.id, a.version);
    const messages = (await listVersions(ws, a.id)).map((v) => v.message);
    expect(messages[1]).toMatch(/^Keep unsaved edits/);
    const diff = await diffVersions(ws, a.id, 'latest', (await listVersions(ws, a.id))[1]!.version!);
    expect(diff.body.some((c) => c.kind === 'added' && c.text.includes('two'))).toBe(true);
  });

  it('refuses a version with nothing changed, and unknown versions', async () => {
    const { store, ws } = ctx;
    const a = await store.create({ title: 'Same', locale: 'en' });
    await commitArticles(ws, [], 'all changed');
    await expect(commitArticles(ws, [a.id], 'again')).rejects.toMatchObject({ code: 'NO_CHANGES' });
    await expect(diffVersions(ws, a.id, 'ffff', 'latest')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records deletions as versions', async () => {
    const { store, ws } = ctx;
    const a = await store.create({ title: 'Gone', locale: 'en' });
    await commitArticles(ws, [a.id], 'add');
    await store.remove(a.id);
    const result = await commitArticles(ws, [a.id], 'remove');
    expect(result.articles).toEqual([{ id: a.id, version: null }]);
    await restoreVersion(ws, a.id, a.version);
    expect((await store.get(a.id)).title).toBe('Gone');
  });

  it('diffs Chinese prose word by word', () => {
    const from = '---\nid: a\ntitle: 退款\nlocale: zh-CN\n---\n退款将在七个工作日内到账。\n';
    const to = '---\nid: a\ntitle: 退款\nlocale: zh-CN\n---\n退款将在三个工作日内到账。\n';
    const diff = diffArticleText(from, to);
    const removed = diff.body
      .filter((c) => c.kind === 'removed')
      .map((c) => c.text)
      .join('');
    expect(removed.length).toBeLessThan(6);
    expect(removed).toContain('七');
  });
});

describe('versions of several articles', () => {
  it('commits the changed ones among the given ids and leaves the unchanged out', async () => {
    const { store, ws } = ctx;
    const a = await store.create({ title: 'Alpha', locale: 'en' });
    const b = await store.create({ title: 'Beta', locale: 'en' });
    await commitArticles(ws, [], 'both');
    await store.save(a.id, { meta: a.meta, body: 'changed' });
    const result = await commitArticles(ws, [a.id, b.id], 'only alpha changed');
    expect(result.articles.map((x) => x.id)).toEqual([a.id]);
    await expect(commitArticles(ws, [a.id, 'nope'], 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
