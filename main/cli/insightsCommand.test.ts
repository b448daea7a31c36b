import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapEntry, logText } from '../../tests/fixtures/agentLogLines.js';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
let log: string;
const almanac = (...args: string[]) => runCli(tmp.dir, ...args);

beforeAll(async () => {
  tmp = await tempDir();
  ws = path.join(tmp.dir, 'ws');
  log = path.join(tmp.dir, 'conversations-2026-12-01.jsonl');
  almanac('init', ws, '--sample');
  await writeFile(
    log,
    logText([
      gapEntry('a', 'Do you sell dog food?'),
      gapEntry('b', 'Do you have food for my dog?'),
      gapEntry('c', '你们卖狗粮吗？'),
      gapEntry('d', 'Can I pay with bitcoin? My email is tom.ward@example.com'),
    ]),
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
