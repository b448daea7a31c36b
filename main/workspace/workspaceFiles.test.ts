import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { addAsset } from '../assets/index.js';
import { appendAudit } from '../audit/index.js';
import { commitArticles } from '../versions/index.js';
import { appendInside, guardWrite } from './workspaceFiles.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let outside: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  outside = path.join(ctx.dir, 'outside');
  await mkdir(outside);
});
afterEach(() => ctx.cleanup());

const refused = (what: RegExp) => (e: unknown) =>
  e instanceof AlmanacError && e.code === 'VALIDATION_FAILED' && what.test(e.message);

describe('the one path guard', () => {
  it('refuses a symbolic link anywhere on the way, and special files, naming the part', async () => {
    await symlink(outside, path.join(ctx.ws.root, 'evals'));
    await expect(guardWrite(ctx.ws.root, path.join(ctx.ws.root, 'evals', 'golden.jsonl'))).rejects.toSatisfy(
      refused(/^evals is a symbolic link/),
    );
    const fifo = path.join(ctx.ws.root, 'feedback.jsonl');
    execFileSync('mkfifo', [fifo]);
    await expect(guardWrite(ctx.ws.root, fifo)).rejects.toSatisfy(refused(/^feedback\.jsonl is a special file/));
    await expect(guardWrite(ctx.ws.root, path.join(ctx.dir, 'elsewhere.txt'))).rejects.toSatisfy(
      (e) => e instanceof AlmanacError && /not inside the workspace/.test(e.message),
    );
  });

  it('assets.add never writes through a symlinked assets/<id> folder', async () => {
    await mkdir(path.join(ctx.ws.root, 'assets'), { recursive: true });
    await symlink(outside, path.join(ctx.ws.root, 'assets', 'refunds'));
    await expect(addAsset(ctx.ws, 'refunds', 'shot.png', Buffer.from('png'))).rejects.toSatisfy(
      refused(/assets\/refunds is a symbolic link/),
    );
    await expect(readFile(path.join(outside, 'shot.png'))).rejects.toThrow();
  });

  it('commit refuses an article that is a symbolic link instead of storing it and hashing the outside file', async () => {
    await writeFile(path.join(outside, 'secret.md'), '---\nid: leak\ntitle: Leak\n---\nOutside text.\n');
    await symlink(path.join(outside, 'secret.md'), path.join(ctx.ws.articlesDir, 'leak.md'));
    await expect(commitArticles(ctx.ws, ['leak'], 'Add leak')).rejects.toSatisfy(
      refused(/articles\/leak\.md is a symbolic link/),
    );
  });

  it('an audit log that is a symbolic link (as a hostile remote would commit) is never appended to', async () => {
    await mkdir(path.join(ctx.ws.root, 'audit'));
    const target = path.join(outside, 'victim.txt');
    await writeFile(target, 'untouched\n');
    await symlink(target, path.join(ctx.ws.root, 'audit', 'log.jsonl'));
    await expect(appendAudit(ctx.ws, undefined, 'import', 'x')).rejects.toSatisfy(refused(/audit\/log\.jsonl/));
    await expect(appendInside(ctx.ws.root, path.join(ctx.ws.root, 'audit', 'log.jsonl'), 'x\n')).rejects.toSatisfy(
      refused(/symbolic link/),
    );
    expect(await readFile(target, 'utf8')).toBe('untouched\n');
  });
});
