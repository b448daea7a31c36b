import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { canonicalBytes, signValue } from '../team/keys.js';
import type { Signer } from '../team/localIdentity.js';
import { checkSignature } from '../team/verifySigner.js';
import { withLock } from '../workspace/withLock.js';
import type { Workspace } from '../workspace/Workspace.js';

export const auditActions = [
  'version.save',
  'version.restore',
  'review.submit',
  'review.approve',
  'review.request-changes',
  'review.comment',
  'review.withdraw',
  'review.reverify',
  'team.join',
  'team.add',
  'team.roles',
  'team.rotate-key',
  'import',
  'sync.merge',
  'snapshot.publish',
  'snapshot.rollback',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an entry says; the actor signs exactly this. */
const bodySchema = z.object({
  time: z.string(),
  /** Member id, or null when nobody was signed in (the entry is then unsigned). */
  actor: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditBody = z.infer<typeof bodySchema>;

const entrySchema = bodySchema.extend({
  sig: z.string().optional(),
  /** Hash of the entry before (64 zeros for the first). */
  prev: z.string(),
  /** SHA-256 of prev, the canonical body and the signature. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof entrySchema>;

export const auditFile = path.posix.join('audit', 'log.jsonl');
const genesis = '0'.repeat(64);

function bodyOf(entry: AuditEntry): AuditBody {
  const { sig: _s, prev: _p, hash: _h, ...body } = entry;
  return body;
}

function chainHash(prev: string, body: AuditBody, sig: string | undefined): string {
  return createHash('sha256')
    .update(`${prev}\n`)
    .update(canonicalBytes(body))
    .update(`\n${sig ?? ''}`)
    .digest('hex');
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** Append one signed entry to `audit/log.jsonl`, chained to the last; the caller commits the file. */
export async function appendAudit(
  ws: Workspace,
  signer: Signer | undefined,
  action: AuditAction,
  subject: string,
  details?: Record<string, unknown>,
  time = new Date().toISOString(),
): Promise<AuditEntry> {
  const file = path.join(ws.root, auditFile);
  await mkdir(path.dirname(file), { recursive: true });
  return withLock(
    ws.localDir,
    'audit',
    async () => {
      const existing = lines(await readFile(file, 'utf8').catch(() => ''));
      const last = existing.at(-1);
      let prev = genesis;
      if (last) {
        try {
          prev = (JSON.parse(last) as { hash?: string }).hash ?? genesis;
        } catch {
          prev = createHash('sha256').update(last).digest('hex');
        }
      }
      const body: AuditBody = {
        time,
        actor: signer?.member.id ?? null,
        action,
        subject,
        ...(details ? { details } : {}),
      };
      const sig = signer ? signValue(body, signer.privateKeyPem) : undefined;
      const entry: AuditEntry = { ...body, ...(sig ? { sig } : {}), prev, hash: chainHash(prev, body, sig) };
      await appendFile(file, `${JSON.stringify(entry)}\n`, 'utf8');
      return entry;
    },
    { staleMs: 5_000, waitMs: 30_000 },
  );
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** Entries made with nobody signed in: chained, but nobody vouches for them. */
  unsigned: number;
  /** The first entry that fails, 1-based line number. */
  firstBroken?: { line: number; reason: string; entry?: Partial<AuditEntry> };
}

/** Re-check the chain and every signature in `text` against the roster; stops at the first broken entry. */
export function verifyAuditText(text: string, team: Workspace['config']['team']): AuditVerification {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  let prev = genesis;
  let unsigned = 0;
  for (const [i, line] of all.entries()) {
    const broken = (reason: string, entry?: Partial<AuditEntry>): AuditVerification => ({
      ok: false,
      entries: all.length,
      unsigned,
      firstBroken: { line: i + 1, reason, entry },
    });
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return broken('not valid JSON');
    }
    const parsed = entrySchema.safeParse(json);
    if (!parsed.success) return broken(`not an audit entry (${parsed.error.issues[0]?.message ?? 'bad shape'})`);
    const entry = parsed.data;
    if (entry.prev !== prev)
      return broken('its link to the entry before does not match (an entry was removed, inserted or changed)', entry);
    const body = bodyOf(entry);
    if (chainHash(prev, body, entry.sig) !== entry.hash)
      return broken('its content does not match its hash (it was edited)', entry);
    if (entry.actor === null) {
      if (entry.sig) return broken('signed but names no actor', entry);
      unsigned++;
    } else {
      const check = checkSignature(team, entry.actor, body, entry.sig, entry.time);
      if (!check.ok) return broken(`signature: ${check.reason}`, entry);
    }
    prev = entry.hash;
  }
  return { ok: true, entries: all.length, unsigned };
}

/** Verify the workspace's audit log (an absent log is an empty, valid chain). */
export async function verifyAudit(ws: Workspace): Promise<AuditVerification> {
  const text = await readFile(path.join(ws.root, auditFile), 'utf8').catch(() => '');
  return verifyAuditText(text, ws.config.team);
}

/**
 * Re-link a merged log (base entries, then ours, then theirs): every entry keeps its signed body and
 * signature; `prev` and `hash` are recomputed in file order. Lines that are not entries are kept as they are.
 */
export function relinkAudit(text: string): string {
  let prev = genesis;
  const out: string[] = [];
  for (const line of lines(text)) {
    const parsed = entrySchema.safeParse(
      (() => {
        try {
          return JSON.parse(line);
        } catch {
          return undefined;
        }
      })(),
    );
    if (!parsed.success) {
      out.push(line);
      continue;
    }
    const body = bodyOf(parsed.data);
    const entry: AuditEntry = {
      ...body,
      ...(parsed.data.sig ? { sig: parsed.data.sig } : {}),
      prev,
      hash: chainHash(prev, body, parsed.data.sig),
    };
    out.push(JSON.stringify(entry));
    prev = entry.hash;
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
