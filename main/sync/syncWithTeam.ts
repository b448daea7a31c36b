import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { relinkAudit } from '../audit/index.js';
import type { Signer } from '../team/index.js';
import { resolveAuthor } from '../versions/authors.js';
import type { Workspace } from '../workspace/Workspace.js';
import { workspaceConfigSchema } from '../workspace/workspaceConfig.js';
import { syncWorkspace, type SyncResult } from './syncWorkspace.js';
import type { HttpAuth } from './httpTransport.js';

/**
 * Sync as a team member: the merge commit is theirs, the audit chain is re-linked after both sides'
 * entries are united, and a roster changed by the pull is loaded into `ws.config`.
 */
export async function syncWithTeam(
  ws: Workspace,
  options: { remote?: string; signer?: Signer; auth?: HttpAuth },
): Promise<SyncResult> {
  const result = await syncWorkspace(ws, {
    remote: options.remote,
    auth: options.auth,
    author: resolveAuthor(ws, options.signer?.member.id),
    relinkAudit,
  });
  if (result.changedPaths.includes('almanac.json')) {
    // A roster that does not parse keeps the one loaded; opening the workspace again names the problem.
    const text = await readFile(path.join(ws.root, 'almanac.json'), 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = workspaceConfigSchema.safeParse(value);
    if (parsed.success) ws.config = parsed.data;
  }
  return result;
}
