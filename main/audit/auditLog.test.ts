import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from '../import/index.js';
import { joinTeam } from '../team/index.js';
import { forgetTrust, mergeAuditLogs, replayChain } from '../trust/index.js';
import { appendAudit, auditFile, auditHeadFile, relinkAudit, verifyAudit } from './index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

describe('audit log', () => {
  it('records an import, unsigned when nobody is signed in, and says so', async () => {
    const src = path.join(ctx.dir, 'faq.md');
    await writeFile(src, '# Opening hours\n\nWe open at nine.\n');
    await importPaths(ctx.store, [src]);
    const result = await verifyAudit(ctx.ws);
    expect(result).toMatchObject({ ok: true, entries: 1, unsigned: 1 });
    const entry = JSON.parse(await readFile(path.join(ctx.ws.root, auditFile), 'utf8')) as Record<string, unknown>;
    expect(entry).toMatchObject({ action: 'import', actor: null, details: { created: 1 } });
  });

  it('merges two branches of the log entry by entry, keeping every signature and the signed head valid', async () => {
    const ann = await joinTeam(ctx.ws, ctx.vault, { id: 'ann', name: 'Ann' });
    const file = path.join(ctx.ws.root, auditFile);
    const base = await readFile(file, 'utf8');
    const baseHead = await readFile(path.join(ctx.ws.root, auditHeadFile), 'utf8');
    await appendAudit(ctx.ws, ann, 'review.comment', 'a', { side: 'ours' });
    const ours = await readFile(file, 'utf8');
    const ourHead = await readFile(path.join(ctx.ws.root, auditHeadFile), 'utf8');
    // The other side's clone: the same base, its own entry.
    await writeFile(file, base);
    await writeFile(path.join(ctx.ws.root, auditHeadFile), baseHead);
    await rm(path.join(ctx.ws.localDir, 'trust.json'));
    forgetTrust(ctx.ws.root);
    await appendAudit(ctx.ws, ann, 'review.comment', 'b', { side: 'theirs' });
    const theirs = await readFile(file, 'utf8');
    // Both tails link to the same base entry: united as they are, the chain breaks at theirs.
    expect(replayChain(ours + theirs.slice(base.length)).broken).toMatchObject({ line: 3 });
    const merged = mergeAuditLogs(base, ours, theirs);
    expect(replayChain(merged)).toMatchObject({ broken: undefined, entries: 3 });
    // Merging again (another clone that already had theirs) adds nothing twice.
    expect(mergeAuditLogs(base, merged, theirs)).toBe(merged);
    // Our head still holds over the merged log: our entries kept their places.
    await writeFile(file, merged);
    await writeFile(path.join(ctx.ws.root, auditHeadFile), ourHead);
    expect(await verifyAudit(ctx.ws)).toMatchObject({ ok: true, entries: 3, head: 2 });
    // A forged signature is still caught after merging.
    const forged = merged.replace('"side":"theirs"', '"side":"forged"');
    expect(replayChain(relinkAudit(forged)).broken).toMatchObject({
      line: 3,
      reason: expect.stringMatching(/signature/),
    });
  });
});
