import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { advancePin } from '../audit/index.js';
import type { Signer } from '../identity/index.js';
import {
  auditFile,
  auditHeadFile,
  auditHeadSchema,
  checkHead,
  entryId,
  bodyOf,
  logLines,
  mergeAuditLogs,
  parseEntry,
  replayChain,
  trustOf,
} from '../trust/index.js';
import { fs, git } from '../versions/index.js';
import { resolveAuthor } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import { workspaceConfigSchema } from '../workspace/index.js';
import { syncWorkspace, type SyncResult } from './syncWorkspace.js';
import type { HttpAuth } from './httpTransport.js';

/** A file of a commit, or undefined when the commit does not have it. */
async function fileAt(dir: string, commit: string, filepath: string): Promise<string | undefined> {
  try {
    const { blob } = await git.readBlob({ fs, dir, oid: commit, filepath });
    return Buffer.from(blob).toString('utf8');
  } catch {
    return undefined;
  }
}

const entryIds = (text: string) =>
  new Set(
    logLines(text).flatMap((line) => {
      const parsed = parseEntry(line);
      return 'entry' in parsed ? [entryId(bodyOf(parsed.entry), parsed.entry.sig)] : [];
    }),
  );

/**
 * Judge a remote commit's trust chain as a local one is judged: its audit log verifies against the
 * roster its own entries build, its signed head holds, its root is this team's, and it still has
 * every entry of the commit this clone pulled last (an attacker with write access to the remote
 * cannot drop or rewrite entries without a key).
 */
async function checkIncomingTrust(ws: Workspace, theirs: string, lastSeen: string | null): Promise<string | undefined> {
  const log = (await fileAt(ws.root, theirs, auditFile)) ?? '';
  const chain = replayChain(log);
  if (chain.broken) return `its ${auditFile} does not verify at line ${chain.broken.line} (${chain.broken.reason})`;
  const headText = await fileAt(ws.root, theirs, auditHeadFile);
  let head;
  try {
    head = headText === undefined ? undefined : auditHeadSchema.parse(JSON.parse(headText));
  } catch {
    return `its ${auditHeadFile} is damaged`;
  }
  const headProblem = checkHead(head, chain);
  if (headProblem) return `its audit log: ${headProblem}`;
  const ours = (await trustOf(ws)).root;
  if (ours && (chain.root?.member !== ours.member || chain.root.publicKey !== ours.publicKey))
    return `its team has another root (${chain.root?.member ?? 'none'}) than this workspace's (${ours.member})`;
  if (lastSeen) {
    const had = entryIds((await fileAt(ws.root, lastSeen, auditFile)) ?? '');
    const has = entryIds(log);
    const missing = [...had].filter((id) => !has.has(id)).length;
    if (missing)
      return `its audit log lacks ${missing} entr${missing === 1 ? 'y' : 'ies'} it had when this workspace last pulled`;
  }
  return undefined;
}

/**
 * Sync as a team member: the remote's trust chain is checked before anything is merged, the audit
 * logs are merged entry by entry (our signed head still holds), the roster is rebuilt from the
 * merged chain and this clone's pin moves on.
 */
export async function syncWithTeam(
  ws: Workspace,
  options: { remote?: string; signer?: Signer; auth?: HttpAuth },
): Promise<SyncResult> {
  const result = await syncWorkspace(ws, {
    remote: options.remote,
    auth: options.auth,
    author: resolveAuthor(ws, options.signer?.member.id),
    mergeAudit: mergeAuditLogs,
    checkIncoming: (theirs, lastSeen) => checkIncomingTrust(ws, theirs, lastSeen),
  });
  const state = await trustOf(ws);
  await advancePin(ws, state);
  if (result.changedPaths.includes('almanac.json')) {
    // The roster copy and the other settings as pulled; a file that does not parse keeps the loaded ones.
    const text = await readFile(path.join(ws.root, 'almanac.json'), 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = workspaceConfigSchema.safeParse(value);
    if (parsed.success) {
      ws.config = { ...parsed.data, team: state.roster };
      ws.rosterCache = parsed.data.team;
    }
  }
  return result;
}
