import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { dispatch } from '../api/index.js';
import { openSession } from '../api/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../indexing/index.js';
import { searchChunks, type SearchResponse } from './searchChunks.js';
import { searchKnowledge, searchPolicy } from './searchPolicy.js';

const query = 'refund';
const archivedId = 'refund-policy';
let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  await ctx.store.setArchived(archivedId, true);
});
afterAll(() => ctx.cleanup());

const ids = (response: SearchResponse) => response.results.map((r) => r.chunkId);

/** `almanac search` as a user runs it, with a model folder that holds no model. */
function cliSearch(...args: string[]): SearchResponse {
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), 'search', ctx.ws.root, query, '--json', ...args],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as SearchResponse;
}

describe('search policy (one default for the studio, the CLI and evaluation)', () => {
  it('leaves archived articles out unless the caller names statuses', () => {
    const live = ['draft', 'in-review', 'changes-requested', 'approved', 'stale'];
    expect(searchPolicy()).toEqual({ status: live });
    expect(searchPolicy({ locale: 'en' })).toEqual({ locale: 'en', status: live });
    expect(searchPolicy({ status: ['archived'] })).toEqual({ status: ['archived'] });
  });

  it('gives the same results through the handler table and the command line, archived article excluded', async () => {
    const index = await ChunkIndex.open(indexDir(ctx.store));
    let core: SearchResponse;
    try {
      await indexWorkspace(ctx.store, index);
      const unfiltered = await searchChunks(index, query, { k: 50, mode: 'lexical' });
      expect(unfiltered.results.map((r) => r.articleId)).toContain(archivedId);
      core = await searchKnowledge(index, query, { k: 10 });
      const archived = await searchKnowledge(index, query, { k: 10, filter: { status: ['archived'] } });
      expect(new Set(archived.results.map((r) => r.articleId))).toEqual(new Set([archivedId]));
    } finally {
      index.close();
    }
    expect(core.results.length).toBeGreaterThan(0);
    expect(core.results.map((r) => r.articleId)).not.toContain(archivedId);

    const session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault });
    let studio: SearchResponse;
    try {
      await session.indexer.refresh();
      const result = await dispatch(session.handlers, 'search.query', { query });
      if (!result.ok) throw new Error(result.error.message);
      studio = result.data as SearchResponse;
    } finally {
      await session.close();
    }

    const cli = cliSearch('--model-dir', path.join(ctx.dir, 'no-model-here'));
    expect(ids(studio)).toEqual(ids(core));
    expect(ids(cli)).toEqual(ids(core));
    expect(cli.results.map((r) => r.articleId)).not.toContain(archivedId);
  });
});
