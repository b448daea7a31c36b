import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerQuestion, KnowledgeViews, readWorkingProfile, type Knowledge } from '../main/answer/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../main/indexing/index.js';
import { reviewedStore } from '../main/review/index.js';
import { searchPolicy } from '../main/retrieval/index.js';
import { createWorkspace } from '../main/session/index.js';
import { datasetRows } from './lexicalCost.js';
import { percentile, round } from './stats.js';

interface LabelledQuestion {
  id: string;
  question: string;
  lang: 'en' | 'zh';
  kind: 'sensitive' | 'answerable' | 'uncovered';
  topic?: string;
  relevant?: string[];
  indirect?: boolean;
}

export interface HandoffScores {
  questions: number;
  /** Of the sensitive questions, the share handed off as sensitive. */
  sensitiveRecall: number;
  /** Of the questions handed off as sensitive, the share that were sensitive. */
  sensitivePrecision: number;
  /** Of the sensitive questions handed off, the share with the labelled topic. */
  topicAccuracy: number;
  /** Indirect phrasings (no obvious keyword) among the sensitive ones: recall. */
  indirectRecall: number;
  /** Of the answerable questions, the share answered (not handed off for any reason). */
  answeredRate: number;
  /** Of the answerable questions answered, the share whose first citation is a relevant article. */
  firstCitationRelevant: number;
  /** Of the questions no article covers, the share handed off (low confidence or out of scope). */
  uncoveredHandedOff: number;
  /** Of the sensitive questions, the share answered automatically: the outcome that must not happen. */
  sensitiveAnswered: number;
  /** Any hand-off (whatever the reason) where one was due (sensitive or uncovered): recall and precision. */
  handoffRecall: number;
  handoffPrecision: number;
}

export interface SetScores {
  set: string;
  /** Written without seeing the profile's keywords and examples, and never tuned on. */
  heldOut: boolean;
  overall: HandoffScores;
  byLanguage: Record<string, HandoffScores>;
  /** Questions the engine decided wrongly, for reading. */
  /** The questions missed; for a held-out set none are listed (reading them would be tuning on them). */
  misses: { id: string; question: string; expected: string; got: string }[];
  missCount: number;
}

export interface AnswerBench {
  sets: SetScores[];
  latency: { workspace: string; chunks: number; questions: number; p50: number; p95: number }[];
  /** The hand-off decision alone (rules, learned evidence, decision) on the sample, per question. */
  handoffDecision?: { p50: number; p95: number };
}

const share = (n: number, d: number) => (d === 0 ? 0 : round(n / d, 3));

function score(rows: { q: LabelledQuestion; handoff: { kind: string; topic: string } | null; first?: string }[]) {
  const sensitive = rows.filter((r) => r.q.kind === 'sensitive');
  const flagged = rows.filter((r) => r.handoff?.kind === 'sensitive');
  const caught = sensitive.filter((r) => r.handoff?.kind === 'sensitive');
  const answerable = rows.filter((r) => r.q.kind === 'answerable');
  const answered = answerable.filter((r) => !r.handoff);
  const uncovered = rows.filter((r) => r.q.kind === 'uncovered');
  const indirect = sensitive.filter((r) => r.q.indirect);
  return {
    questions: rows.length,
    sensitiveRecall: share(caught.length, sensitive.length),
    sensitivePrecision: share(flagged.filter((r) => r.q.kind === 'sensitive').length, flagged.length),
    topicAccuracy: share(caught.filter((r) => r.handoff!.topic === r.q.topic).length, caught.length),
    indirectRecall: share(indirect.filter((r) => r.handoff?.kind === 'sensitive').length, indirect.length),
    answeredRate: share(answered.length, answerable.length),
    firstCitationRelevant: share(
      answered.filter((r) => r.first && r.q.relevant?.includes(r.first)).length,
      answered.length,
    ),
    uncoveredHandedOff: share(uncovered.filter((r) => r.handoff).length, uncovered.length),
    sensitiveAnswered: share(sensitive.filter((r) => !r.handoff).length, sensitive.length),
    handoffRecall: share(
      rows.filter((r) => r.q.kind !== 'answerable' && r.handoff).length,
      rows.filter((r) => r.q.kind !== 'answerable').length,
    ),
    handoffPrecision: share(
      rows.filter((r) => r.q.kind !== 'answerable' && r.handoff).length,
      rows.filter((r) => r.handoff).length,
    ),
  };
}

const stats = (times: number[]) => ({ p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1) });

/**
 * The answer engine on the labelled hand-off set over the sample workspace (extractive provider,
 * lexical retrieval: what every user has without a model), and answer latency (retrieval included)
 * there and over `bigChunks` chunks of the shared datasets.
 */
export async function answerBench(repoRoot: string, datasetsDir: string, bigChunks = 10_000): Promise<AnswerBench> {
  const setFiles = [
    { file: 'bench/data/handoff-questions.jsonl', heldOut: false },
    { file: 'bench/data/handoff-dev.jsonl', heldOut: false },
    { file: 'bench/data/handoff-nearmiss.jsonl', heldOut: false },
    { file: 'bench/data/handoff-heldout.jsonl', heldOut: true },
    { file: 'bench/data/handoff-blind2.jsonl', heldOut: true },
  ];
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-answer-'));
  try {
    const ws = await createWorkspace(path.join(tmp, 'ws'), {
      name: 'Bench',
      template: path.join(repoRoot, 'resources/sample-workspace'),
    });
    const { store, book } = reviewedStore(ws);
    const index = await ChunkIndex.open(indexDir(store));
    await indexWorkspace(store, index);
    const views = new KnowledgeViews({ store, book, draftsIndex: async () => index });
    const drafts = await views.drafts();
    await answerQuestion(drafts, 'warm up');
    const sets: SetScores[] = [];
    const times: number[] = [];
    const decisionTimes: number[] = [];
    for (const { file, heldOut } of setFiles) {
      const labelled = (await readFile(path.join(repoRoot, file), 'utf8'))
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as LabelledQuestion);
      const rows = [];
      for (const q of labelled) {
        const r = await answerQuestion(drafts, q.question);
        times.push(r.trace.timings.totalMs);
        decisionTimes.push(r.trace.timings.handoffMs);
        rows.push({ q, handoff: r.handoff, first: r.citations[0]?.articleId });
      }
      const misses = rows
        .filter((r) =>
          r.q.kind === 'sensitive'
            ? r.handoff?.kind !== 'sensitive'
            : r.q.kind === 'answerable'
              ? Boolean(r.handoff) || !r.q.relevant?.includes(r.first ?? '')
              : !r.handoff,
        )
        .map((r) => ({
          id: r.q.id,
          question: r.q.question,
          expected:
            r.q.kind === 'sensitive'
              ? `hand off: ${r.q.topic}`
              : r.q.kind === 'answerable'
                ? `answer from ${r.q.relevant?.join(' or ')}`
                : 'hand off',
          got: r.handoff ? `hand off: ${r.handoff.topic}` : `answer from ${r.first ?? 'nothing'}`,
        }));
      const byLanguage: Record<string, HandoffScores> = {};
      for (const lang of ['en', 'zh']) byLanguage[lang] = score(rows.filter((r) => r.q.lang === lang));
      sets.push({
        set: file,
        heldOut,
        overall: score(rows),
        byLanguage,
        misses: heldOut ? [] : misses,
        missCount: misses.length,
      });
    }
    const latency = [{ workspace: 'sample', chunks: await index.count(), questions: times.length, ...stats(times) }];
    await views.close();
    index.close();

    const big = await datasetRows(datasetsDir, bigChunks);
    const bigIndex = await ChunkIndex.open(path.join(tmp, 'big'));
    await bigIndex.add(big.rows.map((r) => ({ ...r, status: 'approved' })));
    await bigIndex.optimize();
    const knowledge: Knowledge = {
      against: 'drafts',
      index: bigIndex,
      filter: searchPolicy({ audience: 'customer' }),
      profile: await readWorkingProfile(ws),
    };
    const questions = big.queries.filter((_, i) => i % Math.ceil(big.queries.length / 300) === 0);
    await answerQuestion(knowledge, questions[0]!);
    const bigTimes: number[] = [];
    for (const q of questions) bigTimes.push((await answerQuestion(knowledge, q)).trace.timings.totalMs);
    latency.push({
      workspace: 'shared datasets',
      chunks: await bigIndex.count(),
      questions: bigTimes.length,
      ...stats(bigTimes),
    });
    bigIndex.close();

    return {
      sets,
      latency,
      handoffDecision: { p50: round(percentile(decisionTimes, 50), 2), p95: round(percentile(decisionTimes, 95), 2) },
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
