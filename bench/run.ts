// npm run bench: speed and quality figures, measured in one run on this machine; written to
// bench/results.json, and the benchmark block of docs/benchmark.md is rebuilt from that file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findModel, loadEmbedder, type Embedder } from '../main/embedding/index.js';
import { VectorStore, indexDir } from '../main/indexing/index.js';
import { vectorSearchFor } from '../main/retrieval/index.js';
import { makeEncoderModel, shapes } from '../tests/fixtures/makeEncoderModel.js';
import { analyzers } from './analyzers.js';
import { answerBench } from './answerQuality.js';
import { agentLatency } from './agentLatency.js';
import { insightsLoad } from './insightsLoad.js';
import { csvImportThroughput, importThroughput } from './importThroughput.js';
import { datasetQuality } from './datasetQuality.js';
import { embeddingThroughput } from './embeddingThroughput.js';
import { indexTiming } from './indexTiming.js';
import { lexicalCost } from './lexicalCost.js';
import { almanacRow, peers } from './peers.js';
import { queryLatency } from './queryLatency.js';
import { helpCentreBench } from './helpCentres.js';
import { replayThroughput } from './replayThroughput.js';
import { benchParts, peersTable, readmeBlock, replaceBlock, type BenchPart, type BenchResults } from './readmeBlock.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const datasetsDir = path.join(repoRoot, '../shared/datasets');
// --only=readme measures nothing and only rebuilds the block in docs/benchmark.md from bench/results.json.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const unknown = only?.filter((p) => p !== 'readme' && !benchParts.includes(p as BenchPart));
if (unknown?.length)
  throw new Error(`Unknown bench part ${unknown.join(', ')}: use ${[...benchParts, 'readme'].join(', ')}.`);
const wants = (part: BenchPart) => !only || only.includes(part);
const out = path.join(repoRoot, 'bench/results.json');
// A partial run replaces its own parts and keeps the others from the last run; a full run starts afresh.
const previous: BenchResults = only
  ? (JSON.parse(await readFile(out, 'utf8').catch(() => '{"runs":{}}')) as BenchResults)
  : { runs: {} };
const results: BenchResults = {
  runs: previous.runs ?? {},
  embeddingThroughput: previous.embeddingThroughput,
  indexTiming: previous.indexTiming,
  queryEmbedding: previous.queryEmbedding,
  queryLatency: previous.queryLatency,
  datasetQuality: previous.datasetQuality,
  analyzers: previous.analyzers,
  lexicalCost: previous.lexicalCost,
  importThroughput: previous.importThroughput,
  peers: previous.peers,
  answer: previous.answer,
  agent: previous.agent,
  insights: previous.insights,
  helpCentres: previous.helpCentres,
  replay: previous.replay,
};
const measured = (part: BenchPart) => {
  results.runs[part] = { date: new Date().toISOString(), cpus: os.cpus().length, node: process.version };
};
const log = (line: string) => process.stdout.write(`${line}\n`);

const minilmDir = path.join(repoRoot, 'node_modules/.cache/almanac-models/minilm-l6-random');
const needsModel = wants('throughput') || wants('index') || wants('latency');
if (needsModel) {
  log(`Generating (or reusing) the MiniLM-L6-shaped random model in ${minilmDir} …`);
  await makeEncoderModel(minilmDir, shapes.minilm);
}

if (wants('throughput')) {
  const t = await embeddingThroughput(minilmDir, repoRoot);
  results.embeddingThroughput = t;
  measured('throughput');
  log(
    `\n## Embedding throughput (MiniLM-L6 shape, random weights, ${t.texts} texts of ${t.tokens.min}-${t.tokens.max} tokens, 2 threads, texts/s, median of 5 interleaved rounds)`,
  );
  log(
    `raw ONNX Runtime   one at a time ${t.raw.single}   naive batches of 16 ${t.raw.naive16}   length-sorted batches of 8 ${t.raw.sorted8}`,
  );
  log(
    `transformers.js    one at a time ${t.pipeline.single}   naive batches of 16 ${t.pipeline.naive16}   length-sorted batches of 8 ${t.pipeline.sorted8}`,
  );
  log(
    `Almanac embedder (worker thread, length-sorted batches) ${t.embedder.sortedBatches}   = ${(t.ratio * 100).toFixed(0)}% of raw ONNX Runtime's best`,
  );
}

let minilm: Embedder | undefined;
const embedder = async () => (minilm ??= await loadEmbedder(minilmDir, { threads: 2 }));

if (wants('index')) {
  const timing = await indexTiming(5000, await embedder());
  results.indexTiming = timing;
  measured('index');
  log(`\n## Indexing a ${timing.articles}-article workspace (${timing.chunks} chunks, ${timing.model})`);
  log(
    `lexically searchable after ${(timing.lexicalSearchableMs / 1000).toFixed(1)} s; fully embedded after ${((timing.fullyEmbeddedMs ?? 0) / 1000).toFixed(1)} s (${((timing.lexicalSearchableMs / (timing.fullyEmbeddedMs ?? 1)) * 100).toFixed(1)}% of it)`,
  );
  log(
    `re-index after editing one article: ${timing.reindexOneMs.toFixed(0)} ms lexical, ${(timing.reindexOneEmbedMs ?? 0).toFixed(0)} ms with its vectors (${(((timing.reindexOneEmbedMs ?? 0) / (timing.fullyEmbeddedMs ?? 1)) * 100).toFixed(2)}% of the full index)`,
  );
}

if (wants('latency')) {
  const e = await embedder();
  const queryTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    await e.embedQuery(`how long does a refund take for order ${i}`);
    queryTimes.push(performance.now() - start);
  }
  queryTimes.sort((a, b) => a - b);
  results.queryEmbedding = { p50: queryTimes[15]!, p95: queryTimes[28]! };
  log(
    `\n## Query embedding latency (worker round trip): p50 ${queryTimes[15]!.toFixed(1)} ms, p95 ${queryTimes[28]!.toFixed(1)} ms`,
  );
  const small = await queryLatency(10_000, e, { ann: false, rounds: 3 });
  const large = await queryLatency(100_000, e, { ann: true, rounds: 3 });
  results.queryLatency = [small, large];
  measured('latency');
  log(`## Hybrid query latency, query embedding included (ms)`);
  for (const q of [small, large]) {
    log(
      `${q.chunks} chunks: flat p50 ${q.flat.p50} p95 ${q.flat.p95}` +
        (q.ann
          ? `; ANN (HNSW-SQ) p50 ${q.ann.p50} p95 ${q.ann.p95}, built in ${(q.ann.buildMs / 1000).toFixed(0)} s, recall@10 vs flat ${q.ann.recallAt10}`
          : '') +
        `; RSS ${q.rssMb} MB`,
    );
  }
}

if (wants('quality')) {
  const realDir = process.env.ALMANAC_MODEL_DIR;
  const real = realDir && findModel(realDir) ? await loadEmbedder(realDir, { threads: 2 }) : undefined;
  const modes = [
    { mode: 'lexical' as const, model: null },
    ...(real
      ? (['vector', 'hybrid'] as const).map((mode) => ({
          mode,
          model: real.modelId,
          vectorSearchFor: async (
            index: Parameters<typeof vectorSearchFor>[0],
            store: { ws: { localDir: string } },
          ) => {
            const vectors = await VectorStore.open(indexDir(store as never), real.modelId, real.dimension);
            await vectors.sync(await index.rowsForVectors(), real);
            return vectorSearchFor(index, vectors, (q) => real.embedQuery(q));
          },
        }))
      : []),
  ];
  const quality = await datasetQuality(datasetsDir, modes);
  results.datasetQuality = quality;
  measured('quality');
  log(`\n## Retrieval quality on ../shared/datasets (nDCG@10 / recall@10)`);
  if (!real)
    log(
      'Vector and hybrid figures need a real model: set ALMANAC_MODEL_DIR (none can be downloaded here). Lexical only:',
    );
  for (const q of quality) {
    const sets = Object.entries(q.report.byCategory).map(
      ([c, m]) =>
        `${c === 'all' ? '' : `${c} `}${m.ndcg10.toFixed(3)} / ${m.recall.toFixed(3)}${m.candidateP1 !== undefined ? ` (P@1 within candidates ${m.candidateP1.toFixed(3)})` : ''}`,
    );
    log(`${q.dataset.padEnd(18)} ${q.mode.padEnd(8)} ${q.model ?? ''} ${sets.join('; ')}`);
  }
  await real?.close();
}

if (wants('analyzers')) {
  const rows = await analyzers(datasetsDir);
  results.analyzers = rows;
  measured('analyzers');
  log(`\n## Lexical nDCG@10 / recall@10 per English analyser (stemming × stop words) and title weight`);
  for (const a of rows) {
    const cells = Object.entries(a.scores).map(([d, m]) => `${d} ${m.ndcg10.toFixed(3)} / ${m.recall.toFixed(3)}`);
    log(
      `stem ${a.stem ? 'on ' : 'off'}  stop words ${a.removeStopWords ? 'removed' : 'kept   '}  title ${a.titleBoost.toFixed(2)}${a.shipped ? ' (shipped)' : '          '}  ${cells.join('   ')}`,
    );
  }
}

if (wants('lexical')) {
  const cost = await lexicalCost(datasetsDir, 10_000);
  results.lexicalCost = cost;
  measured('lexical');
  log(`\n## Lexical cost over ${cost.chunks} chunks of the shared datasets (${cost.queries} queries)`);
  for (const r of cost.rows)
    log(
      `${r.configuration}: build ${r.buildMs} ms, index ${(r.indexBytes / 1e6).toFixed(2)} MB, query p50 ${r.query.p50} ms, p95 ${r.query.p95} ms`,
    );
}

if (wants('peers')) {
  log(`\n## MiniSearch and Orama on ../shared/datasets (nDCG@10 / recall@10)`);
  const rows = await peers(datasetsDir, log);
  // Almanac's row comes from this run's quality part when it ran, else from the last one on record.
  rows.push(almanacRow(results.datasetQuality, wants('quality') ? undefined : results.runs.quality?.date));
  results.peers = rows;
  measured('peers');
  log('');
  for (const line of peersTable(rows)) log(line);
} else if (wants('quality') && results.peers) {
  // Keep the side-by-side table's Almanac row in step with the quality figures just measured.
  results.peers = [
    ...results.peers.filter((r) => !r.almanac),
    almanacRow(results.datasetQuality, results.runs.quality?.date),
  ];
}

if (wants('import')) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'almanac-bench-import-'));
  try {
    const m = await importThroughput(scratch, 5000, 3);
    log(`\n## Import of a generated ${m.files}-file static site (median of ${m.runs})`);
    log(
      `first import ${m.filesPerSecond} files/s; re-import with nothing changed ${m.unchangedFilesPerSecond} files/s`,
    );
    const c = await csvImportThroughput(scratch, 1_000_000);
    m.csv = c;
    results.importThroughput = m;
    measured('import');
    log(
      `\n## Import of a generated ${c.rows.toLocaleString('en')}-row CSV FAQ (${c.megabytes} MB, default cap ${c.maxRows.toLocaleString('en')} rows per file, own process)`,
    );
    log(
      `${c.created.toLocaleString('en')} articles written and ${(c.rows - c.created).toLocaleString('en')} rows counted in ${c.seconds} s: ${c.rowsPerSecond.toLocaleString('en')} rows/s, ${c.articlesPerSecond.toLocaleString('en')} articles/s until the cap; peak RSS ${c.peakRssMb} MB`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (wants('answer')) {
  const a = await answerBench(repoRoot, datasetsDir);
  results.answer = a;
  measured('answer');
  const row = (name: string, m: (typeof a.sets)[number]['overall']) =>
    `${name.padEnd(8)} sensitive recall ${m.sensitiveRecall.toFixed(3)} precision ${m.sensitivePrecision.toFixed(3)} (topic right ${m.topicAccuracy.toFixed(3)}, indirect recall ${m.indirectRecall.toFixed(3)}); answerable answered ${m.answeredRate.toFixed(3)}, first citation relevant ${m.firstCitationRelevant.toFixed(3)}; uncovered handed off ${m.uncoveredHandedOff.toFixed(3)}; any hand-off recall ${m.handoffRecall.toFixed(3)} precision ${m.handoffPrecision.toFixed(3)}; sensitive answered ${m.sensitiveAnswered.toFixed(3)}`;
  for (const set of a.sets) {
    log(
      `\n## Answer engine on ${set.set}${set.heldOut ? ' (held out)' : ''} (${set.overall.questions} questions, extractive, lexical retrieval)`,
    );
    log(row('all', set.overall));
    for (const [lang, m] of Object.entries(set.byLanguage)) log(row(lang, m));
    // A held-out set's misses are not shown: whoever reads them would tune on them. Only their count.
    if (set.heldOut) log(`  ${set.missCount} misses (not listed: the set is held out)`);
    else for (const m of set.misses) log(`  miss ${m.id}: ${m.question} | expected ${m.expected} | got ${m.got}`);
  }
  for (const l of a.latency)
    log(
      `answer latency, ${l.workspace} (${l.chunks} chunks, ${l.questions} questions): p50 ${l.p50} ms, p95 ${l.p95} ms`,
    );
  if (a.handoffDecision)
    log(`hand-off decision alone, sample: p50 ${a.handoffDecision.p50} ms, p95 ${a.handoffDecision.p95} ms`);
}

if (wants('agent')) {
  const a = await agentLatency(repoRoot);
  results.agent = a;
  measured('agent');
  log(
    `\n## Live agent over HTTP on loopback (${a.concurrency} concurrent clients, ${a.requests} answers): p50 ${a.p50} ms, p95 ${a.p95} ms, ${a.requestsPerSecond} answers/s, ${a.failed} failed`,
  );
}

if (wants('insights')) {
  const i = await insightsLoad();
  results.insights = i;
  measured('insights');
  log(
    `\n## Insights over ${i.conversations} conversations: agent JSONL log (${i.megabytes.agentLog} MB) ${i.agentLogMs} ms, CSV export (${i.megabytes.csv} MB) ${i.csvMs} ms (median of 3)`,
  );
}

if (wants('replay')) {
  const r = await replayThroughput(repoRoot);
  results.replay = r;
  measured('replay');
  log(
    `\n## Replay: ${r.questions} logged questions against two versions of the sample's knowledge in ${r.seconds} s (${r.answersPerSecond} answers/s, ${r.changes} changes)`,
  );
}

if (wants('helpcentres') && (only || process.env.ALMANAC_HELPCENTRES)) {
  // ALMANAC_HELPCENTRES_KEEP=<folder> keeps the imported workspaces between runs (a development loop).
  const h = await helpCentreBench(repoRoot, process.env.ALMANAC_HELPCENTRES, {
    keepIn: process.env.ALMANAC_HELPCENTRES_KEEP,
  });
  results.helpCentres = h;
  measured('helpcentres');
  log(`\n## Real help centres (hit@1 / hit@3 / MRR, first citation, fact stated; best peer)`);
  for (const s of h.sites)
    log(
      `${s.site.padEnd(18)}${s.heldOut ? ' (held out)' : ''} ${s.almanac.hit1} / ${s.almanac.hit3} / ${s.almanac.mrr}   cite ${s.almanac.firstCitation}   fact ${s.almanac.factStated}   unanswerable ${s.almanac.unanswerableHandled}   peer ${JSON.stringify(s.peers)}`,
    );
  if (h.heldOut) log(`held-out sites ${JSON.stringify(h.heldOut)}`);
  log(`calibration ${JSON.stringify(h.calibration)}`);
} else if (wants('helpcentres'))
  log('\n(Help centres skipped: set ALMANAC_HELPCENTRES to the folder of their checkouts.)');

await minilm?.close();
if (!only?.every((p) => p === 'readme')) {
  // Written as Prettier formats JSON, so the format check of `npm test` passes on a fresh run.
  await writeFile(
    out,
    await format(JSON.stringify(results, null, 2), { ...(await resolveConfig(out)), parser: 'json' }),
  );
  log(`\nWrote ${out}`);
}
const readmePath = path.join(repoRoot, 'docs/benchmark.md');
await writeFile(readmePath, replaceBlock(await readFile(readmePath, 'utf8'), readmeBlock(results)));
log(`Rebuilt the benchmark block of ${readmePath} from ${out}`);
