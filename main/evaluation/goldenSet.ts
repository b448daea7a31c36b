import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AlmanacError, type Problem } from '../AlmanacError.js';
import { parseJsonLines, type Workspace } from '../workspace/index.js';

/** One golden question: what a customer asks, the articles that should answer it, whether a person should take it. */
export interface GoldenQuestion {
  id: string;
  question: string;
  /** Article ids that answer it (empty when nothing should, e.g. a hand-off). */
  expected: string[];
  /** A person should take this one. */
  handoff: boolean;
  /** Words or numbers the answer must state ("30 days", "2,000 CNY"). */
  facts: string[];
  locale?: string;
}

export interface GoldenSet {
  name: string;
  questions: GoldenQuestion[];
  /** Lines that could not be read, with their line numbers (the rest of the set still runs). */
  problems: Problem[];
  /** A hash of the file's text ('' when there is no file yet): what a save says it was made on. */
  version: string;
}

export const goldenVersion = (text: string | null) =>
  text === null ? '' : createHash('sha256').update(text).digest('hex').slice(0, 16);

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string().trim().min(1),
  expected: z.array(z.string()).default([]),
  handoff: z.boolean().default(false),
  facts: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  locale: z.string().optional(),
});

export const goldenDir = 'evals';

/** A golden set's name as a file name: letters, digits, "-" and "_" (VALIDATION_FAILED otherwise). */
export function goldenFile(name: string): string {
  if (!/^[\w-]{1,100}$/.test(name))
    throw new AlmanacError('VALIDATION_FAILED', `"${name}" is not a golden set name: use letters, digits, "-" or "_".`);
  return path.posix.join(goldenDir, `${name}.jsonl`);
}

/** Parse a golden set's JSONL; each bad line is a problem with its number, never a failure of the whole set. */
export function parseGoldenSet(name: string, text: string): GoldenSet {
  const file = goldenFile(name);
  const { records, bad } = parseJsonLines(text, lineSchema);
  const questions = records.map(({ line, value: q }) => ({ ...q, id: q.id === undefined ? `q${line}` : String(q.id) }));
  const problems = bad.map((b): Problem => ({ file, field: `line ${b.line}`, message: b.reason }));
  return { name, questions, problems, version: goldenVersion(text) };
}

/** The lines of a golden set's text that are not questions, as they are: a rewrite keeps them. */
export function unreadableGoldenLines(text: string): string[] {
  return parseJsonLines(text, lineSchema).bad.map((b) => b.raw);
}

/** Read `evals/<name>.jsonl` (NOT_FOUND when it does not exist). */
export async function readGoldenSet(ws: Workspace, name: string): Promise<GoldenSet> {
  let text: string;
  try {
    text = await readFile(path.join(ws.root, goldenFile(name)), 'utf8');
  } catch (err) {
    if (err instanceof AlmanacError) throw err;
    throw new AlmanacError('NOT_FOUND', `There is no golden set ${name} (${goldenFile(name)}).`);
  }
  return parseGoldenSet(name, text);
}

/** The golden sets of a workspace by name. */
export async function listGoldenSets(ws: Workspace): Promise<string[]> {
  const names = await readdir(path.join(ws.root, goldenDir)).catch(() => [] as string[]);
  return names
    .filter((n) => /^[\w-]+\.jsonl$/.test(n))
    .map((n) => n.slice(0, -'.jsonl'.length))
    .sort();
}
