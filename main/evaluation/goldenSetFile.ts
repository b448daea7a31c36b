import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { commitPaths } from '../versions/index.js';
import { writeInside } from '../workspace/index.js';
import { withLock } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';
import { goldenFile, parseGoldenSet, unreadableGoldenLines, type GoldenQuestion, type GoldenSet } from './goldenSet.js';

function goldenText(questions: GoldenQuestion[]): string {
  const lines = questions.map((q) =>
    JSON.stringify({
      id: q.id,
      question: q.question,
      ...(q.locale ? { locale: q.locale } : {}),
      expected: q.expected,
      handoff: q.handoff,
      ...(q.facts.length ? { facts: q.facts } : {}),
    }),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Write a golden set as JSONL, one question per line (atomically: a crash leaves the old file whole). */
export async function writeGoldenSet(ws: Workspace, name: string, questions: GoldenQuestion[]): Promise<void> {
  const file = path.join(ws.root, goldenFile(name));
  await mkdir(path.dirname(file), { recursive: true });
  await writeInside(ws.root, file, goldenText(questions));
}

export interface GoldenChange {
  /** The version the change was made on; a set changed since is a CONFLICT (nothing written). */
  base?: string;
  /** Member id for the commit. */
  author?: string;
  /** Commit message. */
  message: string;
}

/**
 * Change a golden set under its lock: read it, let `change` say the new questions (null: nothing to
 * change), write and commit, so teammates get it with the next sync. Two studios adding questions at
 * once both land; a save made on an older version is refused instead of dropping the other's questions.
 */
export async function changeGoldenSet(
  ws: Workspace,
  name: string,
  change: (current: GoldenSet) => GoldenQuestion[] | null,
  options: GoldenChange,
): Promise<GoldenSet> {
  const relative = goldenFile(name);
  const file = path.join(ws.root, relative);
  return withLock(
    ws.localDir,
    `eval-${name}`,
    async () => {
      const text = await readFile(file, 'utf8').catch(() => null);
      const current: GoldenSet =
        text === null ? { name, questions: [], problems: [], version: '' } : parseGoldenSet(name, text);
      if (options.base !== undefined && options.base !== current.version)
        throw new AlmanacError(
          'CONFLICT',
          `Golden set ${name} changed since you opened it (a question saved from the Preview, or a teammate's sync). Reload it to see theirs, or save yours over it.`,
          { current: current.version },
        );
      const next = change(current);
      if (next === null) return current;
      // Lines that cannot be read are kept as they are, at the end: nothing typed by hand is lost.
      const unreadable = unreadableGoldenLines(text ?? '');
      const written = goldenText(next) + unreadable.map((l) => `${l}\n`).join('');
      await mkdir(path.dirname(file), { recursive: true });
      await writeInside(ws.root, file, written);
      await commitPaths(ws, [relative], options.message, options.author);
      return parseGoldenSet(name, written);
    },
    { staleMs: 5_000, waitMs: 30_000 },
  );
}

/** A new question's id within a set: the next free `q<n>`. */
export function nextQuestionId(questions: GoldenQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}
