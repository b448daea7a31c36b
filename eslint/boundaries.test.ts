import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import boundaries from './boundaries.js';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A small core on disk (folder → file → text), linted with the boundary rules as the repository uses them. */
async function lint(files: Record<string, string>): Promise<{ file: string; rule: string | null; message: string }[]> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'almanac-boundaries-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.js'],
        plugins: { almanac: boundaries },
        rules: { 'almanac/folder-entry': 'error', 'almanac/no-folder-cycle': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((r) =>
    r.messages.map((m) => ({ file: path.relative(dir, r.filePath), rule: m.ruleId, message: m.message })),
  );
}

describe('folder boundaries', () => {
  it('accepts imports through index files, inside a folder, and from outside the core', async () => {
    const problems = await lint({
      'main/low/index.js': "export { a } from './a.js';\n",
      'main/low/a.js': 'export const a = 1;\n',
      'main/high/index.js':
        "import { a } from '../low/index.js';\nimport { b } from './b.js';\nexport const c = a + b;\n",
      'main/high/b.js': 'export const b = 2;\n',
      'electron/shell.js': "import { c } from '../main/high/index.js';\nexport default c;\n",
    });
    expect(problems).toEqual([]);
  });

  it('reports an import that reaches into another folder, static, re-exported or dynamic', async () => {
    const problems = await lint({
      'main/low/index.js': "export { a } from './a.js';\n",
      'main/low/a.js': 'export const a = 1;\n',
      'main/high/index.js':
        "import { a } from '../low/a.js';\nexport { a as b } from '../low/a.js';\nexport const c = a;\n",
      'main/high/late.js': "export const late = () => import('../low/a.js');\n",
      'tests/fixture.js': "export { a } from '../main/low/a.js';\n",
    });
    expect(problems.map((p) => `${p.file} ${p.rule}`).sort()).toEqual([
      'main/high/index.js almanac/folder-entry',
      'main/high/index.js almanac/folder-entry',
      'main/high/late.js almanac/folder-entry',
      'tests/fixture.js almanac/folder-entry',
    ]);
    expect(problems[0]!.message).toContain('import it from main/low/index.js');
  });

  it('reports a folder cycle, even one that runs through a third folder and through index files', async () => {
    const problems = await lint({
      'main/a/index.js': "import { b } from '../b/index.js';\nexport const a = b;\n",
      'main/b/index.js': "import { c } from '../c/index.js';\nexport const b = c;\n",
      'main/c/index.js': "import { a } from '../a/index.js';\nexport const c = () => a;\n",
      'main/d/index.js': "import { a } from '../a/index.js';\nexport const d = a;\n",
    });
    const cycles = problems.filter((p) => p.rule === 'almanac/no-folder-cycle');
    expect(cycles.map((p) => p.file).sort()).toEqual(['main/a/index.js', 'main/b/index.js', 'main/c/index.js']);
    expect(cycles.find((p) => p.file === 'main/a/index.js')!.message).toContain('a → b → c → a');
  });

  it('does not count a test file as its folder depending on another', async () => {
    const problems = await lint({
      'main/low/index.js': 'export const a = 1;\n',
      'main/low/a.test.js': "import { h } from '../high/index.js';\nexport const t = h;\n",
      'main/high/index.js': "import { a } from '../low/index.js';\nexport const h = a;\n",
    });
    expect(problems).toEqual([]);
  });

  it('keeps role checks out of the transports: a handler that reads roles fails lint, one that asks the policy passes', async () => {
    const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });
    const lintAs = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);
    const checksRoles = "export const ok = (m: { roles: string[] }) => m.roles.includes('manager');\n";
    const asksPolicy =
      "import { can } from '../policy/index.js';\nexport const ok = (m: { id: string; roles: [] }) => can(m, 'snapshot.publish');\n";
    expect(await lintAs('main/api/someHandler.ts', checksRoles)).toContain('no-restricted-syntax');
    expect(await lintAs('main/cli/someCommand.ts', checksRoles)).toContain('no-restricted-syntax');
    expect(await lintAs('main/agent/someRoute.ts', checksRoles)).toContain('no-restricted-syntax');
    expect(await lintAs('main/api/someHandler.ts', asksPolicy)).toEqual([]);
    expect(await lintAs('main/policy/other.ts', checksRoles)).toEqual([]);
  });

  it('keeps store selectors stable: a fallback [] or a built object inside the selector fails lint, one outside passes', async () => {
    const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });
    const messages = async (body: string) =>
      (
        await eslint.lintText(
          `import { useWorkspaceStore } from '../stores/useWorkspaceStore';\nexport const useProbe = () => ${body};\n`,
          { filePath: 'renderer/team/probe.ts' },
        )
      )[0]!.messages.map((m) => m.ruleId);
    expect(await messages('useWorkspaceStore((s) => s.info?.team ?? [])')).toEqual(['no-restricted-syntax']);
    expect(await messages('useWorkspaceStore((s) => ({ team: s.info?.team }))')).toEqual(['no-restricted-syntax']);
    expect(await messages('useWorkspaceStore((s) => s.info?.team.map((m) => m.id))')).toEqual(['no-restricted-syntax']);
    expect(await messages('useWorkspaceStore((s) => s.info?.team) ?? []')).toEqual([]);
  });
});
