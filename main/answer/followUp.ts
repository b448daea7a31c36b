import type { Turn } from './buildPrompt.js';
import { contentTerms } from './textTerms.js';

const connective =
  /^(and|but|or|also|what about|how about|what if|if|for|so|then|same|ok(ay)?|那|那么|还有|如果|另外|也|再|要是|假如|对于|至于)\b|呢[？?]?$/i;

/** Whether a turn leans on the one before ("and for Oak Plus members?", "那会员呢？"). */
export function isFollowUp(question: string): boolean {
  const q = question.trim();
  return connective.test(q) || contentTerms(q).length <= 2;
}

/**
 * What to search for: the question itself, or, for a follow-up, the customer's earlier question it
 * leans on together with it (folded over the conversation, so a chain of follow-ups keeps its subject).
 */
export function retrievalQuery(question: string, history: Turn[] = []): { query: string; followUp: boolean } {
  let context: string | undefined;
  for (const turn of history) {
    if (turn.role !== 'customer') continue;
    context = context !== undefined && isFollowUp(turn.text) ? `${context} ${turn.text}` : turn.text;
  }
  if (context === undefined || !isFollowUp(question)) return { query: question, followUp: false };
  return { query: `${context} ${question}`, followUp: true };
}
