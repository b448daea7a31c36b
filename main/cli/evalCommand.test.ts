import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let ws: string;

const almanac = (...args: string[]) => runCli(tmp.dir, ...args);

beforeAll(async () => {
  tmp = await tempDir();
  ws = path.join(tmp.dir, 'ws');
  almanac('init', ws, '--sample');
});
afterAll(() => tmp.cleanup());

interface EvalJson {
  set: string;
  metrics: { questions: number; hitAtK: number; handoff: { recall: number } };
  outcomes: { id: string; ranked: string[] }[];
  comparison: null | { counts: { better: number; worse: number; same: number }; articleChanges: { id: string }[] };
}

describe('almanac eval --set', () => {
  it('runs the sample golden set, then compares a second run with the first and names the edited article', async () => {
    const first = almanac('eval', ws, '--set', 'golden', '--json');
    expect(first.code).toBe(0);
    const run = JSON.parse(first.stdout) as EvalJson;
    expect(run.metrics.questions).toBe(24);
    expect(run.metrics.hitAtK).toBeGreaterThan(0.8);
    expect(run.metrics.handoff.recall).toBeGreaterThan(0.8);
    expect(run.comparison).toBeNull();

    await appendFile(path.join(ws, 'articles/refund-policy.md'), '\nA note added for the test.\n');
    const second = JSON.parse(almanac('eval', ws, '--set', 'golden', '--json').stdout) as EvalJson;
    expect(second.comparison?.articleChanges.map((c) => c.id)).toEqual(['refund-policy']);
    const { better, worse, same } = second.comparison!.counts;
    expect(better + worse + same).toBe(24);
  });

  it('says which line of a golden set is broken and still runs the rest', async () => {
    await appendFile(path.join(ws, 'evals/golden.jsonl'), '{"question": 42}\n');
    const res = almanac('eval', ws, '--set', 'golden', '--json');
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/evals\/golden\.jsonl line 25: question/);
    expect((JSON.parse(res.stdout) as EvalJson).metrics.questions).toBe(24);
  });
});
