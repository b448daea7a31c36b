import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { openSession, type Session } from '../api/index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let session: Session;
beforeEach(async () => {
  ctx = await tempWorkspace();
  session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault });
});
afterEach(async () => {
  await session.close();
  await ctx.cleanup();
});

describe('external edits', () => {
  it('are picked up while the studio runs', async () => {
    const a = await session.store.create({ title: 'Original', locale: 'en' });
    await session.store.list();
    const seen: string[] = [];
    session.subscribe((e) => {
      if (e.type === 'articles.changed') seen.push(...e.ids);
    });
    const file = path.join(ctx.ws.articlesDir, `${a.id}.md`);
    const edited = `---\nid: ${a.id}\ntitle: Edited in another editor\nlocale: en\n---\nNew text\n`;
    // The watcher says nothing when it is ready: the other editor saves again until the studio reports it.
    await vi.waitFor(
      async () => {
        await writeFile(file, edited);
        expect(seen).toContain(a.id);
      },
      { timeout: 10_000, interval: 200 },
    );
    expect((await session.store.get(a.id)).title).toBe('Edited in another editor');
  });
});
