import type { ProfileView } from '../usecases/index.js';
import { z } from 'zod';
import { returns } from './routeOutput.js';
import { articleIdSchema } from '../articles/index.js';
import type { AnswerFeedback, AnswerResult, HandoffSuggestion, ProviderSettingsView } from '../answer/index.js';
import { feedbackInputSchema } from '../answer/index.js';

const articleRef = z.object({ id: articleIdSchema });

export type { ProfileView };

const turnSchema = z.object({ role: z.enum(['customer', 'agent']), text: z.string().max(20_000) });

/** The answer preview and the agent profile. */
export const answerRoutes = {
  'answer.ask': {
    input: z.object({
      question: z.string().trim().min(1, 'Ask a question').max(4000),
      history: z.array(turnSchema).max(40).default([]),
      against: z.enum(['drafts', 'approved', 'live']).default('drafts'),
      /** With `against: 'live'`: the saved publish target (agent URL) whose active snapshot answers. */
      target: z.string().max(2000).optional(),
      provider: z.enum(['extractive', 'openai']).default('extractive'),
      /** Names the stream: each piece of the answer arrives as an `answer.delta` event with this id. */
      streamId: z.string().max(100).optional(),
    }),
    output: returns<AnswerResult>(),
  },
  'answer.feedback': { input: feedbackInputSchema, output: returns<AnswerFeedback>() },
  /** Feedback still waiting on one article. */
  'answer.feedbackFor': { input: articleRef, output: returns<AnswerFeedback[]>() },
  'answer.providerSettings': { input: z.object({}), output: returns<ProviderSettingsView>() },
  'answer.setProvider': {
    input: z.object({
      baseUrl: z.string().trim().min(1).max(2000),
      model: z.string().trim().min(1).max(200),
      apiKey: z.string().max(500).optional(),
    }),
    output: returns<ProviderSettingsView>(),
  },
  'profile.get': { input: z.object({}), output: returns<ProfileView>() },
  /** Wordings readers said a person should have taken that the working profile still misses. */
  'profile.suggestions': { input: z.object({}), output: returns<HandoffSuggestion[]>() },
  'profile.save': {
    input: z.object({
      meta: z.record(z.string(), z.unknown()),
      instructions: z.string().max(200_000),
      /** The version the editor loaded: CONFLICT when the file changed since. */
      baseVersion: z.string().optional(),
    }),
    output: returns<ProfileView>(),
  },
} as const;
