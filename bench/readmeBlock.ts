import type { AnalyzerRow } from './analyzers.js';
import type { AnswerBench } from './answerQuality.js';
import type { AgentLatency } from './agentLatency.js';
import type { InsightsLoad } from './insightsLoad.js';
import type { DatasetQuality } from './datasetQuality.js';
import type { Throughput } from './embeddingThroughput.js';
import type { ImportThroughput } from './importThroughput.js';
import type { IndexTiming } from './indexTiming.js';
import type { LexicalCost } from './lexicalCost.js';
import type { PeerRow } from './peers.js';
import type { QueryLatency } from './queryLatency.js';
import type { HelpCentreBench } from './helpCentres.js';
import type { ReplayThroughput } from './replayThroughput.js';

export const benchParts = [
  'throughput',
  'index',
  'latency',
  'quality',
  'analyzers',
  'lexical',
  'import',
  'peers',
  'answer',
  'agent',
  'insights',
  'helpcentres',
  'replay',
] as const;
export type BenchPart = (typeof benchParts)[number];

/** What `npm run bench` writes to bench/results.json: every key is set by bench/run.ts. */
export interface BenchResults {
  /** When and where each part was last measured. */
  runs: Partial<Record<BenchPart, { date: string; cpus: number; node: string }>>;
  embeddingThroughput?: Throughput;
  indexTiming?: IndexTiming;
  queryEmbedding?: { p50: number; p95: number };
  queryLatency?: QueryLatency[];
  datasetQuality?: DatasetQuality[];
  analyzers?: AnalyzerRow[];
  /** The shipped lexical configuration's cost beside the previous one's. */
  lexicalCost?: LexicalCost;
  importThroughput?: ImportThroughput;
  /** MiniSearch and Orama configurations, then Almanac's lexical row. */
  peers?: PeerRow[];
  /** The answer engine: hand-off decisions on the labelled set, citations, answer latency. */
  answer?: AnswerBench;
  /** The live agent answering over HTTP on loopback under concurrent load. */
  agent?: AgentLatency;
  /** Reading a large conversation log and computing every insight. */
  insights?: InsightsLoad;
  /** Real help centres imported and questioned, beside MiniSearch and Orama on the same articles. */
  helpCentres?: HelpCentreBench;
  /** Logged questions replayed against two versions of the knowledge before a publish. */
  replay?: ReplayThroughput;
}

export const blockStart = '<!-- bench:start -->';
export const blockEnd = '<!-- bench:end -->';

const ms = (n: number, digits = 0) => `${n.toFixed(digits)} ms`;
const s = (n: number, digits = 1) => `${(n / 1000).toFixed(digits)} s`;
const pct = (part: number, whole: number, digits: number) => `${((part / whole) * 100).toFixed(digits)}%`;
const pair = (m: { ndcg10: number; recall: number }) => `${m.ndcg10.toFixed(3)} / ${m.recall.toFixed(3)}`;

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)];
}

function provenance(runs: BenchResults['runs']): string {
  const seen = Object.entries(runs).map(([part, r]) => ({ part, ...r }));
  if (seen.length === 0) return 'No part has been measured yet: run `npm run bench`.';
  const where = [...new Set(seen.map((r) => `${r.cpus} cores, Node ${r.node}`))].join('; ');
  const days = [...new Set(seen.map((r) => r.date.slice(0, 10)))];
  const when = days.length === 1 ? days[0] : seen.map((r) => `${r.part} ${r.date.slice(0, 10)}`).join(', ');
  return `Measured by \`npm run bench\` (${where}; ${when}; medians on a noisy shared machine: read the ratios).`;
}

function figureRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  const t = r.embeddingThroughput;
  if (t) {
    rows.push([
      `embedding, ${t.texts} texts of ${t.tokens.min}–${t.tokens.max} tokens (texts/s; one at a time / naive batches of 16 / length-sorted batches of 8)`,
      `raw ONNX Runtime ${t.raw.single} / ${t.raw.naive16} / ${t.raw.sorted8}; transformers.js ${t.pipeline.single} / ${t.pipeline.naive16} / ${t.pipeline.sorted8}`,
    ]);
    rows.push([
      "Almanac's embedder (worker thread, length-sorted batches) vs raw ONNX Runtime's best",
      `${t.embedder.sortedBatches} texts/s = ${(t.ratio * 100).toFixed(0)}%`,
    ]);
  }
  const i = r.indexTiming;
  if (i) {
    const full = i.fullyEmbeddedMs;
    rows.push([
      `${i.articles.toLocaleString('en')}-article workspace (${i.chunks.toLocaleString('en')} chunks, ${i.model ?? 'no model'}): lexically searchable / fully embedded`,
      full === null
        ? `${s(i.lexicalSearchableMs)} / not measured`
        : `${s(i.lexicalSearchableMs)} / ${s(full)} (${pct(i.lexicalSearchableMs, full, 1)})`,
    ]);
    rows.push([
      're-index after editing one article: lexical / vectors included',
      `${s(i.reindexOneMs, 2)} / ${i.reindexOneEmbedMs === null || full === null ? 'not measured' : `${s(i.reindexOneEmbedMs, 2)} (${pct(i.reindexOneEmbedMs, full, 2)} of the full index)`}`,
    ]);
  }
  if (r.queryEmbedding)
    rows.push([
      'query embedding (worker round trip)',
      `p50 ${ms(r.queryEmbedding.p50, 1)}, p95 ${ms(r.queryEmbedding.p95, 1)}`,
    ]);
  for (const q of r.queryLatency ?? []) {
    const chunks = q.chunks.toLocaleString('en');
    if (!q.ann) {
      rows.push([
        `hybrid query, query embedding included, ${chunks} chunks (flat)`,
        `p50 ${ms(q.flat.p50)}, p95 ${ms(q.flat.p95)}; RSS ${q.rssMb} MB`,
      ]);
    } else {
      rows.push([
        `hybrid query, query embedding included, ${chunks} chunks: flat / HNSW-SQ`,
        `p50 ${ms(q.flat.p50)} / ${ms(q.ann.p50)}, p95 ${ms(q.flat.p95)} / ${ms(q.ann.p95)}; index built in ${s(q.ann.buildMs, 0)}, recall@10 vs flat ${q.ann.recallAt10}; RSS ${q.rssMb} MB`,
      ]);
    }
  }
  for (const d of r.datasetQuality ?? []) {
    const cells = Object.entries(d.report.byCategory).map(
      ([c, m]) =>
        `${c === 'all' ? '' : `${c} `}${pair(m)}${m.candidateP1 !== undefined ? ` (P@1 within candidates ${m.candidateP1.toFixed(3)})` : ''}`,
    );
    rows.push([`${d.mode}${d.model ? ` (${d.model})` : ''} nDCG@10 / recall@10, ${d.dataset}`, cells.join('; ')]);
  }
  const m = r.importThroughput;
  if (m)
    rows.push([
      `import of a generated ${m.files.toLocaleString('en')}-file Jekyll-style site (callouts, image tags, site links, tables; files/s, first import / re-import unchanged)`,
      `${m.filesPerSecond} / ${m.unchangedFilesPerSecond} (median of ${m.runs})`,
    ]);
  const c = m?.csv;
  if (c)
    rows.push([
      `import of a generated ${c.rows.toLocaleString('en')}-row CSV FAQ (${c.megabytes} MB) with the default cap of ${c.maxRows.toLocaleString('en')} rows per file: rows streamed/s, articles written/s, peak RSS`,
      `${c.rowsPerSecond.toLocaleString('en')} rows/s (${c.seconds} s in all), ${c.articlesPerSecond.toLocaleString('en')} articles/s, ${c.peakRssMb} MB`,
    ]);
  return rows;
}

/** Peer configurations × datasets, `nDCG@10 / recall@10` per cell, the best nDCG@10 of each dataset in bold. */
export function peersTable(rows: PeerRow[]): string[] {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.scores)))];
  const best = names.map((n) => Math.max(...rows.map((r) => r.scores[n]?.ndcg10 ?? 0)));
  return table(
    ['configuration', ...names],
    rows.map((r) => [
      r.configuration,
      ...names.map((n, i) => {
        const m = r.scores[n];
        if (!m) return '—';
        return m.ndcg10 === best[i] ? `**${m.ndcg10.toFixed(3)}** / ${m.recall.toFixed(3)}` : pair(m);
      }),
    ]),
  );
}

/** The benchmark block of docs/benchmark.md, rebuilt from bench/results.json alone. */
export function readmeBlock(r: BenchResults): string {
  const lines = [provenance(r.runs), '', ...table(['what', 'figure'], figureRows(r))];
  if (r.analyzers?.length) {
    const names = Object.keys(r.analyzers[0]!.scores);
    lines.push(
      '',
      'Lexical nDCG@10 / recall@10 per English analyser and title weight (`npm run bench -- --only=analyzers`; ICU word segmentation first in every row; esun FAQ queries only):',
      '',
      ...table(
        ['stemming', 'stop words', 'title weight', ...names],
        r.analyzers.map((a) => [
          a.stem ? 'on' : 'off',
          a.removeStopWords ? 'removed' : 'kept',
          `${a.titleBoost ?? 1}${a.shipped ? ' (shipped)' : ''}`,
          ...names.map((n) => (a.scores[n] ? pair(a.scores[n]) : '–')),
        ]),
      ),
    );
  }
  const c = r.lexicalCost;
  if (c)
    lines.push(
      '',
      `Lexical cost over ${c.chunks.toLocaleString('en')} chunks cut from the shared datasets, ${c.queries.toLocaleString('en')} of their queries (\`npm run bench -- --only=lexical\`):`,
      '',
      ...table(
        ['configuration', 'full-text index build', 'index size', 'query p50 / p95'],
        c.rows.map((x) => [
          x.configuration,
          ms(x.buildMs),
          `${(x.indexBytes / 1e6).toFixed(2)} MB`,
          `${ms(x.query.p50, 1)} / ${ms(x.query.p95, 1)}`,
        ]),
      ),
    );
  if (r.peers?.length)
    lines.push(
      '',
      'Lexical nDCG@10 / recall@10 beside MiniSearch and Orama (`npm run bench -- --only=peers`; fields title and text ranked separately, exact terms unless stated, whole-corpus ranking, esun FAQ queries only; Chinese through `Intl.Segmenter` for MiniSearch and `@orama/tokenizers/mandarin` for Orama; — = English-only analysis):',
      '',
      ...peersTable(r.peers),
    );
  const h = r.helpCentres;
  if (h) {
    const f = (n: number) => n.toFixed(2);
    lines.push(
      '',
      "Real help centres, imported from their sources and asked the questions in `bench/data/helpcentres/` (written from the sources before any search; `ALMANAC_HELPCENTRES=<folder> npm run bench -- --only=helpcentres`): article hit@1 / hit@3 / MRR of the answerable questions, the answer's first citation right, an expected fact stated, unanswerable questions handed off; the best of four MiniSearch and Orama configurations over the same imported articles:",
      '',
      ...table(
        [
          'site (generator)',
          'articles',
          'questions',
          'Almanac hit@1 / @3 / MRR',
          'first citation',
          'fact stated',
          'unanswerable handed off',
          'best peer hit@1 / @3 / MRR',
        ],
        h.sites.map((s) => {
          const [name, best] = Object.entries(s.peers).sort((a, b) => b[1].hit3 - a[1].hit3 || b[1].mrr - a[1].mrr)[0]!;
          return [
            `${s.site} (${s.generator}${s.locale === 'zh' ? ', Chinese' : ''}${s.heldOut ? '; held out' : ''})`,
            String(s.articles),
            String(s.questions),
            `${f(s.almanac.hit1)} / ${f(s.almanac.hit3)} / ${f(s.almanac.mrr)}`,
            f(s.almanac.firstCitation),
            f(s.almanac.factStated),
            f(s.almanac.unanswerableHandled),
            `${f(best.hit1)} / ${f(best.hit3)} / ${f(best.mrr)} (${name})`,
          ];
        }),
      ),
      '',
      `Mean over the sites tuned on: hit@3 ${f(h.overall.hit3)}, first citation ${f(h.overall.firstCitation)}, fact stated ${f(h.overall.factStated)}.${h.heldOut ? ` Held-out sites (questions written after tuning, never tuned on; misses not listed): hit@1 ${f(h.heldOut.hit1)}, hit@3 ${f(h.heldOut.hit3)}, first citation ${f(h.heldOut.firstCitation)}, fact stated ${f(h.heldOut.factStated)}.` : ''} Confidence calibration (answered questions; how often the first citation is right in each band): ${h.calibration.map((c) => `${c.band}: ${c.answers ? f(c.firstCitationRight) : '–'} (${c.answers})`).join(', ')}.`,
    );
  }
  const a = r.answer;
  if (a)
    lines.push(
      '',
      "The answer engine on the sample workspace, extractive provider, lexical retrieval (`npm run bench -- --only=answer`; the first set was written before the profile's keywords and used to tune them; the dev and near-miss sets were written later, without seeing the profile, the engine or the other sets, and are tuned on; the held-out sets were written blind and are never tuned on):",
      '',
      ...table(
        [
          'question set',
          'sensitive → handed off as sensitive: recall / precision',
          'right topic',
          'sensitive answered automatically',
          'answerable answered',
          'first citation relevant',
          'uncovered handed off',
        ],
        a.sets.flatMap((set) =>
          [['all', set.overall] as const, ...Object.entries(set.byLanguage)].map(([lang, m]) => [
            `${set.set.replace('bench/data/', '')} (${set.overall.questions}${set.heldOut ? ', held out' : ''}) ${lang}`,
            `${m.sensitiveRecall.toFixed(3)} / ${m.sensitivePrecision.toFixed(3)}`,
            m.topicAccuracy.toFixed(3),
            m.sensitiveAnswered.toFixed(3),
            m.answeredRate.toFixed(3),
            m.firstCitationRelevant.toFixed(3),
            m.uncoveredHandedOff.toFixed(3),
          ]),
        ),
      ),
      '',
      ...table(
        ['answer latency (retrieval, decision, extractive answer, grounding check)', 'p50', 'p95'],
        [
          ...a.latency.map((l) => [
            `${l.workspace}: ${l.chunks.toLocaleString('en')} chunks, ${l.questions} questions`,
            ms(l.p50, 1),
            ms(l.p95, 1),
          ]),
          ...(a.handoffDecision
            ? [
                [
                  'hand-off decision alone on the sample (rules, learned evidence, the decision; no retrieval)',
                  ms(a.handoffDecision.p50, 2),
                  ms(a.handoffDecision.p95, 2),
                ],
              ]
            : []),
          ...(r.agent
            ? [
                [
                  `live agent over HTTP on loopback, sample snapshot, ${r.agent.concurrency} concurrent clients, ${r.agent.requests} requests (${r.agent.requestsPerSecond}/s, ${r.agent.failed} failed)`,
                  ms(r.agent.p50, 1),
                  ms(r.agent.p95, 1),
                ],
              ]
            : []),
        ],
      ),
    );
  const i = r.insights;
  if (i)
    lines.push(
      '',
      `Insights over ${i.conversations.toLocaleString('en')} conversations (\`npm run bench -- --only=insights\`, median of 3, reading the log and computing every figure): the live agent's JSONL log (${i.megabytes.agentLog} MB in 30 daily files) ${s(i.agentLogMs)}, a CSV export (${i.megabytes.csv} MB) ${s(i.csvMs)}.`,
    );
  const rp = r.replay;
  if (rp)
    lines.push(
      '',
      `Replay before a publish (\`npm run bench -- --only=replay\`): ${rp.questions.toLocaleString('en')} logged questions answered against two versions of the sample's knowledge in ${rp.seconds} s (${rp.answersPerSecond} answers/s).`,
    );
  return lines.join('\n');
}

/** Replace the text between the bench markers of docs/benchmark.md; throws when the markers are missing. */
export function replaceBlock(readme: string, block: string): string {
  const start = readme.indexOf(blockStart);
  const end = readme.indexOf(blockEnd);
  if (start < 0 || end < start)
    throw new Error(`docs/benchmark.md needs ${blockStart} … ${blockEnd} around the benchmark figures.`);
  return `${readme.slice(0, start + blockStart.length)}\n\n${block}\n\n${readme.slice(end)}`;
}
