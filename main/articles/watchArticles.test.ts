import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    const seen = new Promise<string[]>((resolve) =>
      session.subscribe((e) => e.type === 'articles.changed' && resolve(e.ids)),
    );
    await new Promise((r) => setTimeout(r, 300));
    const file = path.join(ctx.ws.articlesDir, `${a.id}.md`);
    await writeFile(file, `---\nid: ${a.id}\ntitle: Edited in another editor\nlocale: en\n---\nNew text\n`);
    expect(await seen).toContain(a.id);
    expect((await session.store.get(a.id)).title).toBe('Edited in another editor');
  });
});
