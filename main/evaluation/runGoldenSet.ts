import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { answerQuestion, type Knowledge } from '../answer/index.js';
import { rankArticles } from '../retrieval/index.js';
import type { Workspace } from '../workspace/index.js';
import { atomicWrite } from '../workspace/index.js';
import type { GoldenSet } from './goldenSet.js';
import { goldenMetrics, type GoldenMetrics, type QuestionOutcome } from './goldenMetrics.js';

/** One run of a golden set against one knowledge view, kept for comparison with later runs. */
export interface GoldenRun {
  id: string;
  set: string;
  time: string;
  /** drafts, approved, or a snapshot id. */
  against: string;
  k: number;
  metrics: GoldenMetrics;
  outcomes: QuestionOutcome[];
  /** The version of each article the run could cite: what changed between two runs. */
  versions: Record<string, string>;
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s,，]/g, '');

/**
 * Ask every question of a golden set as a customer would, against one knowledge view: what
 * retrieval ranked, what the agent answered or whether it handed off, grounding and facts.
 */
export async function runGoldenSet(
  knowledge: Knowledge,
  set: GoldenSet,
  options: { k?: number; against?: string; versions?: Record<string, string> } = {},
): Promise<GoldenRun> {
  const k = options.k ?? 5;
  const outcomes: QuestionOutcome[] = [];
  for (const q of set.questions) {
    const [ranked, result] = await Promise.all([
      rankArticles(knowledge.index, q.question, 10, {
        mode: knowledge.vectorSearch ? 'hybrid' : 'lexical',
        filter: knowledge.filter,
        vectorSearch: knowledge.vectorSearch,
      }),
      answerQuestion(knowledge, q.question),
    ]);
    const said = normalise(result.answer);
    outcomes.push({
      id: q.id,
      question: q.question,
      expected: q.expected,
      expectedHandoff: q.handoff,
      ranked,
      handoff: result.handoff?.topic ?? null,
      handoffReason: result.handoff?.reason,
      answer: result.answer,
      cited: [...new Set(result.citations.map((c) => c.articleId))],
      grounded: !result.handoff && result.sentences.every((s) => s.supported),
      factsFound: q.facts.filter((f) => said.includes(normalise(f))),
      factsMissing: q.facts.filter((f) => !said.includes(normalise(f))),
      confidence: result.confidence,
    });
  }
  return {
    id: `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`,
    set: set.name,
    time: new Date().toISOString(),
    against: options.against ?? knowledge.against,
    k,
    metrics: goldenMetrics(outcomes, k),
    outcomes,
    versions: options.versions ?? {},
  };
}

const runsDir = (ws: Workspace, set: string) => path.join(ws.localDir, 'eval-runs', set);

/** Keep a run in the workspace's local run history. */
export async function saveRun(ws: Workspace, run: GoldenRun): Promise<void> {
  await mkdir(runsDir(ws, run.set), { recursive: true });
  await atomicWrite(path.join(runsDir(ws, run.set), `${run.id}.json`), JSON.stringify(run));
}

/** The runs of a set, newest first (summaries: no outcomes). */
export async function listRuns(ws: Workspace, set: string): Promise<Omit<GoldenRun, 'outcomes' | 'versions'>[]> {
  const names = await readdir(runsDir(ws, set)).catch(() => [] as string[]);
  const out = [];
  for (const n of names.filter((x) => x.endsWith('.json'))) {
    let run: GoldenRun;
    try {
      run = JSON.parse(await readFile(path.join(runsDir(ws, set), n), 'utf8')) as GoldenRun;
      if (typeof run.time !== 'string') continue;
    } catch {
      continue; // A damaged run file stays on disk; it is not history anyone can compare with.
    }
    const { outcomes: _o, versions: _v, ...summary } = run;
    out.push(summary);
  }
  return out.sort((a, b) => b.time.localeCompare(a.time));
}

export async function readRun(ws: Workspace, set: string, id: string): Promise<GoldenRun> {
  if (!/^[\w-]+$/.test(id)) throw new AlmanacError('VALIDATION_FAILED', `"${id}" is not a run id.`);
  try {
    return JSON.parse(await readFile(path.join(runsDir(ws, set), `${id}.json`), 'utf8')) as GoldenRun;
  } catch {
    throw new AlmanacError('NOT_FOUND', `Golden set ${set} has no run ${id}.`);
  }
}
