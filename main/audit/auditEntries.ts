import path from 'node:path';
import { z } from 'zod';
import { inFileOrder, readJsonLines, type BadJsonLine, type JsonLine, type Workspace } from '../workspace/index.js';
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

/** A line the listing can show: an object with an action; its other fields are shown when they have their types. */
const listedSchema = z.looseObject({ action: z.string() });

function listing(line: JsonLine<z.infer<typeof listedSchema>> | BadJsonLine): AuditListing {
  if (!('value' in line)) return { line: line.line, signed: false, unreadable: true };
  const e = line.value;
  return {
    line: line.line,
    time: typeof e.time === 'string' ? e.time : undefined,
    actor: typeof e.actor === 'string' ? e.actor : null,
    action: e.action,
    subject: typeof e.subject === 'string' ? e.subject : undefined,
    details: typeof e.details === 'object' && e.details ? (e.details as Record<string, unknown>) : undefined,
    signed: typeof e.sig === 'string',
  };
}

/**
 * The audit log newest first, `limit` entries from `offset` (0 = the newest). Reads what is in the
 * file without judging it: `verifyAudit` says whether the chain holds. Blank lines are not entries
 * (the chain skips them too); a line that is not one is listed as unreadable.
 */
export async function auditEntries(ws: Workspace, { offset = 0, limit = 50 } = {}): Promise<AuditPage> {
  const read = await readJsonLines(path.join(ws.root, auditFile), listedSchema).catch((err: NodeJS.ErrnoException) => {
    throw new AlmanacError('DAMAGED', `${auditFile} cannot be read (${err.code ?? err.message}).`, {
      problems: [{ file: auditFile, message: `cannot be read (${err.code})` }],
    });
  });
  const all = inFileOrder(read);
  const end = Math.max(0, all.length - offset);
  const start = Math.max(0, end - limit);
  return { total: all.length, entries: all.slice(start, end).reverse().map(listing) };
}
