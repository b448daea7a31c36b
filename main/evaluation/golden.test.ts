import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns.js';
import { goldenMetrics, type QuestionOutcome } from './goldenMetrics.js';
import { parseGoldenSet } from './goldenSet.js';
import type { GoldenRun } from './runGoldenSet.js';

function outcome(over: Partial<QuestionOutcome> & Pick<QuestionOutcome, 'id'>): QuestionOutcome {
  return {
    question: over.id,
    expected: [],
    expectedHandoff: false,
    ranked: [],
    handoff: null,
    answer: '',
    cited: [],
    grounded: true,
    factsFound: [],
    factsMissing: [],
    confidence: 1,
    ...over,
  };
}

// Four questions, worked out by hand:
// q1 expects a, ranked [a, b]          -> hit@2 yes, RR 1,   nDCG 1
// q2 expects c, ranked [b, c]          -> hit@2 yes, RR 1/2, nDCG 1/log2(3) = 0.6309
// q3 expects d, ranked [b, e, d]       -> hit@2 no,  RR 1/3, nDCG 1/log2(4) = 0.5
// q4 expects a hand-off and gets one; q2 gets an unexpected hand-off; q3 is answered ungrounded.
const outcomes = [
  outcome({ id: 'q1', expected: ['a'], ranked: ['a', 'b'], factsFound: ['30 days'], factsMissing: ['free'] }),
  outcome({ id: 'q2', expected: ['c'], ranked: ['b', 'c'], handoff: 'low-confidence' }),
  outcome({ id: 'q3', expected: ['d'], ranked: ['b', 'e', 'd'], grounded: false }),
  outcome({ id: 'q4', expectedHandoff: true, handoff: 'legal' }),
];

describe('goldenMetrics', () => {
  it('matches hand-computed hit@k, MRR, nDCG@10, hand-off precision and recall, grounding and facts', () => {
    const m = goldenMetrics(outcomes, 2);
    expect(m.hitAtK).toBeCloseTo(2 / 3, 6);
    expect(m.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 3) / 3, 6);
    expect(m.ndcg10).toBeCloseTo((1 + 1 / Math.log2(3) + 1 / Math.log2(4)) / 3, 6);
    expect(m.handoff).toEqual({ precision: 0.5, recall: 1, truePositives: 1, falsePositives: 1, falseNegatives: 0 });
    expect(m.grounded).toBeCloseTo(1 / 2, 6);
    expect(m.facts).toBeCloseTo(1 / 2, 6);
    expect(goldenMetrics(outcomes.slice(1), 2).facts).toBeNull();
  });
});

describe('parseGoldenSet', () => {
  it('reads the questions and reports each bad line by number', () => {
    const set = parseGoldenSet(
      'demo',
      '{"id":"g1","question":"Refund?","expected":["refund-policy"]}\nnot json\n{"question":""}\n{"question":"Close my account","handoff":true}\n',
    );
    expect(set.questions.map((q) => q.id)).toEqual(['g1', 'q4']);
    expect(set.questions[1]).toMatchObject({ handoff: true, expected: [] });
    expect(set.problems.map((p) => p.field)).toEqual(['line 2', 'line 3']);
  });
});

describe('compareRuns', () => {
  const run = (id: string, list: QuestionOutcome[], versions: Record<string, string>): GoldenRun => ({
    id,
    set: 'demo',
    time: id,
    against: 'drafts',
    k: 2,
    metrics: goldenMetrics(list, 2),
    outcomes: list,
    versions,
  });

  it('says per question whether it got better, worse or stayed, and names the articles that changed', () => {
    const before = run('r1', outcomes, { a: '1', b: '1', c: '1' });
    const after = run(
      'r2',
      [
        outcomes[0]!,
        outcome({ id: 'q2', expected: ['c'], ranked: ['c'] }),
        outcome({ id: 'q3', expected: ['d'], ranked: ['b'] }),
        outcome({ id: 'q4', expectedHandoff: true, handoff: null }),
      ],
      { a: '1', b: '2', d: '1' },
    );
    const c = compareRuns(before, after);
    expect(Object.fromEntries(c.questions.map((q) => [q.id, q.verdict]))).toEqual({
      q1: 'same',
      q2: 'better',
      q3: 'worse',
      q4: 'worse',
    });
    expect(c.counts).toEqual({ better: 1, worse: 2, same: 1 });
    expect(c.articleChanges).toEqual([
      { id: 'b', before: '1', after: '2' },
      { id: 'c', before: '1', after: undefined },
      { id: 'd', before: undefined, after: '1' },
    ]);
    expect(c.delta.handoffRecall).toBe(-1);
  });
});
