import { describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../main/api/index.js';
import { firstRelevantRank, outcomeRight } from './outcomeRight';

const outcome = (patch: Partial<QuestionOutcome>): QuestionOutcome => ({
  id: 'q1',
  question: 'How long does a refund take?',
  expected: ['refund-policy'],
  expectedHandoff: false,
  ranked: ['shipping', 'refund-policy'],
  handoff: null,
  answer: '',
  cited: [],
  grounded: true,
  factsFound: [],
  factsMissing: [],
  confidence: 0.8,
  ...patch,
});

describe('outcomeRight', () => {
  it('needs an expected article in the top k and the expected hand-off decision', () => {
    expect(outcomeRight(outcome({}), 2)).toBe(true);
    expect(outcomeRight(outcome({}), 1)).toBe(false);
    expect(outcomeRight(outcome({ handoff: 'low-confidence' }), 5)).toBe(false);
  });

  it('judges a question that expects no article by its hand-off alone', () => {
    expect(outcomeRight(outcome({ expected: [], expectedHandoff: true, handoff: 'complaint' }), 5)).toBe(true);
    expect(outcomeRight(outcome({ expected: [], expectedHandoff: true }), 5)).toBe(false);
  });

  it('gives the 1-based rank of the first expected article, or null', () => {
    expect(firstRelevantRank(outcome({}))).toBe(2);
    expect(firstRelevantRank(outcome({ ranked: ['shipping'] }))).toBeNull();
  });
});
