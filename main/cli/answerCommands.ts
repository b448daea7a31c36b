import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import type { AnswerResult, OpenAiSettings, Turn } from '../answer/index.js';
import type { CliConfig } from './CliConfig.js';
import type { openIndexed as OpenIndexed } from './openIndexed.js';
import { emit } from './output.js';

const openIndexed: typeof OpenIndexed = async (...args) => (await import('./openIndexed.js')).openIndexed(...args);

interface AnswerFlags {
  provider: string;
  against: string;
  after: string[];
  baseUrl?: string;
  model?: string;
  modelDir?: string;
  json?: boolean;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new AlmanacError('VALIDATION_FAILED', `${flag} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** The OpenAI-compatible provider from flags, else the settings saved on this machine; the key from the environment. */
async function providerSettings(opts: AnswerFlags, config: CliConfig): Promise<OpenAiSettings> {
  const { readProviderSettings } = await import('../answer/index.js');
  const saved = await readProviderSettings(config.configDir);
  const baseUrl = opts.baseUrl ?? saved?.baseUrl;
  const model = opts.model ?? saved?.model;
  if (!baseUrl || !model) {
    throw new AlmanacError(
      'VALIDATION_FAILED',
      'The openai provider needs --base-url (e.g. http://127.0.0.1:11434/v1) and --model, or settings saved in the studio. The key comes from ALMANAC_OPENAI_API_KEY or OPENAI_API_KEY.',
    );
  }
  return { baseUrl, model, apiKey: config.openAiKey ?? saved?.apiKey };
}

function humanAnswer(r: AnswerResult): string {
  const lines = [r.answer, ''];
  if (r.handoff) lines.push(`Hand-off (${r.handoff.topic}): ${r.handoff.reason}`);
  for (const c of r.citations) lines.push(`[${c.n}] ${c.title} (${c.articleId}, ${c.chunkId})`);
  const unsupported = r.sentences.filter((s) => !s.supported);
  for (const s of unsupported) lines.push(`Not supported by a cited passage: ${s.text}`);
  lines.push(
    `Confidence ${r.confidence.toFixed(2)} (minimum ${r.trace.minConfidence}); ${r.trace.mode} search against ${r.trace.against}; ${r.trace.provider}; ${Math.round(r.trace.timings.totalMs)} ms`,
  );
  return lines.join('\n');
}

export function registerAnswerCommands(program: Command, config: CliConfig): void {
  program
    .command('answer <ws> <question>')
    .description('answer a question as the agent would: citations, hand-off decision, grounding check and trace')
    .option('--provider <provider>', 'extractive | openai', 'extractive')
    .option('--against <knowledge>', 'drafts | approved', 'drafts')
    .option(
      '--after <question>',
      'an earlier customer turn (repeat for several, oldest first)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--base-url <url>', 'openai: the server, up to /v1')
    .option('--model <name>', 'openai: the model name')
    .option('--model-dir <dir>', 'embedding model folder (default: ALMANAC_MODEL_DIR or resources/models)')
    .option('--json', 'print one JSON document')
    .action(async (dir: string, question: string, opts: AnswerFlags) => {
      const provider = oneOf('--provider', opts.provider, ['extractive', 'openai'] as const);
      const against = oneOf('--against', opts.against, ['drafts', 'approved'] as const);
      const { answerQuestion, KnowledgeViews, openAiProvider, requireQuestion } = await import('../answer/index.js');
      const { ReviewBook } = await import('../review/index.js');
      const settings = provider === 'openai' ? await providerSettings(opts, config) : undefined;
      const indexed = await openIndexed(dir, opts.modelDir ?? config.modelDir, true);
      const views = new KnowledgeViews({
        store: indexed.store,
        book: new ReviewBook(indexed.store.ws),
        draftsIndex: async () => indexed.index,
        semantic: async () =>
          indexed.vectors ? { embedder: indexed.vectors.embedder, vectors: indexed.vectors.store } : undefined,
      });
      const history: Turn[] = opts.after.map((text) => ({ role: 'customer', text }));
      const streaming = !opts.json && settings && process.stdout.isTTY;
      try {
        const result = await answerQuestion(await views.knowledge(against), requireQuestion(question), {
          history,
          provider: settings ? openAiProvider(settings) : undefined,
          onDelta: streaming ? (text) => process.stdout.write(text) : undefined,
        });
        if (streaming) process.stdout.write('\n\n');
        const { answer, citations, handoff, confidence, sentences, trace, providerFailed } = result;
        if (providerFailed && !opts.json)
          process.stderr.write(`${providerFailed}\nAnswered extractively from the same passages instead.\n`);
        emit(
          opts,
          {
            answer,
            citations: citations.map(({ articleId, chunkId, title }) => ({ articleId, chunkId, title })),
            handoff: handoff && { topic: handoff.topic, reason: handoff.reason, kind: handoff.kind },
            confidence,
            sentences,
            trace,
            ...(providerFailed ? { providerFailed } : {}),
          },
          () => (streaming ? humanAnswer(result).split('\n').slice(2).join('\n') : humanAnswer(result)),
        );
      } finally {
        await views.close();
        await indexed.close();
      }
    });
}
