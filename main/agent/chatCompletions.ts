import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import type { AnswerResult, Turn } from '../answer/index.js';

const messageSchema = z.object({
  role: z.string(),
  content: z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() })), z.null()]),
});
/** The request body of `POST /v1/chat/completions` (the fields Almanac reads; others are ignored). */
export const chatSchema = z.object({
  model: z.string().optional(),
  messages: z.array(messageSchema).min(1).max(100),
  stream: z.boolean().optional(),
  user: z.string().max(200).optional(),
});

const textOf = (content: z.infer<typeof messageSchema>['content']) =>
  typeof content === 'string' ? content : (content ?? []).map((p) => p.text ?? '').join('');

/** Citations the way Azure OpenAI "On Your Data" clients read them from `message.context`. */
function context(result: AnswerResult) {
  return {
    citations: result.citations.map((c) => ({
      content: c.text,
      title: c.title,
      url: null,
      filepath: `articles/${c.articleId}.md`,
      chunk_id: c.chunkId,
    })),
    handoff: result.handoff,
    confidence: result.confidence,
  };
}

/** The customer's question (the last user message) and the conversation before it. */
export function chatTurns(messages: z.infer<typeof chatSchema>['messages']): { question: string; history: Turn[] } {
  const turns = messages.filter((m) => m.role === 'user' || m.role === 'assistant');
  const last = turns.at(-1);
  if (!last || last.role !== 'user')
    throw new AlmanacError('VALIDATION_FAILED', "The last message must be the user's.");
  return {
    question: textOf(last.content),
    history: turns
      .slice(0, -1)
      .map((m) => ({ role: m.role === 'user' ? 'customer' : 'agent', text: textOf(m.content) })),
  };
}

interface Reply {
  id: string;
  model: string;
  result: AnswerResult;
}

const created = () => Math.floor(Date.now() / 1000);

/** A non-streamed chat completion: the answer as the content, citations and hand-off in `message.context`. */
export function completion({ id, model, result }: Reply) {
  return {
    id,
    object: 'chat.completion',
    created: created(),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: result.answer, context: context(result) },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

/** The streamed form: the role and context first, then the answer word by word, then the stop. */
export function completionChunks({ id, model, result }: Reply): object[] {
  const at = created();
  const chunk = (delta: object, finish: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created: at,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return [
    chunk({ role: 'assistant', context: context(result) }),
    ...(result.answer.match(/\S+\s*/g) ?? []).map((piece) => chunk({ content: piece })),
    chunk({}, 'stop'),
  ];
}
