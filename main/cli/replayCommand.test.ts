import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEntry, logText } from '../../tests/fixtures/agentLogLines.js';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';

const almanac = (...args: string[]) => runCli(tmp.dir, ...args);

let tmp: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
let logs: string;

beforeAll(async () => {
  tmp = await tempDir();
  ws = path.join(tmp.dir, 'ws');
  logs = path.join(tmp.dir, 'logs');
  almanac('init', ws, '--sample');
  await mkdir(logs);
  await writeFile(
    path.join(logs, 'conversations-2026-12-05.jsonl'),
    logText([
      answerEntry('a', 'How long does a refund take to reach my card?', { time: '2026-12-05T10:00:00Z' }),
      answerEntry('b', 'please close my account, write to tom.ward@example.com', { time: '2026-12-05T11:00:00Z' }),
      answerEntry('c', '退款多久能到账？', { time: '2026-12-01T12:00:00Z' }),
    ]),
  );
});
afterAll(() => tmp.cleanup());

describe('almanac replay', () => {
  it('says what to do when nothing was published yet', () => {
    const res = almanac('replay', ws, '--log', logs);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/--against <snapshot id>/);
  });

  it('replays the period of a log against the published snapshot, masked, as one JSON document', () => {
    expect(almanac('publish', ws, '--to', path.join(tmp.dir, 'agent'), '--as', 'sara.koh').code).toBe(0);
    const res = almanac('replay', ws, '--log', logs, '--since', '2026-12-05', '--json');
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { questions: number; counts: Record<string, number>; against: string };
    // The approved knowledge is what was published: nothing changes.
    expect(doc).toMatchObject({ questions: 2, counts: { unchanged: 2 } });
    expect(doc.against).toMatch(/^[0-9a-f]{24}$/);
    expect(res.stdout).not.toContain('tom.ward@example.com');
  });

  it('refuses a day it cannot read', () => {
    const res = almanac('replay', ws, '--log', logs, '--since', '05/12/2026');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/YYYY-MM-DD/);
  });

  it("replays the agent's own log of the last 7 days on publish when no --log is named", async () => {
    const agent = path.join(tmp.dir, 'agent');
    const today = new Date().toISOString();
    await mkdir(path.join(agent, 'logs'), { recursive: true });
    await writeFile(
      path.join(agent, 'logs', `conversations-${today.slice(0, 10)}.jsonl`),
      logText([
        answerEntry('d', 'How long does a refund take to reach my card?', { time: today }),
        answerEntry('e', 'do you sell sofas', { time: today }),
      ]),
    );
    // A new approved version, so the publish has something to compare.
    const refund = path.join(ws, 'articles', 'refund-policy.md');
    await appendFile(refund, '\nRefunds to a gift card arrive the same day.\n');
    expect(almanac('review', 'submit', ws, 'refund-policy', '--as', 'tom.ward').code).toBe(0);
    expect(almanac('review', 'approve', ws, 'refund-policy', '--as', 'li.na').code).toBe(0);
    const res = almanac('publish', ws, '--to', agent, '--as', 'sara.koh', '--json');
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { replay?: { questions: number } };
    expect(doc.replay?.questions).toBe(2);
    expect(await readFile(refund, 'utf8')).toContain('same day');
  });
});
