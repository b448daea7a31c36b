import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { kill9, startAgentProcess } from '../../tests/fixtures/agentProcess.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncoderModel } from '../../tests/fixtures/makeEncoderModel.js';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { LiveAgent, SnapshotStore } from '../agent/index.js';
import { answerQuestion } from '../answer/index.js';
import { loadEmbedder, type Embedder } from '../embedding/index.js';
import { indexDir, indexWorkspace, openRetrieval, type PassageEmbedder, type Retrieval } from '../indexing/index.js';
import { buildSnapshot, packSnapshot, type BuiltSnapshot } from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let embedder: Embedder;
let retrieval: Retrieval;
let built: BuiltSnapshot;
let embeddedForSnapshot = 0;
let modelDir: string;

beforeAll(async () => {
  ctx = await publishingWorkspace();
  modelDir = await makeEncoderModel(path.join(ctx.dir, 'model'));
  embedder = await loadEmbedder(modelDir, { inProcess: true });
  // The studio's own index and vectors, as they are after it embedded the working texts.
  retrieval = await openRetrieval(indexDir(ctx.reviewed.store), { embedder });
  await indexWorkspace(ctx.reviewed.store, retrieval.index);
  const semantic = await retrieval.semantic();
  if (!('vectors' in semantic)) throw new Error('the tiny model did not load');
  await semantic.vectors.sync(await retrieval.index.rowsForVectors(), embedder);
  const counting: PassageEmbedder = {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    embedQuery: (q) => embedder.embedQuery(q),
    embedPassages: (texts, options) => {
      embeddedForSnapshot += texts.length;
      return embedder.embedPassages(texts, options);
    },
  };
  built = await buildSnapshot({
    ...ctx.reviewed,
    signer: ctx.manager,
    embedder: counting,
    reuseVectors: semantic.vectors,
  });
}, 120_000);

afterAll(async () => {
  await retrieval.close();
  await embedder.close();
  await ctx.cleanup();
});

describe('a snapshot built with the embedding model', () => {
  it('names the model and carries vectors taken from the workspace, not embedded again', () => {
    expect(built.manifest.embedding).toEqual({ model: embedder.modelId, dimension: embedder.dimension });
    expect(built.manifest.files.some((f) => f.path.startsWith('index/vec_'))).toBe(true);
    // The approved texts are the working texts here: every vector comes from the workspace's cache.
    expect(embeddedForSnapshot).toBe(0);
  });

  it('is searched hybrid by an agent started with that model, lexically by one without', async () => {
    const question = 'How long does a refund take to reach my card?';
    for (const [name, model] of [
      ['with', embedder],
      ['without', undefined],
    ] as const) {
      const store = await SnapshotStore.open(path.join(ctx.dir, `agent-${name}`), [ctx.manager.member.publicKey!]);
      await store.receive(await packSnapshot(built.dir, path.join(ctx.dir, `snapshot-${name}.tar.gz`)));
      const live = new LiveAgent(store, model);
      try {
        await live.activate(built.manifest.id);
        const expected = model ? 'hybrid' : 'lexical';
        expect(live.search).toEqual({
          mode: expected,
          model: model?.modelId ?? null,
          snapshotModel: embedder.modelId,
        });
        const answer = await live.use((s) => answerQuestion(s.knowledge, question));
        expect(answer.trace.mode).toBe(expected);
        expect(answer.citations[0]?.articleId).toBe('refund-policy');
      } finally {
        live.close();
      }
    }
  });
});

/** A chat completions server on loopback that answers every request with one streamed sentence. */
async function fakeModel(sentence: string): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const chunk = {
        object: 'chat.completion.chunk',
        model: 'fake',
        choices: [{ index: 0, delta: { content: sentence } }],
      };
      res.end(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('almanac agent serve', () => {
  it('searches hybrid with --model-dir, writes answers with --provider openai, and says so in its status', async () => {
    const trust = path.join(ctx.dir, 'trusted.json');
    await writeFile(trust, JSON.stringify([ctx.manager.member.publicKey]));
    const model = await fakeModel('A refund reaches your card within 10 business days [1].');
    const args = ['--data', path.join(ctx.dir, 'agent-cli'), '--trust', trust, '--token', 't'];
    const agent = await startAgentProcess([
      ...args,
      '--model-dir',
      modelDir,
      '--provider',
      'openai',
      '--base-url',
      model.baseUrl,
      '--model',
      'fake',
    ]);
    try {
      const auth = { authorization: 'Bearer t' };
      const bundle = await packSnapshot(built.dir, path.join(ctx.dir, 'snapshot-cli.tar.gz'));
      expect(
        (await fetch(`${agent.url}/v1/snapshots`, { method: 'POST', headers: auth, body: await readFile(bundle) }))
          .status,
      ).toBe(201);
      const id = built.manifest.id;
      expect((await fetch(`${agent.url}/v1/snapshots/${id}/activate`, { method: 'POST', headers: auth })).status).toBe(
        200,
      );
      const status = (await (await fetch(`${agent.url}/v1/status`, { headers: auth })).json()) as Record<
        string,
        unknown
      >;
      expect(status).toMatchObject({ active: id, search: { mode: 'hybrid', model: embedder.modelId } });
      expect(status.provider).toMatch(/fake/);
      const res = await fetch(`${agent.url}/v1/answer`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'How long does a refund take to reach my card?' }),
      });
      const body = (await res.json()) as { answer: string; citations: { articleId: string }[] };
      expect(body.answer).toContain('within 10 business days');
      expect(body.citations[0]?.articleId).toBe('refund-policy');
    } finally {
      await kill9(agent.child);
      await model.close();
    }
    // A model folder that holds no model stops the agent with the reason, instead of serving lexically.
    await expect(startAgentProcess([...args, '--model-dir', path.join(ctx.dir, 'no-model')])).rejects.toThrow(/exited/);
  }, 120_000);
});
