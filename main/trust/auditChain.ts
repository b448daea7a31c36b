import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { canonicalBytes } from '../identity/index.js';
import { inFileOrder, jsonLineTexts, parseJsonLine, parseJsonLines, type BadJsonLine } from '../workspace/index.js';

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
export const logLines = (text: string) => jsonLineTexts(text).map((l) => l.raw);

/** Why a line is not an audit entry, as the chain reports it. */
const notAnEntry = (bad: Omit<BadJsonLine, 'line' | 'raw'>) =>
  bad.issues ? `not an audit entry (${bad.issues[0]?.message ?? 'bad shape'})` : 'not valid JSON';

/** Parse one line as an audit entry, or say why it is not one. */
export function parseEntry(line: string): { entry: AuditEntry } | { reason: string } {
  const parsed = parseJsonLine(line, auditEntrySchema);
  return 'value' in parsed ? { entry: parsed.value } : { reason: notAnEntry(parsed) };
}

/** The lines of a log text in order, each an entry or a line that is not one (kept as it is). */
const logItems = (text: string) => inFileOrder(parseJsonLines(text, auditEntrySchema));

/**
 * Re-link a merged log (base entries, then ours, then theirs): every entry keeps its signed body and
 * signature; `prev` and `hash` are recomputed in file order. Lines that are not entries are kept as they are.
 */
export function relinkAudit(text: string): string {
  let prev = genesisHash;
  const out: string[] = [];
  for (const item of logItems(text)) {
    if (!('value' in item)) {
      out.push(item.raw);
      continue;
    }
    const body = bodyOf(item.value);
    const sig = item.value.sig;
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
  for (const item of [...logItems(base ?? ''), ...logItems(ours), ...logItems(theirs)]) {
    const key = 'value' in item ? entryId(bodyOf(item.value), item.value.sig) : `line:${item.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item.raw);
  }
  return relinkAudit(out.join('\n'));
}
