import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { startAgentProcess } from '../../tests/fixtures/agentProcess.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import {
  buildSnapshot,
  parseTarget,
  publishSnapshot,
  rollbackTarget,
  type BuiltSnapshot,
  type PublishTarget,
} from '../publish/index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let tmp: Awaited<ReturnType<typeof tempDir>>;
let s3: S3rver;
let endpoint: string;
let first: BuiltSnapshot;
let second: BuiltSnapshot;
const replicas: { child: ChildProcess; url: string }[] = [];
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' };
const token = 'replica-token';

function startReplica(n: number) {
  return startAgentProcess(
    [
      '--data',
      path.join(tmp.dir, `replica-${n}`),
      '--trust',
      path.join(tmp.dir, 'trusted.json'),
      '--follow',
      's3://almanac/live',
      '--token',
      token,
    ],
    {
      ALMANAC_S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
  );
}

async function servedBy(url: string): Promise<string | null> {
  const res = await fetch(`${url}/v1/answer`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question: 'How long does a refund take to reach my card?' }),
  });
  return res.status === 200 ? res.headers.get('x-almanac-snapshot') : null;
}

/** Wait until every replica answers from `id` (each polls the bucket every second). */
async function allServe(id: string): Promise<void> {
  await vi.waitFor(
    async () => expect(await Promise.all(replicas.map((r) => servedBy(r.url)))).toEqual(replicas.map(() => id)),
    { timeout: 15_000, interval: 100 },
  );
}

beforeAll(async () => {
  ctx = await publishingWorkspace();
  tmp = await tempDir('almanac-replicas-');
  await writeFile(path.join(tmp.dir, 'trusted.json'), JSON.stringify([ctx.manager.member.publicKey]));
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(tmp.dir, 's3'),
    configureBuckets: [{ name: 'almanac', configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
  first = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  await ctx.reviewed.store.setArchived('payment-methods', true);
  second = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  for (let n = 0; n < 2; n++) replicas.push(await startReplica(n));
});

afterAll(async () => {
  for (const r of replicas) r.child.kill('SIGKILL');
  await s3.close();
  await ctx.cleanup();
  await tmp.cleanup();
});

describe('replicas behind one bucket', () => {
  it('both serve a published snapshot, then the next one, then roll back together', async () => {
    const target = parseTarget('s3://almanac/live', undefined, { endpoint, credentials }) as Extract<
      PublishTarget,
      { kind: 's3' }
    >;
    const never = () => Promise.reject(new Error('not a folder'));
    expect(await Promise.all(replicas.map((r) => servedBy(r.url)))).toEqual([null, null]);
    await publishSnapshot(ctx.reviewed.store.ws, first, target, ctx.manager, never);
    await allServe(first.manifest.id);
    const result = await publishSnapshot(ctx.reviewed.store.ws, second, target, ctx.manager, never);
    expect(result.previous).toBe(first.manifest.id);
    await allServe(second.manifest.id);
    await rollbackTarget(ctx.reviewed.store.ws, target, first.manifest.id, ctx.manager);
    await allServe(first.manifest.id);
  }, 60_000);
});
