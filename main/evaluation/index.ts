export { evaluateQueries, readBeirFiles } from './evaluateQueries.js';
export type { EvalQuery, EvalReport, MetricSet } from './evaluateQueries.js';
export { ndcgAt, recallAt, reciprocalRank } from './retrievalMetrics.js';
