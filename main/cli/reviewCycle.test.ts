import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../tests/fixtures/tempWorkspace.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
const at = (...p: string[]) => path.join(tmp.dir, ...p);

/** Run the command line as one person: their own key folder, so nobody can sign as anyone else. */
function as(person: string, ...args: string[]) {
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), ...args, '--json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ALMANAC_CONFIG_DIR: at('config', person) },
    },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the command line's JSON, checked field by field below
  let json: any;
  try {
    json = JSON.parse(res.stdout);
  } catch {
    json = undefined;
  }
  return { code: res.status, json, stderr: res.stderr };
}
const ok = (r: ReturnType<typeof as>) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.json;
};
const statusOf = (person: string, ws: string, id: string) =>
  (ok(as(person, 'status', ws)).articles as { id: string; status: string }[]).find((a) => a.id === id)?.status;

beforeEach(async () => {
  tmp = await tempDir('almanac-cycle-');
  await git.init({ fs, dir: at('remote.git'), bare: true, defaultBranch: 'main' });
});
afterEach(() => tmp.cleanup());

// Each step spawns the command line (about 2 s each on these machines), so the story is one test
// that builds its own team and remote: every step needs the state the one before it left.
describe('the review cycle on the command line, two workspaces and one remote', { timeout: 240_000 }, () => {
  const A = () => at('ann');
  const B = () => at('bob');
  const article = 'refund-window';

  it('sets up a team, refuses self-approval and impostors, goes through changes to approval, and merges a conflict', async () => {
    // A team: Ann creates the workspace, adds Bob; Bob clones and claims his key with the invite.
    ok(as('ann', 'init', A(), '--name', 'Support'));
    expect(ok(as('ann', 'team', 'join', A(), '--id', 'ann', '--name', 'Ann')).roles).toContain('manager');
    const { invite } = ok(as('ann', 'team', 'add', A(), 'bob', '--name', 'Bob', '--roles', 'author,reviewer'));
    expect(invite).toMatch(/^[0-9a-f-]{20,}$/);
    await writeFile(
      at('ann', 'articles', `${article}.md`),
      '---\nid: refund-window\ntitle: Refund window\nlocale: en\nowner: ann\n---\nRefunds within 14 days.\n',
    );
    ok(as('ann', 'commit', A(), article, '-m', 'Refund window'));
    expect(ok(as('ann', 'sync', A(), at('remote.git'))).state).toBe('pushed');

    ok(as('bob', 'clone', at('remote.git'), B()));
    // Without the invite code Ann gave him (out of band), nobody can claim Bob's place.
    expect(as('bob', 'team', 'join', B(), '--id', 'bob').stderr).toMatch(/invite code/);
    expect(as('bob', 'team', 'join', B(), '--id', 'bob', '--invite', 'abcde-abcde-abcde-abcde').stderr).toMatch(
      /not Bob's invite code/,
    );
    expect(ok(as('bob', 'team', 'join', B(), '--id', 'bob', '--invite', invite)).id).toBe('bob');
    expect(ok(as('bob', 'sync', B())).state).toBe('pushed');
    expect(ok(as('ann', 'sync', A())).pulled).toBeGreaterThan(0);

    // Ann cannot approve her own version, and Bob cannot sign as Ann.
    ok(as('ann', 'review', 'submit', A(), article));
    const self = as('ann', 'review', 'approve', A(), article);
    expect(self.code).not.toBe(0);
    expect(self.stderr).toMatch(/cannot approve/);
    ok(as('ann', 'sync', A()));
    ok(as('bob', 'sync', B()));
    const impostor = as('bob', 'review', 'approve', B(), article, '--as', 'ann');
    expect(impostor.code).not.toBe(0);
    expect(impostor.stderr).toMatch(/does not hold Ann's key/);

    // Request changes, a fix, resubmission and approval, across syncs.
    expect(ok(as('bob', 'status', B())).queue.map((q: { article: { id: string } }) => q.article.id)).toEqual([article]);
    const diff = ok(as('bob', 'diff', B(), article, 'latest', 'working'));
    expect(diff.id).toBe(article);
    ok(as('bob', 'review', 'request-changes', B(), article, '--note', 'Say calendar days.'));
    ok(as('bob', 'sync', B()));
    ok(as('ann', 'sync', A()));
    const mine = ok(as('ann', 'status', A()));
    expect(mine.attention).toEqual([expect.objectContaining({ reasons: ['changes-requested'] })]);

    await writeFile(
      at('ann', 'articles', `${article}.md`),
      '---\nid: refund-window\ntitle: Refund window\nlocale: en\nowner: ann\n---\nRefunds within 14 calendar days.\n',
    );
    ok(as('ann', 'review', 'submit', A(), article, '--note', 'Calendar days'));
    ok(as('ann', 'sync', A()));
    ok(as('bob', 'sync', B()));
    expect(statusOf('bob', B(), article)).toBe('in-review');
    ok(as('bob', 'review', 'approve', B(), article, '--note', 'Good.'));
    ok(as('bob', 'sync', B()));
    ok(as('ann', 'sync', A()));
    expect(statusOf('ann', A(), article)).toBe('approved');
    expect(ok(as('ann', 'audit', 'verify', A()))).toMatchObject({ ok: true, unsigned: 0 });
    expect(ok(as('bob', 'audit', 'verify', B()))).toMatchObject({ ok: true });

    // The same article edited on both sides becomes a conflict that loses nothing.
    const file = (who: string) => at(who, 'articles', `${article}.md`);
    const base = await readFile(file('ann'), 'utf8');
    await writeFile(file('ann'), base.replace('days.', 'days. Ann: keep the receipt.'));
    ok(as('ann', 'commit', A(), article, '-m', 'Receipts'));
    await writeFile(file('bob'), base.replace('days.', 'days. Bob: sale items are final.'));
    ok(as('bob', 'commit', B(), article, '-m', 'Sale items'));
    ok(as('ann', 'sync', A()));

    const clash = as('bob', 'sync', B());
    expect(clash.code).toBe(3);
    expect(clash.json.state).toBe('conflicts');
    const [conflict] = clash.json.conflicts;
    expect(conflict.path).toBe(`articles/${article}.md`);
    expect(conflict.ours).toContain('Bob: sale items are final.');
    expect(conflict.theirs).toContain('Ann: keep the receipt.');
    expect(await readFile(file('bob'), 'utf8')).toContain('Bob: sale items are final.');

    const merged = base.replace('days.', 'days. Ann: keep the receipt. Bob: sale items are final.');
    await writeFile(at('merged.md'), merged);
    expect(
      ok(as('bob', 'sync', B(), '--resolve', `articles/${article}.md`, '--with', at('merged.md'))).remaining,
    ).toEqual([]);
    expect(['pushed', 'merged']).toContain(ok(as('bob', 'sync', B())).state);
    ok(as('ann', 'sync', A()));
    for (const who of ['ann', 'bob']) {
      const text = await readFile(file(who), 'utf8');
      expect(text).toContain('Ann: keep the receipt.');
      expect(text).toContain('Bob: sale items are final.');
    }
    // The edit after approval is a draft again on both sides.
    expect(statusOf('ann', A(), article)).toBe('draft');
    expect(ok(as('ann', 'audit', 'verify', A()))).toMatchObject({ ok: true });
  });
});
