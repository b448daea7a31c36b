import { questionsFromFeedback, runGoldenSetAgainst } from '../usecases/index.js';
import type { ArticleStore } from '../articles/index.js';
import type { KnowledgeViews } from '../answer/index.js';
import type { PassageEmbedder } from '../indexing/index.js';
import {
  compareRuns,
  listGoldenSets,
  listRuns,
  changeGoldenSet,
  nextQuestionId,
  readGoldenSet,
  readRun,
} from '../evaluation/index.js';
import { currentMemberId } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import type { RouteName, Handlers } from './contract.js';

export interface EvalApiContext {
  ws: Workspace;
  store: ArticleStore;
  views: KnowledgeViews;
  /** The embedding model, so a snapshot built with vectors is searched as the agent searches it. */
  semantic?: () => Promise<{ embedder: PassageEmbedder } | undefined>;
}

type EvalRoutes = Extract<RouteName, `evals.${string}`>;

/** Golden sets: list, read, save, add a question, run against drafts or approved, history and comparison. */
export function evalHandlers({ ws, store, views, semantic }: EvalApiContext): Pick<Handlers, EvalRoutes> {
  return {
    'evals.sets': async () => {
      const out = [];
      for (const name of await listGoldenSets(ws)) {
        const set = await readGoldenSet(ws, name);
        const last = (await listRuns(ws, name))[0];
        out.push({ name, questions: set.questions.length, problems: set.problems.length, lastRun: last ?? null });
      }
      return out;
    },
    'evals.get': ({ name }) => readGoldenSet(ws, name),
    'evals.save': async ({ name, questions, base }) =>
      changeGoldenSet(ws, name, () => questions, {
        base,
        author: await currentMemberId(ws),
        message: `Golden set ${name}: ${questions.length} questions`,
      }),
    'evals.add': async ({ name, question }) =>
      changeGoldenSet(
        ws,
        name,
        (set) => [...set.questions, { ...question, id: question.id ?? nextQuestionId(set.questions) }],
        { author: await currentMemberId(ws), message: `Golden set ${name}: add "${question.question.slice(0, 80)}"` },
      ),
    'evals.run': ({ name, against, k }) => runGoldenSetAgainst({ store, views, semantic }, name, against, k),
    'evals.fromFeedback': ({ name }) => questionsFromFeedback(ws, name),
    'evals.runs': ({ name }) => listRuns(ws, name),
    'evals.runDetail': ({ name, id }) => readRun(ws, name, id),
    'evals.compare': async ({ name, before, after }) =>
      compareRuns(await readRun(ws, name, before), await readRun(ws, name, after)),
  };
}
