/** One message of a chat completions conversation. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the engine asks a provider for: the built prompt, and where streamed text goes. */
export interface CompletionRequest {
  messages: ChatMessage[];
  /** Called with each piece of text as it arrives (streaming providers), in order. */
  onDelta?: (text: string) => void;
  /** Cancels the request; the provider rejects with PROVIDER_FAILED saying it was cancelled. */
  signal?: AbortSignal;
  maxTokens?: number;
}

export interface CompletionReply {
  text: string;
  /** The model that answered, as the server names it. */
  model: string;
}

/** Settings of an OpenAI-compatible chat completions server (Ollama, vLLM, LM Studio, a hosted API). */
export interface OpenAiSettings {
  /** Base URL up to and including `/v1`, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Longest wait for the whole answer. @default 120000 */
  timeoutMs?: number;
  /** Longest wait between two streamed pieces (and for the first). @default 30000 */
  idleTimeoutMs?: number;
  /** @default 0.2 */
  temperature?: number;
}

/** A language model the engine can hand the built prompt to. */
export interface CompletionProvider {
  id: 'openai';
  describe(): string;
  complete(request: CompletionRequest): Promise<CompletionReply>;
}
