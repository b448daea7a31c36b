import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { commitArticles, diffArticleText, diffVersions, listVersions, restoreVersion } from './index.js';

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
    expect(restored.restoredFrom).toBe(a.version);
    expect((await store.get(a.id)).body).toBe('Return within 30 days.\n');
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
