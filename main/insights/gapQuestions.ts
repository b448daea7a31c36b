import type { Conversation } from './conversationLogs.js';
import type { GapQuestion } from './clusterQuestions.js';

/**
 * The questions that show where the knowledge falls short: handed off (except for sensitive topics,
 * which are meant for people), answered with low confidence, or marked not resolved.
 */
export function gapQuestions(
  conversations: Conversation[],
  options: { minConfidence?: number; sensitiveTopics?: string[] } = {},
): GapQuestion[] {
  const sensitive = new Set(options.sensitiveTopics ?? []);
  const floor = options.minConfidence ?? 0.35;
  const out: GapQuestion[] = [];
  for (const c of conversations) {
    const reason: GapQuestion['reason'] | undefined =
      c.handedOff && c.topic && !sensitive.has(c.topic)
        ? 'handoff'
        : !c.handedOff && c.confidence !== null && c.confidence < floor
          ? 'low-confidence'
          : c.resolved === false
            ? 'unresolved'
            : undefined;
    if (reason) out.push({ question: c.question, reason, time: c.time, articleIds: c.articleIds });
  }
  return out;
}
