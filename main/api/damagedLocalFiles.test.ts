import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { dispatch } from './handlers.js';
import { openSession } from './openSession.js';
import { readTargets, saveTarget } from '../publish/index.js';
import { listRuns, saveRun, type GoldenRun } from '../evaluation/index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

const run = (id: string, time: string): GoldenRun =>
  ({
    id,
    set: 'smoke',
    time,
    against: 'drafts',
    k: 5,
    metrics: {},
    outcomes: [],
    versions: {},
  }) as unknown as GoldenRun;

describe('damaged files beside the workspace', () => {
  it('a half-written run file leaves the rest of the run history readable', async () => {
    await saveRun(ctx.ws, run('r1', '2026-12-01T10:00:00Z'));
    await saveRun(ctx.ws, run('r2', '2026-12-02T10:00:00Z'));
    const dir = path.join(ctx.ws.localDir, 'eval-runs', 'smoke');
    await writeFile(path.join(dir, 'r3.json'), '{"id":"r3","set":"smo');
    expect((await listRuns(ctx.ws, 'smoke')).map((r) => r.id)).toEqual(['r2', 'r1']);
    // The damaged file is left where it was, for whoever wants to look at it.
    expect(await readFile(path.join(dir, 'r3.json'), 'utf8')).toContain('"r3"');
  });

  it('a damaged list of publish targets is an error, never overwritten with an empty list', async () => {
    const configDir = path.join(ctx.dir, 'config');
    await saveTarget(configDir, { url: 'http://127.0.0.1:9/', name: 'EU agent', token: 'secret-token' });
    const file = path.join(configDir, 'publish-targets.json');
    const damaged = (await readFile(file, 'utf8')).slice(0, 40);
    await writeFile(file, damaged);
    await expect(readTargets(configDir)).rejects.toThrow(/publish-targets\.json is damaged/);
    await expect(saveTarget(configDir, { url: 'http://127.0.0.1:10/', token: 't' })).rejects.toThrow(/damaged/);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });
});

describe('the publish screen over a damaged list of targets', () => {
  it('still opens, and says what is wrong', async () => {
    const configDir = path.join(ctx.dir, 'config');
    await mkdir(configDir, { recursive: true });
    await writeFile(path.join(configDir, 'publish-targets.json'), '[{"url": "http://127.0.0.1:9", "tok');
    const session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault, configDir });
    try {
      const res = await dispatch(session.handlers, 'publish.overview', {});
      expect(res).toMatchObject({ ok: true, data: { targets: [], targetsProblem: expect.stringMatching(/damaged/) } });
    } finally {
      await session.close();
    }
  });
});
