import { openStoredSnapshot } from '../publish/index.js';
import { readFeedback } from '../answer/index.js';
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
  runGoldenSet,
  saveRun,
} from '../evaluation/index.js';
import { currentMemberId } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import type { RouteName } from './contract.js';
import type { Handlers } from './handlers.js';

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
    'evals.run': async ({ name, against, k }) => {
      const set = await readGoldenSet(ws, name);
      if (against !== 'drafts' && against !== 'approved') {
        const model = await semantic?.().catch(() => undefined);
        const snapshot = await openStoredSnapshot(store, against, undefined, model?.embedder);
        try {
          const versions = Object.fromEntries(snapshot.manifest.articles.map((a) => [a.id, a.version]));
          const run = await runGoldenSet(snapshot.knowledge, set, {
            k,
            against: `snapshot ${against}`,
            versions,
          });
          await saveRun(ws, run);
          return run;
        } finally {
          snapshot.close();
        }
      }
      const summaries = await store.list();
      const versions = Object.fromEntries(
        summaries
          .map((a) => [a.id, against === 'approved' ? (a.review?.approved?.version ?? '') : a.version] as const)
          .filter(([, v]) => v),
      );
      const run = await runGoldenSet(await views.knowledge(against), set, { k, against, versions });
      await saveRun(ws, run);
      return run;
    },
    'evals.fromFeedback': async ({ name }) => {
      const feedback = (await readFeedback(ws)).reverse();
      let added = 0;
      const set = await changeGoldenSet(
        ws,
        name,
        (current) => {
          const known = new Set(current.questions.map((q) => q.question.trim().toLowerCase()));
          const questions = [...current.questions];
          for (const f of feedback) {
            const key = f.question.trim().toLowerCase();
            if (f.helpful || known.has(key) || (!f.expectedArticleId && !f.handoffTopic)) continue;
            known.add(key);
            questions.push({
              id: nextQuestionId(questions),
              question: f.question,
              expected: f.expectedArticleId ? [f.expectedArticleId] : [],
              handoff: !f.expectedArticleId,
              facts: [],
            });
            added++;
          }
          return added ? questions : null;
        },
        { author: await currentMemberId(ws), message: `Golden set ${name}: questions from answer feedback` },
      );
      return { added, set };
    },
    'evals.runs': ({ name }) => listRuns(ws, name),
    'evals.runDetail': ({ name, id }) => readRun(ws, name, id),
    'evals.compare': async ({ name, before, after }) =>
      compareRuns(await readRun(ws, name, before), await readRun(ws, name, after)),
  };
}
