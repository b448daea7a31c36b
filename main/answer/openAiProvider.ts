import { createParser } from 'eventsource-parser';
import { AlmanacError } from '../AlmanacError.js';
import type { CompletionProvider, CompletionReply, CompletionRequest, OpenAiSettings } from './answerProvider.js';

interface ChatChunk {
  model?: unknown;
  choices?: { delta?: { content?: unknown }; message?: { content?: unknown } }[];
  error?: unknown;
}

/** Answers through an OpenAI-compatible chat completions server, streaming; every failure is PROVIDER_FAILED. */
export function openAiProvider(settings: OpenAiSettings): CompletionProvider {
  const baseUrl = settings.baseUrl.trim().replace(/\/+$/, '');
  return {
    id: 'openai',
    describe: () => `openai ${settings.model} at ${baseUrl}`,
    complete: (request) => complete({ ...settings, baseUrl }, request),
  };
}

async function complete(settings: OpenAiSettings, request: CompletionRequest): Promise<CompletionReply> {
  const { baseUrl, model } = settings;
  const apiKey = settings.apiKey?.trim();
  const where = `the answer provider at ${baseUrl}`;
  const failure = (message: string) =>
    new AlmanacError('PROVIDER_FAILED', apiKey ? message.split(apiKey).join('[API key]') : message);
  const cancelled = () => failure(`The request to ${where} was cancelled.`);
  if (request.signal?.aborted) throw cancelled();

  const controller = new AbortController();
  let reason: AlmanacError | undefined;
  const stop = (error: AlmanacError) => {
    reason ??= error;
    controller.abort(reason);
  };
  const idleTimeoutMs = settings.idleTimeoutMs ?? 30_000;
  const timeoutMs = settings.timeoutMs ?? 120_000;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () =>
        stop(
          failure(
            `The answer provider at ${baseUrl} sent nothing for ${seconds(idleTimeoutMs)} s. ` +
              'Check that the server is running and the model is loaded, or raise the idle timeout.',
          ),
        ),
      idleTimeoutMs,
    );
  };
  const total = setTimeout(
    () =>
      stop(
        failure(
          `The answer provider at ${baseUrl} did not finish within ${seconds(timeoutMs)} s. ` +
            'Try a smaller model or a shorter question, or raise the timeout.',
        ),
      ),
    timeoutMs,
  );
  const onAbort = () => stop(cancelled());
  request.signal?.addEventListener('abort', onAbort, { once: true });
  touch();

  const attempt = async <T>(work: Promise<T>, explain: (cause: string) => string): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      throw reason ?? failure(explain(describeCause(error)));
    }
  };
  const broken = (cause: string) => `The connection to ${where} broke while answering: ${cause}. Try again.`;

  try {
    const response = await attempt(
      fetch(`${baseUrl}/chat/completions`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'text/event-stream, application/json',
          ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify({
          model,
          messages: request.messages,
          stream: true,
          temperature: settings.temperature ?? 0.2,
          ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
        }),
        signal: controller.signal,
      }),
      (cause) => `Could not reach ${where}: ${cause}. Check the base URL and that the server is running.`,
    );
    touch();

    if (!response.ok) {
      const body = await attempt(response.text(), broken);
      throw failure(httpFailure(response.status, serverMessage(body), settings));
    }

    if (response.headers.get('content-type')?.includes('application/json')) {
      const body = await attempt(response.text(), broken);
      const reply = parseChunk(body);
      if (!reply) throw failure(`The answer provider at ${baseUrl} sent a reply that is not JSON. Check the base URL.`);
      if (reply.error !== undefined) throw failure(streamFailure(baseUrl, reply.error));
      const text = reply.choices?.[0]?.message?.content;
      if (typeof text !== 'string') {
        throw failure(`The answer provider at ${baseUrl} sent a reply without an answer. Check the base URL.`);
      }
      if (text) request.onDelta?.(text);
      return { text, model: typeof reply.model === 'string' && reply.model ? reply.model : model };
    }

    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let answeredBy: string | undefined;
    let events = 0;
    let done = false;
    let problem: AlmanacError | undefined;
    const parser = createParser({
      onEvent: (event) => {
        if (done || problem) return;
        events += 1;
        if (event.data.trim() === '[DONE]') {
          done = true;
          return;
        }
        const chunk = parseChunk(event.data);
        if (event.event === 'error' || chunk?.error !== undefined) {
          problem = failure(streamFailure(baseUrl, chunk?.error ?? event.data));
          return;
        }
        if (!chunk) {
          problem = failure(`The answer provider at ${baseUrl} sent data that is not JSON. Check the base URL.`);
          return;
        }
        if (typeof chunk.model === 'string' && chunk.model) answeredBy ??= chunk.model;
        const piece = chunk.choices?.[0]?.delta?.content;
        if (typeof piece === 'string' && piece) {
          text += piece;
          request.onDelta?.(piece);
        }
      },
    });

    while (reader && !done && !problem) {
      const { value, done: ended } = await attempt(reader.read(), broken);
      if (ended) {
        parser.feed(decoder.decode());
        parser.reset({ consume: true });
        break;
      }
      touch();
      parser.feed(decoder.decode(value, { stream: true }));
    }
    if (problem) throw problem;
    if (events === 0) {
      throw failure(`The answer provider at ${baseUrl} closed the stream without an answer. Check the server's log.`);
    }
    return { text, model: answeredBy ?? model };
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    request.signal?.removeEventListener('abort', onAbort);
    if (!controller.signal.aborted) controller.abort();
  }
}

function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(1));
}

function parseChunk(data: string): ChatChunk | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === 'object' ? (value as ChatChunk) : undefined;
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string | undefined {
  if (typeof error === 'string') return error.trim() || undefined;
  if (error && typeof error === 'object') {
    const { message, detail } = error as { message?: unknown; detail?: unknown };
    if (typeof message === 'string' && message.trim()) return message.trim();
    if (typeof detail === 'string' && detail.trim()) return detail.trim();
  }
  return undefined;
}

function serverMessage(body: string): string | undefined {
  const parsed = parseChunk(body);
  const message = parsed ? (errorText(parsed.error) ?? errorText(parsed)) : body.trim();
  return message ? message.slice(0, 300).replace(/\.$/, '') : undefined;
}

function httpFailure(status: number, message: string | undefined, settings: OpenAiSettings): string {
  const said = message ? `: ${message}` : '';
  const hint =
    status === 401 || status === 403
      ? 'Check the API key in the answer settings.'
      : status === 404
        ? `Check the model name (${settings.model}) and that the base URL ends in /v1.`
        : status === 429
          ? 'The server is busy or over its quota; wait and try again.'
          : status >= 500
            ? 'The server failed; check its log and try again.'
            : 'Check the answer provider settings.';
  return `The answer provider at ${settings.baseUrl} answered ${status}${said}. ${hint}`;
}

function streamFailure(baseUrl: string, error: unknown): string {
  const message = (errorText(error) ?? 'no details').replace(/\.$/, '');
  return `The answer provider at ${baseUrl} reported an error while answering: ${message}. Check the server's log and the model name.`;
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  const { code } = cause as { code?: unknown };
  return cause.message || (typeof code === 'string' ? code : cause.name);
}
