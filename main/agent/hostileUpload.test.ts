import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAgentProcess } from '../../tests/fixtures/agentProcess.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { generateKeyPair } from '../identity/index.js';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer, type BundleLimits } from './index.js';

const MB = 1024 ** 2;
const token = 'hostile-token';
const auth = { authorization: `Bearer ${token}` };
let data: Awaited<ReturnType<typeof tempDir>>;
let trusted: string;
const children: ChildProcess[] = [];

/** One 512-byte tar header of a plain file. */
function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(512);
  new Header({ path: name, mode: 0o644, size, type: 'File', mtime: new Date(0) }).encode(block, 0);
  return block;
}

/** The end-of-archive blocks. */
const tarEnd = Buffer.alloc(1024);

/**
 * A tar bomb: one entry of `gigabytes` of zero bytes, as concatenated gzip members (each one 64 MB
 * of zeros compresses to 64 KB). 4 MB of noise first keep the ratio under node-tar's own 1000:1
 * guard, as the bomb of the probe did: only the agent's limits stop it.
 */
function zeroBomb(gigabytes: number): Buffer {
  const noise = randomBytes(4 * MB);
  const zeros = gzipSync(Buffer.alloc(64 * MB), { level: 9 });
  const members = gigabytes * 16;
  return Buffer.concat([
    gzipSync(Buffer.concat([header('articles/bomb.md', noise.length + members * 64 * MB), noise]), { level: 1 }),
    ...Array.from({ length: members }, () => zeros),
  ]);
}

/** A bomb of a different kind: very many empty files. */
function manyEntries(count: number): Buffer {
  const blocks = Array.from({ length: count }, (_, i) => header(`articles/a${i}.md`, 0));
  return gzipSync(Buffer.concat([...blocks, tarEnd]));
}

/** A gzipped tar of one file of random bytes: it does not compress, so it is as large sent as unpacked. */
function incompressible(bytes: number): Buffer {
  return gzipSync(Buffer.concat([header('articles/big.md', bytes), randomBytes(bytes), tarEnd]), { level: 1 });
}

/** The resident memory of a process, in bytes, as `ps` reports it. */
function rssOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

/** Upload `body`; the status and, for a refusal, the agent's error. */
async function post(
  url: string,
  body: RequestInit['body'],
): Promise<{ status: number; error?: { code: string; message: string } }> {
  const res = await fetch(`${url}/v1/snapshots`, {
    method: 'POST',
    headers: auth,
    body,
    signal: AbortSignal.timeout(8_000),
    duplex: 'half',
  } as RequestInit);
  const reply = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, error: reply.error };
}

/** A body sent chunked (no content-length), 256 KB at a time. */
function chunked(bytes: Buffer): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 256 * 1024));
      at += 256 * 1024;
    },
  });
}

/** An agent in this process, with `limits` set low. */
async function inProcessAgent(name: string, limits: Partial<BundleLimits>) {
  const dir = path.join(data.dir, name);
  const live = new LiveAgent(await SnapshotStore.open(dir, [trusted]));
  const server = await startAgentServer({
    agent: live,
    log: new ConversationLog(path.join(dir, 'logs')),
    token,
    limits,
  });
  return {
    url: server.url,
    incoming: () => readdir(path.join(dir, 'incoming')),
    close: async () => {
      await server.close();
      live.close();
    },
  };
}

beforeAll(async () => {
  data = await tempDir('almanac-agent-hostile-');
  trusted = generateKeyPair().publicKey;
  await writeFile(path.join(data.dir, 'trusted.json'), JSON.stringify([trusted]));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await data.cleanup();
});

describe('an agent sent a hostile or damaged upload', () => {
  it('refuses a tar bomb of zero bytes at its header, with its default limits, keeping neither files nor memory', async () => {
    // The agent runs as `almanac agent serve` in a child process; its RSS is read with ps.
    const dir = path.join(data.dir, 'served');
    await mkdir(dir);
    const agent = await startAgentProcess([
      '--data',
      dir,
      '--trust',
      path.join(data.dir, 'trusted.json'),
      '--token',
      token,
    ]);
    children.push(agent.child);
    const bomb = zeroBomb(3);
    expect(bomb.length).toBeLessThan(8 * MB);
    const before = rssOf(agent.child.pid!);
    // Refused by the entry size its header declares, before any of the 3 GB is unpacked.
    const { status, error } = await post(agent.url, bomb);
    expect(status).toBe(413);
    expect(error).toEqual({
      code: 'TOO_LARGE',
      message: expect.stringContaining('articles/bomb.md in the upload is larger than 1024 MB') as string,
    });
    expect(await readdir(path.join(dir, 'incoming'))).toEqual([]);
    expect(rssOf(agent.child.pid!) - before).toBeLessThan(100 * MB);
    // Zeros after the end of the archive, which the tar parser would otherwise keep in memory.
    const trailing = Buffer.concat([gzipSync(Buffer.concat([header('a.md', 1), Buffer.alloc(512), tarEnd])), bomb]);
    const after = await post(agent.url, trailing);
    expect(after.status).toBe(422);
    expect(after.error?.message).toContain('it goes on after the end of its archive');
    expect(await readdir(path.join(dir, 'incoming'))).toEqual([]);
    expect(rssOf(agent.child.pid!) - before).toBeLessThan(100 * MB);
  });

  it('refuses a bundle of very many tiny entries past the entry limit, and removes what it had unpacked', async () => {
    // The agent runs in this process (its entry limit set low); RSS is process.memoryUsage().rss.
    const agent = await inProcessAgent('entries', { entries: 1_000 });
    try {
      const bomb = manyEntries(30_000);
      const before = process.memoryUsage().rss;
      // Refused at the first header past the limit, not after reading all 30,000.
      const { status, error } = await post(agent.url, bomb);
      expect(status).toBe(413);
      expect(error?.message).toContain('The upload holds more than 1000 entries');
      expect(await agent.incoming()).toEqual([]);
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
    } finally {
      await agent.close();
    }
  });

  it('refuses a chunked upload past the compressed limit and keeps nothing of it', async () => {
    const agent = await inProcessAgent('chunked', { compressedBytes: 5 * MB });
    try {
      const { status } = await post(agent.url, chunked(incompressible(8 * MB)));
      expect(status).toBe(413);
      expect(await agent.incoming()).toEqual([]);
    } finally {
      await agent.close();
    }
  });

  it('keeps nothing of an upload whose client went away halfway', async () => {
    const agent = await inProcessAgent('aborted', {});
    try {
      // A raw socket, so that going away is closing it (an HTTP client may keep or reopen connections).
      const { hostname, port } = new URL(agent.url);
      const socket = connect(Number(port), hostname);
      const half = incompressible(4 * MB).subarray(0, 2 * MB);
      socket.write(
        `POST /v1/snapshots HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      socket.write(`${half.length.toString(16)}\r\n`);
      socket.write(half);
      const waitFor = { timeout: 10_000, interval: 20 };
      await vi.waitFor(async () => expect((await agent.incoming()).length).toBeGreaterThan(0), waitFor);
      socket.destroy();
      await vi.waitFor(async () => expect(await agent.incoming()).toEqual([]), waitFor);
    } finally {
      await agent.close();
    }
  });
});
