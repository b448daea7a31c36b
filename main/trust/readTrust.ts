import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { jsonLineTexts, type Member } from '../workspace/index.js';
import { auditFile, auditHeadFile } from './auditChain.js';
import { auditHeadSchema, checkHead, checkPin, trustPinSchema, type AuditHead, type TrustPin } from './auditHead.js';
import { ChainVerifier, type ChainBreak, type ChainNotice, type TeamRoot } from './ChainVerifier.js';

/** Where a clone keeps its pin (never synced). */
export const trustPinFile = 'trust.json';

/** Whether the trust chain of a workspace holds, and what it says. */
export interface TrustState {
  ok: boolean;
  /** Entries in the log that verified (all of them when ok). */
  entries: number;
  unsigned: number;
  /** The first problem: the file, the line (0 for the whole file) and why. */
  broken?: ChainBreak & { file: string; fix: string };
  /** Genuine entries that count for nothing, e.g. a roster change signed by someone who was not a manager. */
  notices: ChainNotice[];
  /** The roster the signed entries build (up to the break, when broken). */
  roster: Member[];
  root?: TeamRoot;
  /** How many entries the signed head vouches for. */
  headEntries?: number;
  chain: ChainVerifier;
  /** A half-written last line (a crash while appending): not part of the log; the next entry replaces it. */
  unfinishedLine?: number;
}

interface Cached {
  prefixBytes: number;
  prefixDigest: string;
  lines: number;
  chain: ChainVerifier;
}

const cache = new Map<string, Cached>();
const digest = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

async function readOptional(file: string): Promise<{ text?: string; error?: string }> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { error: code ?? (err as Error).message };
  }
}

const restoreFix =
  'Restore the file from the team (almanac sync, or git checkout of the last good commit); nothing trust-related can be done until it verifies.';

/** Replay the log incrementally: a log that only grew since the last read is verified from where it stopped. */
function chainFor(root: string, bytes: Buffer): { chain: ChainVerifier; unfinishedLine?: number } {
  let hit = cache.get(root);
  if (!hit || bytes.length < hit.prefixBytes || digest(bytes.subarray(0, hit.prefixBytes)) !== hit.prefixDigest)
    hit = { prefixBytes: 0, prefixDigest: digest(Buffer.alloc(0)), lines: 0, chain: new ChainVerifier() };
  const end = bytes.lastIndexOf(0x0a) + 1;
  if (end > hit.prefixBytes) {
    const text = bytes.subarray(hit.prefixBytes, end).toString('utf8');
    const before = hit.lines;
    // The text ends with its last line end: every line end counts a line, blank ones included.
    hit.lines += text.match(/\n/g)?.length ?? 0;
    for (const { line, raw } of jsonLineTexts(text))
      if (!hit.chain.feed(raw, before + line)) {
        hit.lines = before + line;
        break;
      }
    if (!hit.chain.broken) {
      hit.prefixBytes = end;
      hit.prefixDigest = digest(bytes.subarray(0, end));
    }
  }
  if (!hit.chain.broken) cache.set(root, hit);
  else cache.delete(root);
  const tail = bytes.subarray(end).toString('utf8');
  return { chain: hit.chain, unfinishedLine: tail.trim() ? hit.lines + 1 : undefined };
}

/**
 * Read and verify a workspace's trust chain: the audit log (links, hashes, each signature against the
 * roster the entries before it built), its signed head, and this clone's pin. Never throws: a file
 * that cannot be read or does not check is the `broken` reason, and callers decide (fail closed).
 */
export async function readTrust(ws: { root: string; localDir: string }): Promise<TrustState> {
  // Nothing the chain reads changed since the last read (ctime cannot be set back): the same state.
  const stamp = (
    await Promise.all(
      [path.join(ws.root, auditFile), path.join(ws.root, auditHeadFile), path.join(ws.localDir, trustPinFile)].map(
        (f) =>
          stat(f).then(
            (s) => `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`,
            (err: NodeJS.ErrnoException) => err.code ?? 'error',
          ),
      ),
    )
  ).join('|');
  const last = lastRead.get(ws.root);
  if (last?.stamp === stamp) return last.state;
  const state = await readTrustFiles(ws);
  lastRead.set(ws.root, { stamp, state });
  return state;
}

const lastRead = new Map<string, { stamp: string; state: TrustState }>();

async function readTrustFiles(ws: { root: string; localDir: string }): Promise<TrustState> {
  const broken = (chain: ChainVerifier, b: TrustState['broken'], extra: Partial<TrustState> = {}): TrustState => ({
    ok: false,
    entries: chain.entries,
    unsigned: chain.unsigned,
    broken: b,
    notices: chain.notices,
    roster: chain.roster(),
    root: chain.root,
    chain,
    ...extra,
  });
  // Read in the reverse of the order a writer writes (the entry, then the head, then this clone's
  // pin): a pin or head read here was written after the entries it vouches for, so a writer
  // appending meanwhile can make the log look longer than the head says, never shorter.
  const pinRead = await readOptional(path.join(ws.localDir, trustPinFile));
  const headRead = await readOptional(path.join(ws.root, auditHeadFile));
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(ws.root, auditFile));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      return broken(new ChainVerifier(), {
        file: auditFile,
        line: 0,
        reason: `it cannot be read (${code ?? (err as Error).message})`,
        fix: restoreFix,
      });
    bytes = Buffer.alloc(0);
  }
  const { chain, unfinishedLine } = chainFor(ws.root, bytes);
  if (chain.broken) return broken(chain, { ...chain.broken, file: auditFile, fix: restoreFix }, { unfinishedLine });

  let head: AuditHead | undefined;
  if (headRead.error || headRead.text !== undefined) {
    const parsed = headRead.text === undefined ? undefined : safeJson(headRead.text, auditHeadSchema);
    if (!parsed)
      return broken(chain, {
        file: auditHeadFile,
        line: 0,
        reason: headRead.error ? `it cannot be read (${headRead.error})` : 'it is damaged (not a signed head)',
        fix: restoreFix,
      });
    head = parsed;
  }
  const headProblem = checkHead(head, chain);
  if (headProblem)
    return broken(chain, { file: auditHeadFile, line: 0, reason: headProblem, fix: restoreFix }, { unfinishedLine });

  const pin: TrustPin | undefined =
    pinRead.text === undefined && !pinRead.error ? { entries: 0 } : safeJson(pinRead.text ?? '', trustPinSchema);
  const pinFile = path.posix.join('.almanac', trustPinFile);
  if (!pin)
    return broken(chain, {
      file: pinFile,
      line: 0,
      reason: "this clone's record of the log it has seen is damaged",
      fix: `Delete ${pinFile} to trust the audit log as it is now (check it with almanac audit verify first).`,
    });
  const pinProblem = checkPin(pin, chain);
  if (pinProblem)
    return broken(chain, {
      file: auditFile,
      line: 0,
      reason: pinProblem,
      fix: `Sync with the team to get the entries back. If the log was replaced on purpose, delete ${pinFile} to trust it as it is now.`,
    });
  return {
    ok: true,
    entries: chain.entries,
    unsigned: chain.unsigned,
    notices: chain.notices,
    roster: chain.roster(),
    root: chain.root,
    headEntries: head?.entries,
    chain,
    unfinishedLine,
  };
}

function safeJson<T>(text: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Forget the cached replay of a workspace's log (tests that rewrite it, a repaired log). */
export function forgetTrust(root: string): void {
  cache.delete(root);
  lastRead.delete(root);
}
