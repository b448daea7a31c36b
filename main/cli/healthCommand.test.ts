import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/fixtures/runCli.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import type { HealthReport } from '../health/index.js';

const run = (args: string[]) => runCli(tmp.dir, ...args);
const health = (...args: string[]) => run(['health', ...args]);

const returningItems = `---
title: Returning an item you bought online
tags: [returns]
locale: en
audience: customer
---

Not happy with your purchase? You can return an item within **7 days of delivery** for a full refund. This article explains how to start a return and when your money comes back.
`;

let tmp: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
beforeAll(async () => {
  tmp = await tempDir();
  ws = path.join(tmp.dir, 'ws');
  expect(run(['init', ws, '--sample']).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('almanac health', () => {
  it('finds nothing wrong in the sample workspace', () => {
    const res = health(ws);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Checked \d+ customer-facing passages\./);
    expect(res.stdout).toContain('No conflicts.');
    expect(res.stdout).toContain('No near-duplicates.');
  });

  it('names an added article that contradicts the returns policy, in JSON and in the summary', async () => {
    await writeFile(path.join(ws, 'articles', 'returning-items.md'), returningItems);
    const json = health(ws, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as HealthReport;
    expect(report.passages).toBeGreaterThan(200);
    const conflict = report.conflicts.find((c) => c.a.articleId === 'return-policy');
    expect(conflict).toMatchObject({
      b: { articleId: 'returning-items', title: 'Returning an item you bought online' },
      summary: '30 days vs 7 days',
      aStates: ['If something is not right for your home, you can return it within 30 days of delivery.'],
      bStates: ['You can return an item within 7 days of delivery for a full refund.'],
    });
    expect(report.conflicts.every((c) => c.b.articleId === 'returning-items')).toBe(true);

    const text = health(ws);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/possible conflicts?:/);
    expect(text.stdout).toContain('30 days vs 7 days');
    expect(text.stdout).toContain('return-policy "Returns policy and how to start a return"');
    expect(text.stdout).toContain('returning-items "Returning an item you bought online"');
    expect(text.stdout.indexOf('conflict')).toBeLessThan(text.stdout.indexOf('near-duplicate'));
  });

  it('refuses a threshold outside 0 to 1', () => {
    const res = health(ws, '--conflict-threshold', '45');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--conflict-threshold must be between 0 and 1/);
  });
});
