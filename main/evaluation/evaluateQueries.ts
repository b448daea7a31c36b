import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import { parseJsonLines } from '../workspace/index.js';
import { ndcgAt, recallAt, reciprocalRank, type Judgements } from './retrievalMetrics.js';

export interface EvalQuery {
  id: string;
  text: string;
  category?: string;
  candidates?: string[];
}

export interface MetricSet {
  queries: number;
  ndcg10: number;
  recall: number;
  mrr: number;
  /** Precision@1 when ranking only the query's own candidate list (BEIR sets that carry one). */
  candidateP1?: number;
}

export interface EvalReport {
  k: number;
  mode: string;
  overall: MetricSet;
  byCategory: Record<string, MetricSet>;
}

/** A line of BEIR queries: an id ("_id" or "id"), the text, and optional metadata. */
const beirQuerySchema = z
  .object({
    _id: z.unknown().optional(),
    id: z.unknown().optional(),
    text: z.string(),
    metadata: z.unknown().optional(),
  })
  .refine((q) => (q._id ?? q.id) !== undefined);

/** Read BEIR queries ({_id|id, text, metadata.category}) and qrels (query-id, corpus-id, score; optional header). */
export async function readBeirFiles(
  queriesFile: string,
  qrelsFile: string,
): Promise<{ queries: EvalQuery[]; qrels: Map<string, Judgements> }> {
  const { records, bad } = parseJsonLines(await readFile(queriesFile, 'utf8'), beirQuerySchema);
  // The first bad line stops the evaluation: a run on part of the queries would mislead.
  const first = bad[0];
  if (first)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      first.issues
        ? `${queriesFile}:${first.line} needs "_id" (or "id") and "text".`
        : `${queriesFile}:${first.line} is not valid JSON. Each line needs {"_id" or "id", "text"}.`,
    );
  const queries: EvalQuery[] = records.map(({ value: q }) => {
    const meta = (q.metadata ?? {}) as { category?: unknown; candidates?: unknown };
    return {
      id: String(q._id ?? q.id),
      text: q.text,
      category: typeof meta.category === 'string' ? meta.category : undefined,
      candidates: Array.isArray(meta.candidates) ? meta.candidates.map(String) : undefined,
    };
  });
  const qrels = new Map<string, Judgements>();
  for (const line of (await readFile(qrelsFile, 'utf8')).split(/\r?\n/)) {
    const [qid, docId, score] = line.split('\t');
    if (!qid || !docId || score === undefined || Number.isNaN(Number(score))) continue;
    const judged = qrels.get(qid) ?? {};
    judged[docId] = Number(score);
    qrels.set(qid, judged);
  }
  if (qrels.size === 0)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${qrelsFile} has no judgements. Lines are query-id<TAB>corpus-id<TAB>score.`,
    );
  return { queries, qrels };
}

export type RankArticles = (query: EvalQuery, k: number, restrictTo?: string[]) => Promise<string[]>;

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Run every judged query and report nDCG@10, recall@k and MRR, overall and per category. */
export async function evaluateQueries(
  queries: EvalQuery[],
  qrels: Map<string, Judgements>,
  rank: RankArticles,
  options: { k: number; mode: string; onProgress?: (done: number, total: number) => void },
): Promise<EvalReport> {
  const judged = queries.filter((q) => qrels.has(q.id));
  const rows: { category: string; ndcg: number; recall: number; rr: number; p1?: number }[] = [];
  for (const [i, q] of judged.entries()) {
    const rel = qrels.get(q.id)!;
    const ranked = await rank(q, Math.max(options.k, 10));
    let p1: number | undefined;
    if (q.candidates?.length) {
      const top = (await rank(q, 1, q.candidates))[0];
      p1 = top !== undefined && (rel[top] ?? 0) > 0 ? 1 : 0;
    }
    rows.push({
      category: q.category ?? 'all',
      ndcg: ndcgAt(ranked, rel, 10),
      recall: recallAt(ranked, rel, options.k),
      rr: reciprocalRank(ranked, rel),
      p1,
    });
    options.onProgress?.(i + 1, judged.length);
  }
  const summarize = (rs: typeof rows): MetricSet => {
    const p1s = rs.map((r) => r.p1).filter((p): p is number => p !== undefined);
    return {
      queries: rs.length,
      ndcg10: mean(rs.map((r) => r.ndcg)),
      recall: mean(rs.map((r) => r.recall)),
      mrr: mean(rs.map((r) => r.rr)),
      ...(p1s.length ? { candidateP1: mean(p1s) } : {}),
    };
  };
  const byCategory: Record<string, MetricSet> = {};
  for (const category of new Set(rows.map((r) => r.category)))
    byCategory[category] = summarize(rows.filter((r) => r.category === category));
  return { k: options.k, mode: options.mode, overall: summarize(rows), byCategory };
}
