import { z } from 'zod';

/** What a reader says about one previewed answer. */
export const feedbackInputSchema = z.object({
  question: z.string().trim().min(1).max(4000),
  answer: z.string().max(20_000),
  against: z.enum(['drafts', 'approved', 'snapshot']),
  helpful: z.boolean(),
  comment: z.string().trim().max(4000).optional(),
  /** The article that should have answered, when the reader knows it. */
  expectedArticleId: z.string().max(200).optional(),
  citedArticleIds: z.array(z.string().max(200)).max(20).default([]),
  confidence: z.number().min(0).max(1).optional(),
  handoffTopic: z.string().max(100).optional(),
  /** The reader says a person should have taken this question: the profile's hand-off topic. */
  shouldHandoffTo: z.string().max(100).optional(),
});

export type FeedbackInput = z.input<typeof feedbackInputSchema>;
