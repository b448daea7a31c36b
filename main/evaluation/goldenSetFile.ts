import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../workspace/atomicWrite.js';
import type { Workspace } from '../workspace/Workspace.js';
import { goldenFile, type GoldenQuestion } from './goldenSet.js';

/** Write a golden set as JSONL, one question per line (atomically: a crash leaves the old file whole). */
export async function writeGoldenSet(ws: Workspace, name: string, questions: GoldenQuestion[]): Promise<void> {
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
  const file = path.join(ws.root, goldenFile(name));
  await mkdir(path.dirname(file), { recursive: true });
  await atomicWrite(file, lines.length ? `${lines.join('\n')}\n` : '');
}

/** A new question's id within a set: the next free `q<n>`. */
export function nextQuestionId(questions: GoldenQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}
