import { describe, expect, it } from 'vitest';
import { mergeById, mergesById } from './mergeById.js';

const q = (id: string, question: string) => JSON.stringify({ id, question });
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('mergeById (golden sets)', () => {
  const base = lines(q('q1', 'refund?'), q('q2', 'shipping?'));

  it('keeps questions both sides added, renumbering theirs when both took the same id', () => {
    const ours = lines(q('q1', 'refund?'), q('q2', 'shipping?'), q('q3', 'gift cards?'));
    const theirs = lines(q('q1', 'refund?'), q('q2', 'shipping?'), q('q3', 'warranty?'));
    expect(mergeById(base, ours, theirs)).toBe(
      lines(q('q1', 'refund?'), q('q2', 'shipping?'), q('q3', 'gift cards?'), q('q4', 'warranty?')),
    );
  });

  it('takes each side’s edits and removals of different questions', () => {
    const ours = lines(q('q1', 'How long do refunds take?'), q('q2', 'shipping?'));
    const theirs = lines(q('q1', 'refund?'));
    expect(mergeById(base, ours, theirs)).toBe(lines(q('q1', 'How long do refunds take?')));
  });

  it('leaves the same question edited differently, or edited and removed, to a person', () => {
    expect(
      mergeById(base, lines(q('q1', 'a'), q('q2', 'shipping?')), lines(q('q1', 'b'), q('q2', 'shipping?'))),
    ).toBeNull();
    expect(mergeById(base, lines(q('q1', 'a'), q('q2', 'shipping?')), lines(q('q2', 'shipping?')))).toBeNull();
    expect(mergeById(base, lines(q('q2', 'shipping?')), lines(q('q1', 'b'), q('q2', 'shipping?')))).toBeNull();
    expect(mergeById(base, lines('not json'), base)).toBeNull();
  });

  it('applies to golden sets only', () => {
    expect(mergesById('evals/golden.jsonl')).toBe(true);
    expect(mergesById('articles/refund.md')).toBe(false);
    expect(mergesById('reviews/refund.jsonl')).toBe(false);
  });
});
