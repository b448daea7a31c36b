import { trustOf } from '../trust/index.js';
import type { Workspace } from '../workspace/index.js';
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

/**
 * Every publish and rollback of this workspace, newest first: from the verified audit chain (so it
 * travels with sync); when the chain does not verify, from its entries up to the break.
 */
export async function publishLog(ws: Workspace): Promise<PublishLogEntry[]> {
  const out: PublishLogEntry[] = [];
  for (const e of (await trustOf(ws)).chain.events) {
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
  }
  return out.reverse();
}
