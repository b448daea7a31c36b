import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace } from './indexWorkspace.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace({ sample: true });
});
afterEach(() => ctx.cleanup());

async function scores(dir: string, query: string): Promise<string[]> {
  const index = await ChunkIndex.open(dir);
  try {
    return (await index.lexicalSearch(query, 10)).map((h) => `${h.row.id} ${h.score.toFixed(4)}`);
  } finally {
    index.close();
  }
}

async function indexed(dir: string, exactStatistics?: boolean): Promise<void> {
  const index = await ChunkIndex.open(dir);
  try {
    await indexWorkspace(ctx.store, index, { exactStatistics });
  } finally {
    index.close();
  }
}

describe('an index updated in place, with exact statistics', () => {
  it('scores as an index built fresh from the same articles once rows were removed', async () => {
    const query = 'My card keeps getting declined. Which payment methods do you accept?';
    const [exact, fresh] = ['exact', 'fresh'].map((d) => path.join(indexDir(ctx.store), '..', d));
    await indexed(exact!, true);
    await ctx.store.remove('payment-methods');
    await indexed(exact!, true);
    await indexed(fresh!);

    const expected = await scores(fresh!, query);
    expect(expected.some((s) => s.startsWith('payment-methods'))).toBe(false);
    expect(await scores(exact!, query)).toEqual(expected);
  });
});
