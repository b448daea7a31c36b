import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from '../import/index.js';
import { joinTeam } from '../team/index.js';
import { appendAudit, auditFile, relinkAudit, verifyAudit, verifyAuditText } from './index.js';

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

  it('re-links two branches of the log united by a sync, keeping every signature valid', async () => {
    const ann = await joinTeam(ctx.ws, ctx.vault, { id: 'ann', name: 'Ann' });
    const file = path.join(ctx.ws.root, auditFile);
    const base = await readFile(file, 'utf8');
    await appendAudit(ctx.ws, ann, 'review.comment', 'a', { side: 'ours' });
    const ours = await readFile(file, 'utf8');
    await writeFile(file, base);
    await appendAudit(ctx.ws, ann, 'review.comment', 'b', { side: 'theirs' });
    const theirs = (await readFile(file, 'utf8')).slice(base.length);
    const united = ours + theirs;
    // Both tails link to the same base entry: the united file's chain is broken until re-linked.
    expect(verifyAuditText(united, ctx.ws.config.team)).toMatchObject({ ok: false, firstBroken: { line: 3 } });
    const relinked = relinkAudit(united);
    expect(verifyAuditText(relinked, ctx.ws.config.team)).toMatchObject({ ok: true, entries: 3, unsigned: 0 });
    // A forged signature is still caught after re-linking.
    const forged = relinked.replace('"side":"theirs"', '"side":"forged"');
    expect(verifyAuditText(relinkAudit(forged), ctx.ws.config.team)).toMatchObject({
      ok: false,
      firstBroken: { line: 3, reason: expect.stringMatching(/signature/) },
    });
  });
});
