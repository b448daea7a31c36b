import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';

const almanac = (...args: string[]) => runCli(tmp.dir, ...args);

let tmp: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
beforeAll(async () => {
  tmp = await tempDir();
  ws = path.join(tmp.dir, 'ws');
  almanac('init', ws, '--sample');
});
afterAll(() => tmp.cleanup());

interface AnswerJson {
  answer: string;
  citations: { articleId: string; chunkId: string; title: string }[];
  handoff: null | { topic: string; reason: string };
  confidence: number;
  trace: { query: string; against: string; provider: string; chunks: unknown[]; timings: { totalMs: number } };
}

describe('almanac answer', () => {
  it('prints one JSON document a script can check: answer, citations, hand-off, confidence, trace', () => {
    const res = almanac('answer', ws, 'How long does a refund take to reach my card?', '--json');
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as AnswerJson;
    expect(doc.handoff).toBeNull();
    expect(doc.citations[0]).toMatchObject({ articleId: 'refund-policy', title: 'Refund policy' });
    expect(doc.citations[0]!.chunkId).toMatch(/^refund-policy#\d+$/);
    expect(doc.confidence).toBeGreaterThan(0.35);
    expect(doc.trace).toMatchObject({ against: 'drafts', provider: 'extractive' });
    expect(doc.trace.chunks.length).toBeGreaterThan(0);
  });

  it('answers against the approved versions and hands off with the reason', () => {
    const res = almanac('answer', ws, '我要注销账户', '--against', 'approved', '--json');
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as AnswerJson;
    expect(doc.handoff?.topic).toBe('account-closure');
    expect(doc.trace.against).toBe('approved');
    expect(doc.citations).toEqual([]);
  });

  it('says what the openai provider needs when it is not set up, and refuses an unknown option value', () => {
    const missing = almanac('answer', ws, 'hello', '--provider', 'openai');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--base-url/);
    const wrong = almanac('answer', ws, 'hello', '--against', 'live');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--against must be one of drafts, approved/);
  });
});
