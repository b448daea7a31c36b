import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import { atomicWrite } from '../workspace/index.js';
import type { OpenAiSettings } from './answerProvider.js';

export const openAiSettingsSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .url('The base URL looks like http://127.0.0.1:11434/v1')
    .refine((u) => /^https?:/i.test(u), 'The base URL must start with http:// or https://'),
  model: z.string().trim().min(1, 'Name the model, e.g. qwen2.5:7b-instruct').max(200),
  apiKey: z.string().max(500).optional(),
  timeoutMs: z.number().int().min(1000).max(600_000).optional(),
});

/** The provider settings as the studio shows them: never the key itself. */
export interface ProviderSettingsView {
  baseUrl?: string;
  model?: string;
  hasKey: boolean;
}

const fileOf = (configDir: string) => path.join(configDir, 'answer-provider.json');

/** The OpenAI-compatible provider chosen on this machine (per user, never in the shared workspace: it holds a key). */
export async function readProviderSettings(configDir: string): Promise<OpenAiSettings | undefined> {
  const text = await readFile(fileOf(configDir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    return openAiSettingsSchema.parse(JSON.parse(text));
  } catch {
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${fileOf(configDir)} is not valid provider settings; set the provider again or delete the file.`,
    );
  }
}

/** Save the provider settings as a `0600` file; an absent key keeps the saved one, an empty key removes it. */
export async function saveProviderSettings(configDir: string, input: OpenAiSettings): Promise<ProviderSettingsView> {
  const previous = await readProviderSettings(configDir).catch(() => undefined);
  const apiKey = input.apiKey === undefined ? previous?.apiKey : input.apiKey || undefined;
  const settings = openAiSettingsSchema.parse({ ...input, apiKey });
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  await atomicWrite(fileOf(configDir), JSON.stringify(settings, null, 2), { mode: 0o600 });
  return viewOf(settings);
}

export function viewOf(settings: OpenAiSettings | undefined): ProviderSettingsView {
  return settings
    ? { baseUrl: settings.baseUrl, model: settings.model, hasKey: Boolean(settings.apiKey) }
    : { hasKey: false };
}
