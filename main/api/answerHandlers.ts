import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import {
  type AnswerResult,
  answerQuestion,
  type KnowledgeViews,
  openAiProvider,
  openFeedback,
  handoffSuggestions,
  readFeedback,
  readProviderSettings,
  recordFeedback,
  saveProviderSettings,
  viewOf,
} from '../answer/index.js';
import type { IndexService } from '../indexing/index.js';
import { agentCall } from '../publish/index.js';
import { targetFor } from './publishHandlers.js';
import type { ReviewBook } from '../review/index.js';
import { currentMemberId } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import { readProfile, saveProfile } from '../usecases/index.js';
import type { AlmanacEvent, RouteName, Handlers } from './contract.js';

export interface AnswerApiContext {
  ws: Workspace;
  store: ArticleStore;
  book: ReviewBook;
  indexer: IndexService;
  /** The drafts and approved-only knowledge the preview answers from. */
  views: KnowledgeViews;
  /** This user's settings folder (the answer provider and its key live there). */
  configDir?: string;
  emit?: (event: AlmanacEvent) => void;
}

type AnswerRoutes = Extract<RouteName, `answer.${string}` | `profile.${string}`>;

function noConfigDir(): never {
  throw new AlmanacError(
    'VALIDATION_FAILED',
    'This studio has no settings folder; start it with ALMANAC_CONFIG_DIR set.',
  );
}

/** Answer preview, feedback, provider settings and the agent profile. */
export function answerHandlers(context: AnswerApiContext): Pick<Handlers, AnswerRoutes> {
  const { ws, store, views, configDir, emit } = context;
  return {
    'answer.ask': async ({ question, history, against, target, provider, streamId }) => {
      if (against === 'live') {
        if (!target) throw new AlmanacError('VALIDATION_FAILED', 'Choose the live agent to ask (a publish target).');
        const result = await agentCall<AnswerResult>(await targetFor(configDir, target), '/v1/answer', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question, history }),
        });
        if (streamId) emit?.({ type: 'answer.delta', streamId, text: result.answer });
        return result;
      }
      const settings = provider === 'openai' ? await readProviderSettings(configDir ?? noConfigDir()) : undefined;
      if (provider === 'openai' && !settings) {
        throw new AlmanacError(
          'VALIDATION_FAILED',
          'No answer provider is set up: give its base URL and model in the preview settings.',
        );
      }
      const knowledge = await views.knowledge(against);
      return answerQuestion(knowledge, question, {
        history,
        provider: settings ? openAiProvider(settings) : undefined,
        onDelta: streamId ? (text) => emit?.({ type: 'answer.delta', streamId, text }) : undefined,
      });
    },
    'answer.feedback': async (input) => {
      const articles = new Map((await store.list()).map((a) => [a.id, a]));
      const entry = await recordFeedback(ws, input, articles, await currentMemberId(ws));
      emit?.({ type: 'review.changed', ids: Object.keys(entry.versions) });
      return entry;
    },
    'answer.feedbackFor': async ({ id }) => {
      const articles = new Map((await store.list()).map((a) => [a.id, a]));
      return openFeedback(await readFeedback(ws), articles).get(id) ?? [];
    },
    'answer.providerSettings': async () => viewOf(configDir ? await readProviderSettings(configDir) : undefined),
    'answer.setProvider': (input) => saveProviderSettings(configDir ?? noConfigDir(), input),
    'profile.get': () => readProfile(ws),
    'profile.suggestions': async () => {
      const { profile } = await readProfile(ws);
      return profile ? handoffSuggestions(profile.meta, await readFeedback(ws)) : [];
    },
    'profile.save': async (input) => {
      const view = await saveProfile(ws, input);
      emit?.({ type: 'review.changed', ids: ['@profile'] });
      return view;
    },
  };
}

/** Open feedback per article id, for the "Needs attention" list. */
export async function feedbackCounts(ws: Workspace, store: ArticleStore): Promise<Map<string, number>> {
  const articles = new Map((await store.list()).map((a) => [a.id, a]));
  return new Map([...openFeedback(await readFeedback(ws), articles)].map(([id, list]) => [id, list.length]));
}
