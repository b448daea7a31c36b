import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { joinTeam } from '../team/index.js';
import { appendAudit, auditEntries, auditFile } from './index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

describe('audit entries', () => {
  it('are listed newest first, a page at a time, with their line numbers', async () => {
    const ann = await joinTeam(ctx.ws, ctx.vault, { id: 'ann', name: 'Ann' });
    for (const subject of ['a', 'b', 'c', 'd']) await appendAudit(ctx.ws, ann, 'review.comment', subject);
    // joinTeam wrote line 1 (team.join); a, b, c, d are lines 2-5.
    const first = await auditEntries(ctx.ws, { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.entries.map((e) => [e.line, e.subject])).toEqual([
      [5, 'd'],
      [4, 'c'],
    ]);
    const rest = await auditEntries(ctx.ws, { offset: 2, limit: 10 });
    expect(rest.entries.map((e) => e.subject)).toEqual(['b', 'a', 'ann']);
    expect(rest.entries[2]).toMatchObject({ action: 'team.join', actor: 'ann', signed: true });
  });

  it('lists a damaged line as unreadable instead of failing, and an empty log as empty', async () => {
    expect(await auditEntries(ctx.ws)).toEqual({ total: 0, entries: [] });
    await appendAudit(ctx.ws, undefined, 'import', '1 articles');
    await appendFile(path.join(ctx.ws.root, auditFile), '{"half an entry\n');
    const page = await auditEntries(ctx.ws);
    expect(page.entries).toEqual([
      { line: 2, signed: false, unreadable: true },
      expect.objectContaining({ line: 1, action: 'import', actor: null, signed: false }),
    ]);
  });
});
