import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Workspace } from '../workspace/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { auditFile } from '../trust/index.js';

/** One line of the audit log as the studio lists it; `line` is 1-based, as `audit verify` reports it. */
export interface AuditListing {
  line: number;
  time?: string;
  actor?: string | null;
  action?: string;
  subject?: string;
  details?: Record<string, unknown>;
  signed: boolean;
  /** Set when the line is not an entry at all (verification says why the chain breaks). */
  unreadable?: boolean;
}

export interface AuditPage {
  total: number;
  entries: AuditListing[];
}

function listing(line: string, number: number): AuditListing {
  try {
    const e = JSON.parse(line) as Record<string, unknown>;
    if (typeof e !== 'object' || e === null || typeof e.action !== 'string') throw new Error('not an entry');
    return {
      line: number,
      time: typeof e.time === 'string' ? e.time : undefined,
      actor: typeof e.actor === 'string' ? e.actor : null,
      action: e.action,
      subject: typeof e.subject === 'string' ? e.subject : undefined,
      details: typeof e.details === 'object' && e.details ? (e.details as Record<string, unknown>) : undefined,
      signed: typeof e.sig === 'string',
    };
  } catch {
    return { line: number, signed: false, unreadable: true };
  }
}

/**
 * The audit log newest first, `limit` entries from `offset` (0 = the newest). Reads what is in the
 * file without judging it: `verifyAudit` says whether the chain holds.
 */
export async function auditEntries(ws: Workspace, { offset = 0, limit = 50 } = {}): Promise<AuditPage> {
  const text = await readFile(path.join(ws.root, auditFile), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw new AlmanacError('DAMAGED', `${auditFile} cannot be read (${err.code ?? err.message}).`, {
      problems: [{ file: auditFile, message: `cannot be read (${err.code})` }],
    });
  });
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  const end = Math.max(0, all.length - offset);
  const start = Math.max(0, end - limit);
  const entries: AuditListing[] = [];
  for (let i = end - 1; i >= start; i--) entries.push(listing(all[i]!, i + 1));
  return { total: all.length, entries };
}
