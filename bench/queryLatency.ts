import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRetrieval, segmentForIndex, type ChunkRow, type PassageEmbedder } from '../main/indexing/index.js';
import { searchChunks } from '../main/retrieval/index.js';
import { percentile, randomUnitVector, round, seeded, timed } from './stats.js';

export interface QueryLatency {
  chunks: number;
  queryEmbedder: string;
  flat: { p50: number; p95: number };
  ann: { buildMs: number; p50: number; p95: number; recallAt10: number } | null;
  rssMb: number;
}

const words = [
  'refund',
  'order',
  'parcel',
  'invoice',
  'password',
  'account',
  'warranty',
  'delivery',
  'payment',
  'plan',
  'card',
  'return',
  '退款',
  '订单',
  '发票',
  '密码',
];
const queries = [
  'how long does a refund take',
  'where is my parcel',
  'reset my password',
  'change my subscription plan',
  'warranty for a broken lamp',
  '怎么申请退款',
  '发票怎么开',
  'cancel an order after payment',
  'delete my account and data',
  'pay with a gift card',
];

/** Hybrid query latency (query embedding included) over `count` chunks with random stored vectors. */
export async function queryLatency(
  count: number,
  embedder: Pick<PassageEmbedder, 'modelId' | 'dimension' | 'embedQuery'>,
  options: { ann: boolean; rounds: number },
): Promise<QueryLatency> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-'));
  try {
    const rand = seeded(11);
    const rows: ChunkRow[] = [];
    for (let i = 0; i < count; i++) {
      const text = Array.from({ length: 40 }, () => words[Math.floor(rand() * words.length)]).join(' ');
      rows.push({
        id: `c${i}`,
        article_id: `a${Math.floor(i / 4)}`,
        version: 'v',
        title: `Article ${Math.floor(i / 4)}`,
        locale: 'en',
        audience: 'customer',
        status: 'draft',
        tags: ',',
        headings: '[]',
        text,
        start: 0,
        end: text.length,
        lex: segmentForIndex(text),
        lex_title: segmentForIndex(`Article ${Math.floor(i / 4)}`),
      });
    }
    // Uniform random vectors have no neighbourhoods, so an ANN recall on them means nothing:
    // stored vectors are unit vectors scattered around 1,000 random centres instead.
    const centres = Array.from({ length: 1000 }, () => randomUnitVector(embedder.dimension, rand));
    let n = 0;
    const clustered = () => {
      const centre = centres[n++ % centres.length]!;
      const noise = randomUnitVector(embedder.dimension, rand);
      const v = centre.map((x, j) => x + 0.6 * noise[j]!);
      const norm = Math.hypot(...v);
      return Float32Array.from(v.map((x) => x / norm));
    };
    const randomPassages: PassageEmbedder = {
      modelId: `${embedder.modelId}-synthetic`,
      dimension: embedder.dimension,
      embedQuery: (t) => embedder.embedQuery(t),
      embedPassages: async (texts) => texts.map(clustered),
    };
    const retrieval = await openRetrieval(path.join(tmp, 'index'), { embedder: randomPassages });
    const { index } = retrieval;
    for (let i = 0; i < rows.length; i += 20_000) await index.add(rows.slice(i, i + 20_000));
    await index.optimize();
    const semantic = await retrieval.semantic();
    if (!('vectors' in semantic)) throw new Error('no vector store for the synthetic embedder');
    const { vectors } = semantic;
    await vectors.sync(await index.rowsForVectors(), randomPassages, { batchSize: 5000 });
    await vectors.optimize();
    const run = async (exact: boolean) => {
      const times: number[] = [];
      const tops: string[][] = [];
      for (let r = 0; r < options.rounds; r++) {
        for (const q of queries) {
          const { ms, value } = await timed(() =>
            searchChunks(index, q, {
              mode: 'hybrid',
              vectorSearch: async (query, limit, filter) => {
                const hits = await vectors.search(await embedder.embedQuery(query), limit, filter, exact);
                const byId = await index.rowsById(hits.map((h) => h.id));
                return hits.map((h) => ({ row: byId.get(h.id)!, distance: h.distance }));
              },
            }),
          );
          if (r > 0 || options.rounds === 1) times.push(ms);
          if (r === 0) tops.push(value.results.map((x) => x.chunkId));
        }
      }
      return { times, tops };
    };
    const flat = await run(true);
    let ann: QueryLatency['ann'] = null;
    if (options.ann) {
      const build = await timed(() => vectors.buildAnnIndex());
      const annRun = await run(false);
      let hit = 0;
      let total = 0;
      // Recall uses query vectors from the stored distribution: the random-weight model's query
      // vectors are unrelated to the synthetic clusters.
      for (let i = 0; i < 50; i++) {
        const v = clustered();
        const exact = new Set((await vectors.search(v, 10, {}, true)).map((h) => h.id));
        const approx = await vectors.search(v, 10, {}, false);
        hit += approx.filter((h) => exact.has(h.id)).length;
        total += exact.size;
      }
      ann = {
        buildMs: round(build.ms, 0),
        p50: round(percentile(annRun.times, 50), 1),
        p95: round(percentile(annRun.times, 95), 1),
        recallAt10: round(hit / total),
      };
    }
    const rssMb = round(process.memoryUsage().rss / 1024 / 1024, 0);
    await retrieval.close();
    return {
      chunks: count,
      queryEmbedder: embedder.modelId,
      flat: { p50: round(percentile(flat.times, 50), 1), p95: round(percentile(flat.times, 95), 1) },
      ann,
      rssMb,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
