import fs from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { changeGoldenSet, goldenFile, nextQuestionId, readGoldenSet, type GoldenQuestion } from './index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

const q = (question: string): Omit<GoldenQuestion, 'id'> => ({ question, expected: [], handoff: false, facts: [] });
const add = (question: string) =>
  changeGoldenSet(ctx.ws, 'smoke', (set) => [...set.questions, { ...q(question), id: nextQuestionId(set.questions) }], {
    message: `add ${question}`,
  });

describe('changing a golden set', () => {
  it('keeps every question when two writers add at once, and commits each change', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => add(`question ${i}`)));
    const set = await readGoldenSet(ctx.ws, 'smoke');
    expect(set.questions.map((x) => x.question).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `question ${i}`).sort(),
    );
    expect(new Set(set.questions.map((x) => x.id)).size).toBe(12);
    const log = await git.log({ fs, dir: ctx.ws.root, filepath: goldenFile('smoke') });
    expect(log.filter((c) => c.commit.message.startsWith('add ')).length).toBe(12);
  });

  it('refuses a save made on an older version and writes nothing', async () => {
    const loaded = await add('first');
    await add('added from the preview meanwhile');
    const before = await readFile(path.join(ctx.ws.root, goldenFile('smoke')), 'utf8');
    const stale = changeGoldenSet(ctx.ws, 'smoke', () => [{ ...q('edited'), id: 'q1' }], {
      base: loaded.version,
      message: 'edit',
    });
    await expect(stale).rejects.toSatisfy((e) => e instanceof AlmanacError && e.code === 'CONFLICT');
    expect(await readFile(path.join(ctx.ws.root, goldenFile('smoke')), 'utf8')).toBe(before);
    // Saving on the current version works.
    const current = await readGoldenSet(ctx.ws, 'smoke');
    const saved = await changeGoldenSet(ctx.ws, 'smoke', (s) => s.questions.slice(1), {
      base: current.version,
      message: 'remove the first',
    });
    expect(saved.questions.map((x) => x.question)).toEqual(['added from the preview meanwhile']);
    // A set that must be new (base '') is refused when someone created it first.
    await expect(changeGoldenSet(ctx.ws, 'smoke', () => [], { base: '', message: 'create' })).rejects.toThrow(
      /changed since/,
    );
  });

  it('keeps lines it cannot read, as they are, when the set is saved', async () => {
    await add('readable');
    await appendFile(path.join(ctx.ws.root, goldenFile('smoke')), '{"question": "half a line\n');
    await add('another');
    const text = await readFile(path.join(ctx.ws.root, goldenFile('smoke')), 'utf8');
    expect(text).toContain('{"question": "half a line');
    const set = await readGoldenSet(ctx.ws, 'smoke');
    expect(set.questions.map((x) => x.question)).toEqual(['readable', 'another']);
    expect(set.problems).toHaveLength(1);
  });
});
