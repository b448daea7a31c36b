import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArticleStore, serializeArticle } from '../main/articles/index.js';
import { indexDir, indexWorkspace, openRetrieval, type PassageEmbedder } from '../main/indexing/index.js';
import { searchChunks } from '../main/retrieval/index.js';
import { createWorkspace } from '../main/session/index.js';
import { seeded, timed } from './stats.js';

const topics = [
  'refund',
  'shipping',
  'invoice',
  'password',
  'warranty',
  'subscription',
  'privacy',
  'order',
  'payment',
  'account',
];
const zhTopics = ['退款', '配送', '发票', '密码', '保修', '订阅', '隐私', '订单', '支付', '账户'];

/** A generated support article of a few hundred words with headings, in English or Chinese. */
function generatedArticle(
  i: number,
  rand: () => number,
): { meta: Parameters<typeof serializeArticle>[0]; body: string } {
  const zh = i % 3 === 0;
  const t = Math.floor(rand() * topics.length);
  const sections = 2 + Math.floor(rand() * 3);
  const body = Array.from({ length: sections }, (_, s) => {
    const sentences = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, n) =>
      zh
        ? `关于${zhTopics[t]}的第${n + 1}条说明，编号${i}-${s}，请在七个工作日内完成操作。`
        : `Step ${n + 1} for ${topics[t]} case ${i}-${s}: open your account page, choose the order and follow the instructions within seven days.`,
    );
    return `## ${zh ? `${zhTopics[t]}说明 ${s + 1}` : `${topics[t]} section ${s + 1}`}\n\n${sentences.join(zh ? '' : ' ')}\n`;
  }).join('\n');
  return {
    meta: {
      id: `gen-${i}`,
      title: zh ? `${zhTopics[t]}指南 ${i}` : `${topics[t]} guide ${i}`,
      tags: [topics[t]!],
      locale: zh ? 'zh-CN' : 'en',
      audience: 'customer',
      owner: '',
    },
    body,
  };
}

export interface IndexTiming {
  articles: number;
  chunks: number;
  lexicalSearchableMs: number;
  fullyEmbeddedMs: number | null;
  reindexOneMs: number;
  reindexOneEmbedMs: number | null;
  model: string | null;
}

/** Time until a workspace of `count` articles is lexically searchable, fully embedded, and re-indexed after one edit. */
export async function indexTiming(count: number, embedder?: PassageEmbedder): Promise<IndexTiming> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-'));
  try {
    const ws = await createWorkspace(path.join(tmp, 'ws'), { name: 'bench' });
    const store = new ArticleStore(ws);
    const rand = seeded(7);
    for (let i = 0; i < count; i++) {
      const a = generatedArticle(i, rand);
      await writeFile(path.join(ws.articlesDir, `${a.meta.id}.md`), serializeArticle(a.meta, a.body));
    }
    const retrieval = await openRetrieval(indexDir(store), { embedder });
    const { index } = retrieval;
    const lexical = await timed(async () => {
      await indexWorkspace(store, index);
      const hit = await searchChunks(index, 'refund section', { mode: 'lexical', k: 1 });
      if (hit.results.length === 0) throw new Error('index not searchable');
    });
    const semantic = await retrieval.semantic();
    const vectors = 'vectors' in semantic ? semantic.vectors : undefined;
    let fullyEmbeddedMs: number | null = null;
    if (embedder && vectors) {
      const full = await timed(async () => vectors!.sync(await index.rowsForVectors(), embedder));
      fullyEmbeddedMs = lexical.ms + full.ms;
    }
    const article = await store.get('gen-1');
    await store.save(article.id, {
      meta: article.meta,
      body: `${article.body}\n## Added\n\nA new paragraph about parcel lockers.\n`,
    });
    const one = await timed(() => indexWorkspace(store, index));
    let reindexOneEmbedMs: number | null = null;
    if (embedder && vectors)
      reindexOneEmbedMs = (await timed(async () => vectors!.sync(await index.rowsForVectors(), embedder))).ms;
    const chunks = await index.count();
    await retrieval.close();
    return {
      articles: count,
      chunks,
      lexicalSearchableMs: lexical.ms,
      fullyEmbeddedMs,
      reindexOneMs: one.ms,
      reindexOneEmbedMs: reindexOneEmbedMs === null ? null : one.ms + reindexOneEmbedMs,
      model: embedder?.modelId ?? null,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
