import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { ArticleStore } from '../articles/index.js';
import { headCommit } from '../versions/index.js';
import { commitArticles } from '../versions/index.js';
import { createWorkspace } from '../session/index.js';
import { cloneWorkspace, syncWorkspace } from './index.js';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** A smart-HTTP git server on loopback: git's own http-backend run as CGI, pushes allowed. */
async function serveGit(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url!, 'http://localhost');
      const cgi = spawn('git', ['http-backend'], {
        env: {
          PATH: process.env.PATH,
          GIT_PROJECT_ROOT: root,
          GIT_HTTP_EXPORT_ALL: '1',
          REMOTE_USER: 'tester',
          PATH_INFO: url.pathname,
          QUERY_STRING: url.search.slice(1),
          REQUEST_METHOD: req.method,
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          CONTENT_LENGTH: String(body.length),
        },
      });
      const out: Buffer[] = [];
      cgi.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      cgi.on('close', () => {
        const all = Buffer.concat(out);
        const split = all.indexOf('\r\n\r\n');
        let status = 200;
        for (const line of all.subarray(0, split).toString().split('\r\n')) {
          const [name = '', ...rest] = line.split(':');
          if (name.toLowerCase() === 'status') status = Number.parseInt(rest.join(':'), 10);
          else res.setHeader(name, rest.join(':').trim());
        }
        res.writeHead(status);
        res.end(all.subarray(split + 4));
      });
      cgi.stdin.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.skipIf(!hasGit())('sync over http', () => {
  it('pushes to an empty server, clones, and merges both sides', async () => {
    const { dir, cleanup } = await tempDir('almanac-http-');
    cleanups.push(cleanup);
    execFileSync('git', ['init', '--bare', '-b', 'main', path.join(dir, 'team.git')], { stdio: 'pipe' });
    const server = await serveGit(dir);
    cleanups.push(server.close);
    const remote = `${server.url}/team.git`;
    const author = { name: 'Alice', email: 'alice@example.com' };

    const a = await createWorkspace(path.join(dir, 'a'), { name: 'Support' });
    expect(await syncWorkspace(a, { remote, author })).toMatchObject({ state: 'pushed', pushed: 1 });
    const b = await cloneWorkspace(remote, path.join(dir, 'b'));
    expect(await headCommit(b.root)).toBe(await headCommit(a.root));

    const x = await new ArticleStore(a).create({ title: 'Returns', locale: 'en', body: 'Within 30 days.' });
    await commitArticles(a, [x.id], 'Add returns');
    const y = await new ArticleStore(b).create({ title: 'Warranty', locale: 'en', body: 'Two years.' });
    await commitArticles(b, [y.id], 'Add warranty');
    expect((await syncWorkspace(a, { author })).state).toBe('pushed');
    expect(await syncWorkspace(b, { author })).toMatchObject({ state: 'merged', pulled: 1, pushed: 2 });
    expect((await syncWorkspace(a, { author })).state).toBe('pulled');

    expect((await new ArticleStore(a).get(y.id)).body).toContain('Two years.');
    expect((await new ArticleStore(b).get(x.id)).body).toContain('Within 30 days.');
    const log = execFileSync('git', ['--git-dir', path.join(dir, 'team.git'), 'log', '--format=%s', 'main']).toString();
    expect(log.split('\n')[0]).toBe(`Sync with ${remote}`);
  });
});
