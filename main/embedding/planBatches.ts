export interface BatchPlan {
  maxBatch: number;
  /** A batch closes when a text is longer than the batch's first by more than this share. */
  maxPaddingShare: number;
}

/**
 * Group texts of similar token length so padding wastes little work: sort by length, then cut
 * batches at `maxBatch` items or when lengths drift apart. Returns original indices per batch.
 */
export function planBatches(lengths: number[], plan: BatchPlan = { maxBatch: 8, maxPaddingShare: 0.2 }): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const i of order) {
    const first = current.length ? lengths[current[0]!]! : 0;
    if (current.length >= plan.maxBatch || (current.length && lengths[i]! > first * (1 + plan.maxPaddingShare) + 4)) {
      batches.push(current);
      current = [];
    }
    current.push(i);
  }
  if (current.length) batches.push(current);
  return batches;
}
