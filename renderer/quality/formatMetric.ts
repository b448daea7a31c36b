/** A share (0–1) as a whole percentage, or a score (MRR, nDCG) with three decimals. */
export function formatMetric(value: number, kind: 'share' | 'score'): string {
  return kind === 'share' ? `${Math.round(value * 100)}%` : value.toFixed(3);
}

/** A change as a signed figure: shares in percentage points (one decimal), scores with three decimals. */
export function formatDelta(value: number, kind: 'share' | 'score'): string {
  const figure = kind === 'share' ? (Math.abs(value) * 100).toFixed(1) : Math.abs(value).toFixed(3);
  if (Number(figure) === 0) return figure;
  return `${value > 0 ? '+' : '−'}${figure}`;
}
