import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluateQueries, readBeirFiles, type MetricSet } from '../main/evaluation/index.js';
import { datasetScopes, datasets, scopedMetrics, type DatasetQuality } from './datasetQuality.js';
import { miniSearchPeer } from './peers/miniSearchPeer.js';
import { oramaPeer } from './peers/oramaPeer.js';
import { round } from './stats.js';

export interface PeerDoc {
  id: string;
  title: string;
  text: string;
}
export type PeerLanguage = 'en' | 'zh';
/** Ids of the top `k` docs for a query, best first. */
export type PeerRanker = (query: string, k: number) => string[] | Promise<string[]>;

export interface PeerScore {
  queries: number;
  ndcg10: number;
  recall: number;
}

export interface PeerRow {
  configuration: string;
  /** Set on Almanac's own row. */
  almanac?: true;
  /** Dataset -> nDCG@10 and recall@10; null where the configuration does not apply (English-only analysis on Chinese). */
  scores: Record<string, PeerScore | null>;
}

interface PeerConfig {
  configuration: string;
  englishOnly: boolean;
  build: (docs: PeerDoc[], language: PeerLanguage) => PeerRanker | Promise<PeerRanker>;
}

async function version(pkg: string): Promise<string> {
  const manifest = new URL(`../node_modules/${pkg}/package.json`, import.meta.url);
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  return version.split('.').slice(0, 2).join('.');
}

async function configs(): Promise<PeerConfig[]> {
  const mini = `MiniSearch ${await version('minisearch')}`;
  const orama = `Orama ${await version('@orama/orama')}`;
  return [
    {
      configuration: `${mini} defaults (fields title, text; prefix and fuzzy off)`,
      englishOnly: false,
      build: (docs, language) => miniSearchPeer(docs, language, { stemAndStopWords: false }),
    },
    {
      configuration: `${mini} + Porter stemmer + stop words`,
      englishOnly: true,
      build: (docs, language) => miniSearchPeer(docs, language, { stemAndStopWords: true }),
    },
    {
      configuration: `${orama} defaults, prefix matching off`,
      englishOnly: false,
      build: (docs, language) => oramaPeer(docs, language, { prefix: false, stemAndStopWords: false }),
    },
    {
      configuration: `${orama} + stemming + stop words, prefix off`,
      englishOnly: true,
      build: (docs, language) => oramaPeer(docs, language, { prefix: false, stemAndStopWords: true }),
    },
    {
      configuration: `${orama} as shipped (prefix matching on)`,
      englishOnly: false,
      build: (docs, language) => oramaPeer(docs, language, { prefix: true, stemAndStopWords: false }),
    },
  ];
}

async function readCorpus(file: string): Promise<PeerDoc[]> {
  const docs: PeerDoc[] = [];
  (await readFile(file, 'utf8')).split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const d = JSON.parse(line) as Partial<PeerDoc>;
    if (typeof d.id !== 'string' || typeof d.title !== 'string' || typeof d.text !== 'string')
      throw new Error(`${file}:${i + 1} needs string "id", "title" and "text".`);
    docs.push({ id: d.id, title: d.title, text: d.text });
  });
  if (docs.length === 0) throw new Error(`${file} holds no documents.`);
  return docs;
}

/** nDCG@10 / recall@10 of MiniSearch and Orama configurations on each dataset, whole-corpus ranking; throws when a dataset or a peer cannot run. */
export async function peers(datasetsDir: string, log: (line: string) => void): Promise<PeerRow[]> {
  const all = await configs();
  const rows: PeerRow[] = all.map((c) => ({ configuration: c.configuration, scores: {} }));
  for (const dataset of datasets) {
    const dir = path.join(datasetsDir, dataset);
    const files = ['corpus.jsonl', 'queries.jsonl', 'qrels.tsv'].map((f) => path.join(dir, f));
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) throw new Error(`Dataset ${dataset} is incomplete: ${missing.join(', ')} not found.`);
    const { language, category } = datasetScopes[dataset];
    const docs = await readCorpus(files[0]!);
    const { queries, qrels } = await readBeirFiles(files[1]!, files[2]!);
    // Whole-corpus ranking only: without candidates, evaluateQueries never asks for a restricted ranking.
    const scoped = queries
      .filter((q) => !category || q.category === category)
      .map((q) => ({ ...q, candidates: undefined }));
    if (!scoped.some((q) => qrels.has(q.id)))
      throw new Error(`${dataset} has no judged${category ? ` ${category}` : ''} queries in ${files[1]}.`);
    for (const [i, config] of all.entries()) {
      if (config.englishOnly && language !== 'en') {
        rows[i]!.scores[dataset] = null;
        continue;
      }
      try {
        const rank = await config.build(docs, language);
        const report = await evaluateQueries(scoped, qrels, async (q, k) => rank(q.text, k), { k: 10, mode: 'peer' });
        rows[i]!.scores[dataset] = score(report.overall);
        log(`${dataset.padEnd(18)} ${config.configuration}: ${pairOf(report.overall)}`);
      } catch (err) {
        throw new Error(`${config.configuration} failed on ${dataset}: ${(err as Error).message}`, { cause: err });
      }
    }
  }
  return rows;
}

const score = (m: MetricSet): PeerScore => ({ queries: m.queries, ndcg10: round(m.ndcg10), recall: round(m.recall) });
const pairOf = (m: { ndcg10: number; recall: number }) => `${m.ndcg10.toFixed(3)} / ${m.recall.toFixed(3)}`;

/** Almanac's lexical row from the `quality` part, scoped as the peers are; `measuredOn` labels figures from an earlier run. Throws when a dataset is missing. */
export function almanacRow(quality: DatasetQuality[] | undefined, measuredOn?: string): PeerRow {
  const scores: PeerRow['scores'] = {};
  for (const dataset of datasets) {
    const report = quality?.find((q) => q.dataset === dataset && q.mode === 'lexical')?.report;
    const m = report && scopedMetrics(report, dataset);
    if (!m)
      throw new Error(`No lexical Almanac figures for ${dataset}: run \`npm run bench -- --only=quality,peers\`.`);
    scores[dataset] = score(m);
  }
  const from = measuredOn ? `, from the quality run of ${measuredOn.slice(0, 10)}` : '';
  return { configuration: `Almanac, lexical (one configuration${from})`, almanac: true, scores };
}
