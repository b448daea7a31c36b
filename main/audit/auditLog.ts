import { mkdir, readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { signValue } from '../identity/index.js';
import type { Signer } from '../identity/index.js';
import {
  auditFile,
  auditHeadFile,
  chainHash,
  readTrust,
  rosterDifferences,
  signHead,
  trustError,
  trustOf,
  trustPinFile,
  trustPinSchema,
  type AuditAction,
  type AuditBody,
  type AuditEntry,
  type ChainNotice,
  type RosterDifference,
  type TrustState,
} from '../trust/index.js';
import { demoMembers } from '../identity/index.js';
import { appendJsonLineInside, guardWrite, writeInside } from '../workspace/index.js';
import { withLock } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';

/** Remember what this clone has seen of the log: its root, and never fewer entries than now. */
export async function advancePin(ws: Workspace, state: TrustState): Promise<void> {
  if (!state.ok) return;
  const file = path.join(ws.localDir, trustPinFile);
  const old = await readFile(file, 'utf8').then(
    (t) => trustPinSchema.safeParse(JSON.parse(t)).data,
    () => undefined,
  );
  if (old && old.entries >= state.entries && (old.root || !state.root)) return;
  await mkdir(ws.localDir, { recursive: true });
  await writeInside(ws.root, file, `${JSON.stringify({ root: state.root, entries: state.entries }, null, 2)}\n`);
}

/**
 * Append one signed entry to `audit/log.jsonl`, chained to the last, and sign the new head; the
 * caller commits both files. DAMAGED when the chain does not verify (a new entry must never vouch
 * for a tampered log), SIGN_IN_REQUIRED without a signer once the team exists, FORBIDDEN when the
 * signed roster does not allow the entry (a roster change by someone who is not a manager).
 */
export async function appendAudit(
  ws: Workspace,
  signer: Signer | undefined,
  action: AuditAction,
  subject: string,
  details?: Record<string, unknown>,
  time = new Date().toISOString(),
): Promise<AuditEntry> {
  const file = path.join(ws.root, auditFile);
  await guardWrite(ws.root, file);
  await mkdir(path.dirname(file), { recursive: true });
  return withLock(
    ws.localDir,
    'audit',
    async (held) => {
      const state = await trustOf(ws);
      if (!state.ok) throw trustError(state);
      const chain = state.chain;
      if (chain.formed && !signer)
        throw new AlmanacError(
          'SIGN_IN_REQUIRED',
          `Nobody is signed in, and every entry of ${ws.config.name}'s audit log must be signed now that it has a team. Pick a member with --as <id>, or sign in in the studio.`,
        );
      const body: AuditBody = {
        time,
        actor: signer?.member.id ?? null,
        action,
        subject,
        ...(details ? { details } : {}),
      };
      const sig = signer ? signValue(body, signer.privateKeyPem) : undefined;
      const allowed = chain.check(body, sig);
      if (!allowed.ok)
        throw new AlmanacError('FORBIDDEN', `The signed roster does not allow this ${action}: ${allowed.reason}.`);
      // Taken now: the chain read above goes on verifying in place when this process reads the log
      // again, and other work of this process may do so (seeing this very entry) while we await.
      const prev = chain.lastHash;
      const entries = chain.entries + 1;
      const entry: AuditEntry = { ...body, ...(sig ? { sig } : {}), prev, hash: chainHash(prev, body, sig) };
      held();
      // A half-written last line (a crash while appending) was never part of the log: replace it.
      if (state.unfinishedLine !== undefined) {
        const bytes = await readFile(file);
        await truncate(file, bytes.lastIndexOf(0x0a) + 1);
      }
      await appendJsonLineInside(ws.root, file, entry);
      const head = signHead({ entries, hash: entry.hash }, signer, time);
      await writeInside(ws.root, path.join(ws.root, auditHeadFile), `${JSON.stringify(head, null, 2)}\n`);
      await advancePin(ws, await trustOf(ws));
      return entry;
    },
    { staleMs: 5_000, waitMs: 30_000 },
  );
}

export interface AuditVerification {
  /** The chain, its head and this clone's pin verify, and almanac.json's roster copy matches the signed roster. */
  ok: boolean;
  entries: number;
  /** Entries made before the team existed, with nobody signed in. */
  unsigned: number;
  /** The first problem: which file, which line (1-based; 0 for the file as a whole), why, what to do. */
  firstBroken?: { line: number; reason: string; file: string; fix: string; entry?: Partial<AuditEntry> };
  /** How many entries the signed head vouches for. */
  head?: number;
  /** Genuine entries that count for nothing (a roster change by someone who was not a manager then). */
  notices: ChainNotice[];
  /** Where almanac.json's copy of the roster differs from the signed roster (a hand edit). */
  rosterDifferences: RosterDifference[];
  /** Members whose key is a demo key: its private key ships with Almanac, so anyone can sign as them. */
  demoMembers: string[];
  /** The member whose key is the team's root. */
  root?: string;
}

/** Check the whole trust chain of a workspace and compare almanac.json's roster with the signed one. */
export async function verifyAudit(ws: Workspace): Promise<AuditVerification> {
  const state = await trustOf(ws);
  const file = await readFile(path.join(ws.root, 'almanac.json'), 'utf8').catch(() => undefined);
  const cached = file === undefined ? ws.rosterCache : cachedTeam(file, ws.rosterCache);
  const differences = rosterDifferences(cached, state.roster);
  if (state.ok) await advancePin(ws, state);
  return {
    ok: state.ok && differences.length === 0,
    entries: state.entries,
    unsigned: state.unsigned,
    ...(state.broken ? { firstBroken: state.broken } : {}),
    ...(state.headEntries !== undefined ? { head: state.headEntries } : {}),
    notices: state.notices,
    rosterDifferences: differences,
    demoMembers: demoMembers(state.roster),
    ...(state.root ? { root: state.root.member } : {}),
  };
}

/** almanac.json's roster as it is on disk now (it may have changed since the workspace was opened). */
function cachedTeam(text: string, fallback: Workspace['rosterCache']): Workspace['rosterCache'] {
  try {
    const team = (JSON.parse(text) as { team?: unknown }).team;
    if (!Array.isArray(team)) return [];
    return team.map((m: Record<string, unknown>) => ({
      id: String(m.id),
      name: String(m.name ?? m.id),
      ...(typeof m.email === 'string' ? { email: m.email } : {}),
      roles: Array.isArray(m.roles) ? (m.roles as never[]) : [],
      ...(typeof m.publicKey === 'string' ? { publicKey: m.publicKey } : {}),
      retiredKeys: Array.isArray(m.retiredKeys) ? (m.retiredKeys as never[]) : [],
    }));
  } catch {
    return fallback;
  }
}

/** Read the chain without judging the roster copy (what the studio's status and publish log need). */
export { readTrust };
