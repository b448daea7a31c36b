import type { QuestionOutcome } from '../../main/api/index.js';

/** 1-based rank of the first expected article among those retrieved, or null. */
export function firstRelevantRank(o: QuestionOutcome): number | null {
  const i = o.ranked.findIndex((id) => o.expected.includes(id));
  return i < 0 ? null : i + 1;
}

/** Right: an expected article in the top k (when any is expected) and the hand-off decision as expected. */
export function outcomeRight(o: QuestionOutcome, k: number): boolean {
  const found = o.expected.length === 0 || o.ranked.slice(0, k).some((id) => o.expected.includes(id));
  return found && o.expectedHandoff === (o.handoff !== null);
}
