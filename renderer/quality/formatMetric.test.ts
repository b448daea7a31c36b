import { describe, expect, it } from 'vitest';
import { formatDelta, formatMetric } from './formatMetric';

describe('formatMetric', () => {
  it('shows shares as percentages and scores with three decimals', () => {
    expect(formatMetric(0.8333, 'share')).toBe('83%');
    expect(formatMetric(0.8276, 'score')).toBe('0.828');
  });

  it('signs a change, in points for shares, and leaves no change unsigned', () => {
    expect(formatDelta(0.0833, 'share')).toBe('+8.3');
    expect(formatDelta(-0.0412, 'score')).toBe('−0.041');
    expect(formatDelta(0, 'share')).toBe('0.0');
    expect(formatDelta(-0.00001, 'score')).toBe('0.000');
  });
});
