import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
let log: string;
const almanac = (...args: string[]) => runCli(tmp.dir, ...args);
const unsure = (conversationId: string, question: string) =>
  JSON.stringify({
    type: 'answer',
    time: '2026-12-05T10:00:00Z',
    conversationId,
    snapshot: 's',
    question,
    answer: '',
    handoff: { topic: 'low-confidence', reason: 'No article covers this.' },
    confidence: 0.1,
    articleIds: [],
    versions: {},
    latencyMs: 10,
  });

beforeAll(async () => {
  tmp = await tempDir();
  ws = path.join(tmp.dir, 'ws');
  log = path.join(tmp.dir, 'conversations-2026-12-05.jsonl');
  almanac('init', ws, '--sample');
  await writeFile(
    log,
    [
      unsure('a', 'Do you sell dog food?'),
      unsure('b', 'Do you have food for my dog?'),
      unsure('c', '你们卖狗粮吗？'),
      unsure('d', 'Can I pay with bitcoin? My email is tom.ward@example.com'),
    ].join('\n') + '\n',
  );
});
afterAll(() => tmp.cleanup());

describe('almanac insights', () => {
  it('reports the content gaps the studio shows, masked', () => {
    const res = almanac('insights', ws, '--log', log, '--json');
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { gaps: { volume: number; examples: string[] }[] };
    const food = doc.gaps.find((g) => g.examples.includes('你们卖狗粮吗？'));
    expect(food?.volume).toBe(3);
    expect(res.stdout).not.toContain('tom.ward@example.com');
    const human = almanac('insights', ws, '--log', log);
    expect(human.stdout).toMatch(/Content gaps[^\n]*\n\s+3× /);
  });
});
