import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../tests/fixtures/tempWorkspace.js';

function almanac(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, json: () => JSON.parse(res.stdout) as unknown };
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.cleanup());

describe('almanac command line', () => {
  it('init --sample makes a workspace with at least 30 articles in en and zh-CN', () => {
    const ws = path.join(tmp.dir, 'ws');
    const init = almanac('init', ws, '--sample', '--json');
    expect(init.code).toBe(0);
    expect(init.json()).toMatchObject({ created: true });
    const list = almanac('articles', ws, '--json').json() as { locale: string; status: string }[];
    expect(list.length).toBeGreaterThanOrEqual(30);
    expect(new Set(list.map((a) => a.locale))).toEqual(new Set(['en', 'zh-CN']));
    expect(list.filter((a) => a.status === 'invalid')).toEqual([]);
  });

  it('import exits 3 and reports broken files; 0 when all are imported', async () => {
    const ws = path.join(tmp.dir, 'ws');
    almanac('init', ws);
    const src = path.join(tmp.dir, 'src');
    await mkdir(src);
    await writeFile(path.join(src, 'good.md'), '# Good\n\ntext');
    expect(almanac('import', ws, path.join(src, 'good.md'), '--json').code).toBe(0);
    await writeFile(path.join(src, 'empty.md'), '');
    const partial = almanac('import', ws, src, '--json');
    expect(partial.code).toBe(3);
    const report = partial.json() as { imported: unknown[]; failed: { source: string; reason: string }[] };
    expect(report.imported).toHaveLength(1);
    expect(report.failed[0]!.reason).toMatch(/empty/);
  });

  it('commit, history, diff and restore an edited article', async () => {
    const ws = path.join(tmp.dir, 'ws');
    almanac('init', ws);
    const file = path.join(ws, 'articles/returns.md');
    await writeFile(file, '---\nid: returns\ntitle: Returns\nlocale: en\n---\nReturn within 30 days.\n');
    expect(almanac('commit', ws, 'returns', '-m', 'First', '--json').code).toBe(0);
    await writeFile(file, (await readFile(file, 'utf8')).replace('30 days', '14 days'));
    const second = almanac('commit', ws, '-m', 'Shorter', '--author', 'Sara', '--json').json() as {
      articles: { id: string }[];
    };
    expect(second.articles.map((a) => a.id)).toEqual(['returns']);
    const history = almanac('history', ws, 'returns', '--json').json() as {
      version: string;
      message: string;
      author: { name: string };
    }[];
    expect(history.map((h) => h.message)).toEqual(['Shorter', 'First']);
    expect(history[0]!.author.name).toBe('Sara');
    const diff = almanac('diff', ws, 'returns', history[1]!.version.slice(0, 8), history[0]!.version.slice(0, 8));
    expect(diff.stdout).toContain('[-30-]');
    expect(diff.stdout).toContain('{+14+}');
    expect(almanac('restore', ws, 'returns', history[1]!.version.slice(0, 8)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('30 days');
    expect((almanac('history', ws, 'returns', '--json').json() as unknown[]).length).toBe(3);
  });

  it('errors go to stderr with what to do and a non-zero exit code', () => {
    const res = almanac('articles', path.join(tmp.dir, 'nothing'), '--json');
    expect(res.code).not.toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/not an Almanac workspace.*almanac init/);
    const noMessage = almanac('commit', path.join(tmp.dir, 'nothing'));
    expect(noMessage.code).toBe(2);
  });
});
