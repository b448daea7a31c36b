import { readdir, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { answerQuestion } from '../answer/index.js';
import { buildSnapshot, packSnapshot, type BuiltSnapshot } from '../publish/index.js';
import { LiveAgent, SnapshotStore } from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let first: BuiltSnapshot;
let second: BuiltSnapshot;
let store: SnapshotStore;

beforeAll(async () => {
  ctx = await publishingWorkspace();
  first = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  await ctx.reviewed.store.setArchived('payment-methods', true);
  second = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager, parent: first.manifest.id });
  store = await SnapshotStore.open(path.join(ctx.dir, 'agent'), [ctx.manager.member.publicKey!]);
  for (const s of [first, second]) await store.receive(await packSnapshot(s.dir, `${s.dir}.tar.gz`));
});
afterAll(() => ctx.cleanup());

const serveOnce = async () => {
  const live = new LiveAgent(store);
  const resumed = await live.resume();
  const answer = resumed.id
    ? await live.use((s) => answerQuestion(s.knowledge, 'How long does a refund take to reach my card?'))
    : undefined;
  live.close();
  return { ...resumed, cited: answer?.citations[0]?.articleId };
};

describe('an agent restarting', () => {
  it('comes back on the snapshot it served, even after answering from it', async () => {
    const live = new LiveAgent(store);
    await live.activate(first.manifest.id);
    await live.activate(second.manifest.id);
    await live.use((s) => answerQuestion(s.knowledge, 'gift cards'));
    live.close();
    expect(await serveOnce()).toMatchObject({ id: second.manifest.id, skipped: [], cited: 'refund-policy' });
  });

  it('skips a snapshot whose files were damaged on disk for the one before it', async () => {
    const articles = path.join(store.dirOf(second.manifest.id), 'articles');
    await appendFile(path.join(articles, (await readdir(articles))[0]!), 'bit rot');
    const resumed = await serveOnce();
    expect(resumed.id).toBe(first.manifest.id);
    expect(resumed.skipped).toEqual([
      { id: second.manifest.id, reason: expect.stringMatching(/differs from the signed manifest/) },
    ]);
    expect(resumed.cited).toBe('refund-policy');
    expect((await store.active())?.id).toBe(first.manifest.id);
  });
});
