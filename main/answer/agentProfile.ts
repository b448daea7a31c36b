import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AlmanacError, type Problem } from '../AlmanacError.js';
import YAML from 'yaml';
import { readFrontMatter } from '../articles/index.js';
import { articlePath, blobHash, profileSubject, readVersionText } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';

// YAML reads an unquoted 12315 as a number; a phrase is text either way.
const phrase = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1));
const phrasings = z.record(z.string(), z.array(phrase)).default({});

/** A kind of question the agent recognises by example phrasings (per language) and keywords. */
const intentSchema = z.object({
  topic: z.string().regex(/^[\w-]+$/, 'use letters, digits, "_" or "-"'),
  rule: z.string().default(''),
  /** Whole phrases a customer might write, per language (`en`, `zh-CN`): matched by similarity. */
  examples: phrasings,
  /**
   * Words that all appear, in any order ("close account", "注销 账户"); `a|b` is either word, `a_b`
   * a phrase, `word*` any word it starts: "close|delete|shut_down account|profile".
   */
  keywords: z.array(phrase).default([]),
  /** Keywords that rule the intent out ("backup_code" for a lost phone the customer can still verify). */
  except: z.array(phrase).default([]),
  /** Matches when the question states an amount above one of these (currency code -> amount). */
  amountAbove: z.record(z.string(), z.number().positive()).optional(),
  /** The words that make a stated amount count for `amountAbove` (refund, 退款). */
  amountWords: z.array(phrase).default([]),
  /**
   * Articles that describe this topic (close-your-account for account closure): a question whose
   * best passages come from them is evidence for the topic.
   */
  articles: z.array(z.string()).default([]),
  /**
   * `high` (account closure, data requests, legal, product safety): weaker evidence is enough to
   * hand off, and a question the agent is unsure about that leans towards the topic is handed off.
   */
  risk: z.enum(['normal', 'high']).default('normal'),
});

export const agentProfileSchema = z.object({
  name: z.string().trim().min(1),
  role: z.string().default(''),
  tone: z.string().default(''),
  languages: z.array(z.string()).min(1).default(['en']),
  /** Below this confidence (0 to 1, see `answerConfidence`) the agent does not answer from the articles. */
  minConfidence: z.number().min(0).max(1).default(0.35),
  /**
   * What the agent does below `minConfidence`: hand off to a person, or say it is not sure and point
   * to the article that may help ("I'm not sure; this article may help: <title>"). Never a confident answer.
   */
  lowConfidence: z.enum(['handoff', 'suggest']).default('handoff'),
  answerLength: z
    .object({ words: z.number().int().min(10).default(150), characters: z.number().int().min(20).default(300) })
    .default({ words: 150, characters: 300 }),
  scope: z
    .object({
      /** Topics the agent answers: documentation for people, not a filter. */
      in: z.array(z.string()).default([]),
      /** Topics the agent never answers: a match hands off as out of scope. */
      out: z.array(intentSchema).default([]),
    })
    .default({ in: [], out: [] }),
  handoff: z.array(intentSchema).default([]),
  /**
   * With a language model provider, also ask it whether a message the rules let through falls under a
   * hand-off topic (one more model call per answer; it can add a hand-off, never remove one).
   */
  modelHandoffCheck: z.boolean().default(true),
  /** What the agent says when it hands off, per language. */
  handoffMessage: z.record(z.string(), z.string()).default({}),
});

export type AgentProfileMeta = z.output<typeof agentProfileSchema>;
export type Intent = AgentProfileMeta['handoff'][number];

export interface AgentProfile {
  meta: AgentProfileMeta;
  /** The Markdown instructions below the front matter. */
  instructions: string;
  /** The content hash of the profile text this was read from. */
  version?: string;
}

export const profileFile = articlePath(profileSubject);

/** Parse a profile file's text; VALIDATION_FAILED lists each field to fix. */
export function parseProfile(text: string): AgentProfile {
  let front;
  try {
    front = readFrontMatter(text, profileFile);
  } catch (err) {
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${profileFile}: the front matter is not valid YAML: ${(err as Error).message}`,
    );
  }
  const parsed = agentProfileSchema.safeParse(front.data);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((i) => ({
      file: profileFile,
      field: i.path.join('.'),
      message: i.message,
    }));
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${profileFile} needs fixing: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      { problems },
    );
  }
  return { meta: parsed.data, instructions: front.body.trim() };
}

/** The profile as a file: front matter then the instructions. */
export function serializeProfile(profile: Pick<AgentProfile, 'meta' | 'instructions'>): string {
  return `---\n${YAML.stringify(profile.meta, { lineWidth: 0 })}---\n\n${profile.instructions.trim()}\n`;
}

/** The working profile, its version the hash of the text on disk (NOT_FOUND without `agent/profile.md`, VALIDATION_FAILED when it does not parse). */
export async function readWorkingProfile(ws: Workspace): Promise<AgentProfile> {
  let text: string;
  try {
    text = await readFile(path.join(ws.root, profileFile), 'utf8');
  } catch {
    throw new AlmanacError('NOT_FOUND', `This workspace has no agent profile (${profileFile}).`);
  }
  return { ...parseProfile(text), version: blobHash(text) };
}

/** The profile at a saved version (a content hash), e.g. the approved one. */
export async function readProfileVersion(ws: Workspace, version: string): Promise<AgentProfile> {
  return { ...parseProfile(await readVersionText(ws, version)), version };
}
