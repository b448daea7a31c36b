import type { GoldenMetrics, QuestionOutcome } from './goldenMetrics.js';
import type { GoldenRun } from './runGoldenSet.js';

export type Verdict = 'better' | 'worse' | 'same';

export interface QuestionComparison {
  id: string;
  question: string;
  verdict: Verdict;
  before: { rank: number | null; handoffRight: boolean };
  after: { rank: number | null; handoffRight: boolean };
}

export interface RunComparison {
  before: string;
  after: string;
  questions: QuestionComparison[];
  counts: Record<Verdict, number>;
  /** Metric changes, after minus before. */
  delta: {
    hitAtK: number;
    mrr: number;
    ndcg10: number;
    handoffRecall: number;
    handoffPrecision: number;
    grounded: number;
  };
  /** Articles whose version differs between the runs (added, removed or edited). */
  articleChanges: { id: string; before?: string; after?: string }[];
}

/** 1-based rank of the first expected article, or null. */
function rankOf(o: QuestionOutcome): number | null {
  const i = o.ranked.findIndex((id) => o.expected.includes(id));
  return i < 0 ? null : i + 1;
}

const handoffRight = (o: QuestionOutcome) => o.expectedHandoff === (o.handoff !== null);

/**
 * A question is better when its hand-off decision became right, or (with the decision equally
 * right) its first expected article moved up; worse the other way round; same otherwise.
 */
function verdict(a: QuestionOutcome, b: QuestionOutcome): Verdict {
  const [ra, rb] = [handoffRight(a), handoffRight(b)];
  if (ra !== rb) return rb ? 'better' : 'worse';
  const [ka, kb] = [rankOf(a) ?? Infinity, rankOf(b) ?? Infinity];
  if (ka === kb) return 'same';
  return kb < ka ? 'better' : 'worse';
}

const delta = (a: GoldenMetrics, b: GoldenMetrics): RunComparison['delta'] => ({
  hitAtK: b.hitAtK - a.hitAtK,
  mrr: b.mrr - a.mrr,
  ndcg10: b.ndcg10 - a.ndcg10,
  handoffRecall: b.handoff.recall - a.handoff.recall,
  handoffPrecision: b.handoff.precision - a.handoff.precision,
  grounded: b.grounded - a.grounded,
});

/** Compare two runs of the same set question by question, and name the article changes between them. */
export function compareRuns(before: GoldenRun, after: GoldenRun): RunComparison {
  const earlier = new Map(before.outcomes.map((o) => [o.id, o]));
  const questions: QuestionComparison[] = [];
  for (const b of after.outcomes) {
    const a = earlier.get(b.id);
    if (!a) continue;
    questions.push({
      id: b.id,
      question: b.question,
      verdict: verdict(a, b),
      before: { rank: rankOf(a), handoffRight: handoffRight(a) },
      after: { rank: rankOf(b), handoffRight: handoffRight(b) },
    });
  }
  const counts = { better: 0, worse: 0, same: 0 };
  for (const q of questions) counts[q.verdict]++;
  const ids = new Set([...Object.keys(before.versions), ...Object.keys(after.versions)]);
  const articleChanges = [...ids]
    .filter((id) => before.versions[id] !== after.versions[id])
    .sort()
    .map((id) => ({ id, before: before.versions[id], after: after.versions[id] }));
  return {
    before: before.id,
    after: after.id,
    questions,
    counts,
    delta: delta(before.metrics, after.metrics),
    articleChanges,
  };
}
