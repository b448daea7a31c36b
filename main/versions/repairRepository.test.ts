import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { reportRepairsTo } from './gitRepo.js';
import { commitArticles, listVersions } from './versionHistory.js';
import { openWorkspace } from '../session/index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
const notices: string[] = [];
beforeEach(async () => {
  ctx = await tempWorkspace();
  notices.length = 0;
  reportRepairsTo((n) => notices.push(n));
  for (const id of ['a', 'b', 'c'])
    await ctx.store.create({ id, title: id.toUpperCase(), locale: 'en', body: `${id} v1` });
  await commitArticles(ctx.ws, [], 'First versions');
  await ctx.store.save('a', { meta: (await ctx.store.get('a')).meta, body: 'a v2' });
  await commitArticles(ctx.ws, ['a'], 'Second version of a');
});
afterEach(() => ctx.cleanup());

const commits = async () => (await git.log({ fs, dir: ctx.ws.root })).map((c) => c.commit.message.trim());

describe('damaged history', () => {
  it('a branch rewound to an older commit is reported and moved forward again, losing no commit', async () => {
    const tip = (await git.log({ fs, dir: ctx.ws.root }))[0]!.oid;
    const older = (await git.log({ fs, dir: ctx.ws.root }))[2]!.oid;
    await writeFile(path.join(ctx.ws.root, '.git/refs/heads/main'), `${older}\n`);
    // Opening the workspace notices it, before anything is written on the rewound branch.
    await openWorkspace(ctx.ws.root);
    expect(notices.join('\n')).toMatch(
      /refs\/heads\/main had moved back to .*2 commit\(s\) behind.*no commit was lost/,
    );
    expect(await git.resolveRef({ fs, dir: ctx.ws.root, ref: 'main' })).toBe(tip);
    // The same when the next save comes first.
    notices.length = 0;
    await writeFile(path.join(ctx.ws.root, '.git/refs/heads/main'), `${older}\n`);
    await ctx.store.save('c', { meta: (await ctx.store.get('c')).meta, body: 'c v2' });
    await commitArticles(ctx.ws, ['c'], 'Second version of c');
    expect(notices).toHaveLength(1);
    expect(await commits()).toEqual([
      'Second version of c',
      'Second version of a',
      'First versions',
      'Create workspace',
    ]);
  });

  it('an overwritten branch ref never leads to a parentless commit', async () => {
    await writeFile(path.join(ctx.ws.root, '.git/refs/heads/main'), 'garbage, not a commit id\n');
    await ctx.store.save('b', { meta: (await ctx.store.get('b')).meta, body: 'b v2' });
    await commitArticles(ctx.ws, ['b'], 'Second version of b');
    expect(await commits()).toEqual([
      'Second version of b',
      'Second version of a',
      'First versions',
      'Create workspace',
    ]);
    expect(notices.join('\n')).toMatch(/refs\/heads\/main was damaged/);
  });

  it('a corrupt HEAD is repaired and articles keep their versions', async () => {
    await writeFile(path.join(ctx.ws.root, '.git/HEAD'), '\u0000\u0001junk');
    const list = await ctx.store.list();
    expect(list.map((a) => a.versionState)).toEqual(['versioned', 'versioned', 'versioned']);
    expect(notices.join('\n')).toMatch(/HEAD was damaged/);
  });

  it('a damaged .git/index is rebuilt from HEAD and the commit keeps every other article', async () => {
    await writeFile(path.join(ctx.ws.root, '.git/index'), 'DIRC broken');
    await ctx.store.save('c', { meta: (await ctx.store.get('c')).meta, body: 'c v2' });
    await commitArticles(ctx.ws, ['c'], 'Second version of c');
    const files = await git.listFiles({ fs, dir: ctx.ws.root, ref: 'HEAD' });
    expect(files).toEqual(expect.arrayContaining(['articles/a.md', 'articles/b.md', 'articles/c.md']));
    expect((await listVersions(ctx.ws, 'a')).length).toBe(2);
    expect(notices.join('\n')).toMatch(/index was damaged/);
  });

  it('six concurrent command-line commits and one in-process commit all land, each with its own text', async () => {
    for (let i = 0; i < 7; i++)
      await ctx.store.create({ id: `p${i}`, title: `P${i}`, locale: 'en', body: `text of p${i}` });
    const bin = path.join(repoRoot, 'main/cli/bin.ts');
    const run = (i: number) =>
      new Promise<number>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', bin, 'commit', ctx.ws.root, `p${i}`, '-m', `cli ${i}`],
          {
            cwd: repoRoot,
            stdio: 'ignore',
          },
        );
        child.on('exit', (code) => resolve(code ?? 1));
      });
    const codes = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => run(i)),
      commitArticles(ctx.ws, ['p6'], 'studio 6').then(() => 0),
    ]);
    expect(codes).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const messages = await commits();
    for (let i = 0; i < 6; i++) expect(messages).toContain(`cli ${i}`);
    expect(messages).toContain('studio 6');
    for (let i = 0; i < 7; i++) {
      const { blob } = await git.readBlob({
        fs,
        dir: ctx.ws.root,
        oid: await git.resolveRef({ fs, dir: ctx.ws.root, ref: 'HEAD' }),
        filepath: `articles/p${i}.md`,
      });
      expect(Buffer.from(blob).toString()).toContain(`text of p${i}`);
    }
    expect(await readFile(path.join(ctx.ws.root, '.git/refs/heads/main'), 'utf8')).toMatch(/^[0-9a-f]{40}\n$/);
  }, 180_000);
});
