import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeViews } from '../main/answer/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../main/indexing/index.js';
import { replayQuestions, type LoggedQuestion } from '../main/replay/index.js';
import { ReviewBook } from '../main/review/index.js';
import { tempWorkspace } from '../tests/fixtures/tempWorkspace.js';

export interface ReplayThroughput {
  questions: number;
  /** Wall time of one replay: every question answered twice, once per knowledge. */
  seconds: number;
  answersPerSecond: number;
  changes: number;
}

/**
 * Replay 1,000 logged questions against two versions of the sample's knowledge (its working drafts
 * and its approved versions, two indexes the engine reads as it reads snapshots): the cost of the
 * behaviour diff before a publish.
 */
export async function replayThroughput(repoRoot: string, count = 1000): Promise<ReplayThroughput> {
  const texts: string[] = [];
  for (const file of ['handoff-questions.jsonl', 'handoff-heldout.jsonl', 'handoff-blind2.jsonl']) {
    const lines = (await readFile(path.join(repoRoot, 'bench/data', file), 'utf8')).split('\n').filter(Boolean);
    for (const line of lines) texts.push((JSON.parse(line) as { question: string }).question);
  }
  // Customers ask the same things in slightly different words: the sets, then greeted and hurried variants.
  const variants = [
    (q: string) => q,
    (q: string) => `Hi, ${q}`,
    (q: string) => `${q} thanks`,
    (q: string) => `quick question: ${q}`,
  ];
  const questions: LoggedQuestion[] = [];
  for (let i = 0; questions.length < count; i++)
    questions.push({
      text: variants[Math.floor(i / texts.length) % variants.length]!(texts[i % texts.length]!),
      count: 1,
      lastAsked: '2026-12-01T00:00:00Z',
    });
  const ctx = await tempWorkspace({ sample: true });
  const index = await ChunkIndex.open(indexDir(ctx.store));
  try {
    await indexWorkspace(ctx.store, index);
    const views = new KnowledgeViews({
      store: ctx.store,
      book: new ReviewBook(ctx.ws),
      draftsIndex: async () => index,
    });
    const [drafts, approved] = [await views.knowledge('drafts'), await views.knowledge('approved')];
    const started = performance.now();
    const report = await replayQuestions(questions, approved, drafts);
    const seconds = (performance.now() - started) / 1000;
    await views.close();
    return {
      questions: questions.length,
      seconds: Math.round(seconds * 10) / 10,
      answersPerSecond: Math.round((questions.length * 2) / seconds),
      changes: report.changes.length,
    };
  } finally {
    index.close();
    await ctx.cleanup();
  }
}
