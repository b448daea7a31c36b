import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { canonicalBytes } from '../identity/index.js';

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
export const auditBodySchema = z.object({
  time: z.string(),
  /** Member id, or null when nobody was signed in (allowed only before the team exists). */
  actor: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditBody = z.infer<typeof auditBodySchema>;

export const auditEntrySchema = auditBodySchema.extend({
  sig: z.string().optional(),
  /** Hash of the entry before (64 zeros for the first). */
  prev: z.string(),
  /** SHA-256 of prev, the canonical body and the signature. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditFile = path.posix.join('audit', 'log.jsonl');
/** The newest head of the log (entry count and hash), signed: what truncation cannot fake. */
export const auditHeadFile = path.posix.join('audit', 'head.json');
export const genesisHash = '0'.repeat(64);

export function bodyOf(entry: AuditEntry): AuditBody {
  const { sig: _s, prev: _p, hash: _h, ...body } = entry;
  return body;
}

export function chainHash(prev: string, body: AuditBody, sig: string | undefined): string {
  return createHash('sha256')
    .update(`${prev}\n`)
    .update(canonicalBytes(body))
    .update(`\n${sig ?? ''}`)
    .digest('hex');
}

/** An entry's identity, whatever its place in the chain: the same signed statement twice is a replay. */
export function entryId(body: AuditBody, sig: string | undefined): string {
  return createHash('sha256')
    .update(canonicalBytes(body))
    .update(`\n${sig ?? ''}`)
    .digest('hex');
}

/** The lines of a JSON-lines text, blank lines dropped. */
export const logLines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** Parse one line as an audit entry, or say why it is not one. */
export function parseEntry(line: string): { entry: AuditEntry } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { reason: 'not valid JSON' };
  }
  const parsed = auditEntrySchema.safeParse(json);
  if (!parsed.success) return { reason: `not an audit entry (${parsed.error.issues[0]?.message ?? 'bad shape'})` };
  return { entry: parsed.data };
}

/**
 * Re-link a merged log (base entries, then ours, then theirs): every entry keeps its signed body and
 * signature; `prev` and `hash` are recomputed in file order. Lines that are not entries are kept as they are.
 */
export function relinkAudit(text: string): string {
  let prev = genesisHash;
  const out: string[] = [];
  for (const line of logLines(text)) {
    const parsed = parseEntry(line);
    if (!('entry' in parsed)) {
      out.push(line);
      continue;
    }
    const body = bodyOf(parsed.entry);
    const sig = parsed.entry.sig;
    const entry: AuditEntry = { ...body, ...(sig ? { sig } : {}), prev, hash: chainHash(prev, body, sig) };
    out.push(JSON.stringify(entry));
    prev = entry.hash;
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/**
 * Merge two sides of the audit log: the base entries, then ours, then theirs, each signed entry
 * once (by its identity, whatever its link: another clone may have re-linked it already), then
 * re-linked. Our entries keep their places, so our signed head still vouches for them.
 */
export function mergeAuditLogs(base: string | null, ours: string, theirs: string): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of [...logLines(base ?? ''), ...logLines(ours), ...logLines(theirs)]) {
    const parsed = parseEntry(line);
    const key = 'entry' in parsed ? entryId(bodyOf(parsed.entry), parsed.entry.sig) : `line:${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return relinkAudit(out.join('\n'));
}
