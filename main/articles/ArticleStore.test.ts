import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { commitArticles } from '../versions/index.js';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from './ArticleStore.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let store: ArticleStore;
beforeEach(async () => {
  ctx = await tempWorkspace();
  store = ctx.store;
});
afterEach(() => ctx.cleanup());

describe('ArticleStore', () => {
  it('shares a listing in flight, but never hands one started before a change to a later caller', async () => {
    const a = await store.create({ title: 'Opening hours', body: 'Nine to five.\n' });
    const first = store.list();
    expect(store.list()).toBe(first);
    await store.save(a.id, { meta: a.meta, body: 'Eight to six.\n' });
    const after = store.list();
    expect(after).not.toBe(first);
    const listed = (await after).find((x) => x.id === a.id)!;
    expect(listed.version).toBe((await store.get(a.id)).version);
    // History or review records changed while a listing ran: the next caller gets a fresh one.
    const running = store.list();
    store.touch();
    expect(store.list()).not.toBe(running);
    await running;
  });

  it('creates an article with an id from its title and reads it back', async () => {
    const a = await store.create({
      title: 'Reset your password',
      locale: 'en',
      body: '## Steps\n\n1. Open settings\n',
    });
    expect(a.id).toBe('reset-your-password');
    expect(a.status).toBe('draft');
    expect(a.versionState).toBe('unversioned');
    const again = await store.create({ title: 'Reset your password' });
    expect(again.id).toBe('reset-your-password-2');
    const text = await readFile(path.join(ctx.ws.articlesDir, 'reset-your-password.md'), 'utf8');
    expect(text).toMatch(/^---\nid: reset-your-password\ntitle: Reset your password\n/);
    expect(text).toContain('1. Open settings');
  });

  it('keeps a Chinese title readable as its id', async () => {
    const a = await store.create({ title: '退款 政策', locale: 'zh-CN' });
    expect(a.id).toBe('退款-政策');
    expect((await store.get(a.id)).title).toBe('退款 政策');
  });

  it('saves with the version it started from and refuses a stale base (external edit)', async () => {
    const a = await store.create({ title: 'Shipping', locale: 'en', body: 'old' });
    const saved = await store.save(a.id, { meta: a.meta, body: 'new text', baseVersion: a.version });
    expect(saved.body).toBe('new text\n');
    await writeFile(
      path.join(ctx.ws.articlesDir, `${a.id}.md`),
      (await readFile(path.join(ctx.ws.articlesDir, `${a.id}.md`), 'utf8')).replace('new text', 'edited elsewhere'),
    );
    const err = await store
      .save(a.id, { meta: a.meta, body: 'mine', baseVersion: saved.version })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AlmanacError);
    expect((err as AlmanacError).code).toBe('CONFLICT');
    expect((await store.get(a.id)).body).toContain('edited elsewhere');
  });

  it('derives status and version state from the file and history', async () => {
    const a = await store.create({ title: 'Warranty', locale: 'en', reviewBy: '2020-01-01' });
    expect(a.status).toBe('stale');
    await commitArticles(ctx.ws, [a.id], 'First version');
    expect((await store.get(a.id)).versionState).toBe('versioned');
    await store.save(a.id, { meta: { ...a.meta, reviewBy: '2099-01-01' }, body: 'changed' });
    const changed = await store.get(a.id);
    expect(changed).toMatchObject({ status: 'draft', versionState: 'modified' });
    const archived = await store.setArchived(a.id, true);
    expect(archived.status).toBe('archived');
  });

  it('lists a broken file as invalid with its problems instead of failing the list', async () => {
    await store.create({ title: 'Fine', locale: 'en' });
    await writeFile(
      path.join(ctx.ws.articlesDir, 'broken.md'),
      '---\ntitle: Broken\nlocale: en\nreviewBy: soon\n---\nText',
    );
    const list = await store.list();
    const broken = list.find((a) => a.id === 'broken');
    expect(list).toHaveLength(2);
    expect(broken?.status).toBe('invalid');
    expect(broken?.problems?.[0]).toMatchObject({ file: 'articles/broken.md', field: 'reviewBy' });
  });

  it('rejects invalid fields with the field named', async () => {
    const a = await store.create({ title: 'X', locale: 'en' });
    const err = await store
      .save(a.id, { meta: { ...a.meta, locale: 'not a locale' }, body: '' })
      .catch((e: unknown) => e);
    expect((err as AlmanacError).code).toBe('VALIDATION_FAILED');
    expect((err as AlmanacError).details?.problems?.[0]?.field).toBe('locale');
  });

  it('searches titles and text, title matches first', async () => {
    await store.create({ title: 'Refund timing', locale: 'en', body: 'Cards take 5 days.' });
    await store.create({ title: 'Payments', locale: 'en', body: 'A refund goes back to the card.' });
    await store.create({ title: '退款到账时间', locale: 'zh-CN', body: '支付宝退款 1-3 个工作日到账。' });
    expect((await store.search('refund')).map((h) => h.id)).toEqual(['refund-timing', 'payments']);
    expect((await store.search('支付宝')).length).toBe(1);
    expect(await store.search('   ')).toEqual([]);
  });

  it('limits ids in bytes, not characters: long Chinese titles and ids fail cleanly', async () => {
    const title = '退'.repeat(84);
    const made = await store.create({ title, locale: 'zh-CN' });
    expect(Buffer.byteLength(made.id, 'utf8')).toBeLessThanOrEqual(160);
    expect((await store.get(made.id)).title).toBe(title);
    const err = await store.create({ id: '退'.repeat(84), title: 'x', locale: 'zh-CN' }).catch((e: unknown) => e);
    expect((err as AlmanacError).code).toBe('VALIDATION_FAILED');
    expect((err as AlmanacError).message).toMatch(/160 bytes/);
    expect((err as AlmanacError).message).not.toMatch(/ENAMETOOLONG|\//);
  });

  it('deletes an article and refuses ids that leave the folder', async () => {
    const a = await store.create({ title: 'Temp', locale: 'en' });
    await store.remove(a.id);
    await expect(store.get(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.get('../almanac')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
