import { ndcgAt, reciprocalRank, type Judgements } from './retrievalMetrics.js';

/** What happened to one golden question in a run. */
export interface QuestionOutcome {
  id: string;
  question: string;
  expected: string[];
  expectedHandoff: boolean;
  /** Articles in the order retrieval ranked them (best chunk first). */
  ranked: string[];
  /** The hand-off the agent made (topic), or null when it answered. */
  handoff: string | null;
  handoffReason?: string;
  answer: string;
  cited: string[];
  /** Every sentence of the answer supported by a cited passage (answered questions only). */
  grounded: boolean;
  /** Expected facts the answer states, and those it misses. */
  factsFound: string[];
  factsMissing: string[];
  confidence: number;
}

export interface GoldenMetrics {
  questions: number;
  k: number;
  /** Share of questions with an expected article among the first k ranked. */
  hitAtK: number;
  mrr: number;
  ndcg10: number;
  handoff: { precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number };
  /** Of the answered questions, the share whose every sentence a cited passage supports. */
  grounded: number;
  /** Of the expected facts, the share the answers state (null when the set names none). */
  facts: number | null;
}

const judgements = (expected: string[]): Judgements => Object.fromEntries(expected.map((id) => [id, 1]));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

/**
 * A run's figures. Retrieval metrics count the questions that expect articles; hand-off precision
 * and recall treat "a person should take it" as the positive class; a hand-off of any kind counts.
 */
export function goldenMetrics(outcomes: QuestionOutcome[], k: number): GoldenMetrics {
  const withArticles = outcomes.filter((o) => o.expected.length > 0);
  const tp = outcomes.filter((o) => o.expectedHandoff && o.handoff).length;
  const fp = outcomes.filter((o) => !o.expectedHandoff && o.handoff).length;
  const fn = outcomes.filter((o) => o.expectedHandoff && !o.handoff).length;
  const answered = outcomes.filter((o) => !o.handoff);
  const factsExpected = outcomes.reduce((s, o) => s + o.factsFound.length + o.factsMissing.length, 0);
  return {
    questions: outcomes.length,
    k,
    hitAtK: share(
      withArticles.filter((o) => o.ranked.slice(0, k).some((id) => o.expected.includes(id))).length,
      withArticles.length,
    ),
    mrr: mean(withArticles.map((o) => reciprocalRank(o.ranked, judgements(o.expected)))),
    ndcg10: mean(withArticles.map((o) => ndcgAt(o.ranked, judgements(o.expected), 10))),
    handoff: {
      precision: share(tp, tp + fp),
      recall: share(tp, tp + fn),
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
    },
    grounded: share(answered.filter((o) => o.grounded).length, answered.length),
    facts: factsExpected ? outcomes.reduce((s, o) => s + o.factsFound.length, 0) / factsExpected : null,
  };
}
