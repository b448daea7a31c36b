import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncoderModel } from '../../tests/fixtures/makeEncoderModel.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { loadEmbedder } from './Embedder.js';
import { installModel } from './installModel.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let hub: Server;
let hubUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  tmp = await tempDir();
  const source = await makeEncoderModel(path.join(tmp.dir, 'source'));
  // A loopback server speaking the hub's file protocol: GET /<org>/<name>/resolve/main/<file>.
  hub = createServer((req, res) => {
    requested.push(req.url ?? '');
    const match = /^\/almanac-test\/tiny-encoder\/resolve\/main\/(.+)$/.exec(decodeURIComponent(req.url ?? ''));
    const file = match && path.join(source, match[1]!);
    if (!file || !existsSync(file)) return void res.writeHead(404).end('Entry not found');
    res.writeHead(200, { 'content-length': statSync(file).size, 'content-type': 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => hub.close(resolve));
  await tmp.cleanup();
});

describe('installModel', () => {
  it('downloads a model over HTTP with progress into <root>/<org>/<name> and it loads', async () => {
    const root = path.join(tmp.dir, 'models');
    const progress: string[] = [];
    const location = await installModel('almanac-test/tiny-encoder', root, {
      hub: hubUrl,
      onProgress: (p) => progress.push(p.file),
    });
    expect(location).toMatchObject({
      id: 'almanac-test/tiny-encoder',
      dtype: 'fp32',
      dir: path.join(root, 'almanac-test/tiny-encoder'),
    });
    expect(requested.some((r) => r.endsWith('onnx/model.onnx'))).toBe(true);
    expect(progress).toContain('onnx/model.onnx');
    const embedder = await loadEmbedder(root, { modelId: 'almanac-test/tiny-encoder', inProcess: true });
    expect((await embedder.embedQuery('refund')).length).toBe(32);
    await embedder.close();
  });

  it('says what to do when the model cannot be downloaded', async () => {
    await expect(installModel('almanac-test/missing', path.join(tmp.dir, 'm2'), { hub: hubUrl })).rejects.toMatchObject(
      {
        code: 'MODEL_MISSING',
        message: expect.stringMatching(/--model-dir/),
      },
    );
  });
});
