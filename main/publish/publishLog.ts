import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { auditFile } from '../audit/index.js';
import type { Workspace } from '../workspace/Workspace.js';

/** One publish or rollback, as the audit log recorded it. */
export interface PublishLogEntry {
  time: string;
  actor: string | null;
  action: 'snapshot.publish' | 'snapshot.rollback';
  snapshot: string;
  target: string;
  previous?: string | null;
  articles?: number;
  /** The reason a manager gave for publishing past a failed golden-set gate. */
  override?: string;
}

/** Every publish and rollback of this workspace, newest first (from the audit log, so it travels with sync). */
export async function publishLog(ws: Workspace): Promise<PublishLogEntry[]> {
  const text = await readFile(path.join(ws.root, auditFile), 'utf8').catch(() => '');
  const out: PublishLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('"snapshot.')) continue;
    try {
      const e = JSON.parse(line) as {
        time: string;
        actor: string | null;
        action: string;
        subject: string;
        details?: Record<string, unknown>;
      };
      if (e.action !== 'snapshot.publish' && e.action !== 'snapshot.rollback') continue;
      out.push({
        time: e.time,
        actor: e.actor,
        action: e.action,
        snapshot: e.subject,
        target: String(e.details?.target ?? ''),
        previous: (e.details?.previous as string | null | undefined) ?? undefined,
        articles: typeof e.details?.articles === 'number' ? e.details.articles : undefined,
        override: typeof e.details?.override === 'string' ? e.details.override : undefined,
      });
    } catch {
      continue;
    }
  }
  return out.reverse();
}
