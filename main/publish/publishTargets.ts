import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import { atomicWrite } from '../workspace/index.js';

const targetSchema = z.object({
  url: z.string().regex(/^https?:\/\//i, 'An agent URL starts with http:// or https://'),
  name: z.string().max(200).default(''),
  token: z.string().max(500).optional(),
});

export type SavedTarget = z.output<typeof targetSchema>;

/** A publish target as the studio shows it: never the token itself. */
export interface TargetView {
  url: string;
  name: string;
  hasToken: boolean;
}

const fileOf = (configDir: string) => path.join(configDir, 'publish-targets.json');

/** The live agents this user publishes to, with their tokens (per user, `0600`, never in the workspace). */
export async function readTargets(configDir: string): Promise<SavedTarget[]> {
  const text = await readFile(fileOf(configDir), 'utf8').catch(() => '[]');
  try {
    return z.array(targetSchema).parse(JSON.parse(text));
  } catch {
    // Never read a damaged file as "no targets": the next save would overwrite the tokens in it.
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${fileOf(configDir)} is damaged (not a list of agents). Repair it, or move it away and add your agents again; nothing is saved there until then.`,
    );
  }
}

/** Add or update a target by URL; an absent token keeps the saved one. */
export async function saveTarget(configDir: string, input: z.input<typeof targetSchema>): Promise<SavedTarget[]> {
  const parsed = targetSchema.parse({ ...input, url: input.url.trim().replace(/\/+$/, '') });
  const all = await readTargets(configDir);
  const before = all.find((t) => t.url === parsed.url);
  const next = [...all.filter((t) => t.url !== parsed.url), { ...parsed, token: parsed.token ?? before?.token }];
  await writeTargets(configDir, next);
  return next;
}

export async function removeTarget(configDir: string, url: string): Promise<SavedTarget[]> {
  const next = (await readTargets(configDir)).filter((t) => t.url !== url);
  await writeTargets(configDir, next);
  return next;
}

async function writeTargets(configDir: string, targets: SavedTarget[]): Promise<void> {
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  await atomicWrite(fileOf(configDir), JSON.stringify(targets, null, 2), { mode: 0o600 });
}

export const viewOfTargets = (targets: SavedTarget[]): TargetView[] =>
  targets.map((t) => ({ url: t.url, name: t.name, hasToken: Boolean(t.token) }));
