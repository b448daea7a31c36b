import { fs, git } from '../versions/index.js';
import { compareTrees, type TreeEntry } from './compareTrees.js';
import { mergeById, mergesById } from './mergeById.js';
import { mergesByLines, unionLines } from './unionLines.js';
import { mergeAuditLogs } from '../trust/index.js';

/** A file the merge changes relative to our commit, or a file both sides changed differently. */
export interface MergedPath {
  path: string;
  base: TreeEntry | null;
  ours: TreeEntry | null;
  theirs: TreeEntry | null;
  /** The merged file (null: deleted); for a conflict, our file. */
  result: TreeEntry | null;
  how: 'theirs' | 'lines' | 'conflict';
}

/** Merges two sides of the audit log against their base (each entry once, the chain re-linked). */
export type MergeAudit = (base: string | null, ours: string, theirs: string) => string;

export const auditLogPath = 'audit/log.jsonl';
/** The signed head of the audit log: our entries come first in a merged log, so our head still holds. */
export const auditHeadPath = 'audit/head.json';

/** The text of a blob, or null for a missing file. */
export async function blobText(dir: string, entry: { oid: string } | null): Promise<string | null> {
  if (!entry) return null;
  const { blob } = await git.readBlob({ fs, dir, oid: entry.oid });
  return Buffer.from(blob).toString('utf8');
}

/** Merge append-only lines from three texts; the audit log entry by entry (or by the rule given). */
export function mergeLines(
  filepath: string,
  base: string | null,
  ours: string,
  theirs: string,
  mergeAudit?: MergeAudit,
): string {
  return filepath === auditLogPath
    ? (mergeAudit ?? mergeAuditLogs)(base, ours, theirs)
    : unionLines(base, ours, theirs);
}

/**
 * Three-way merge of two commits' files against their merge base (null: none in common): a side
 * that alone changed a file wins, JSON-lines records are united, any other file both sides changed
 * differently is a conflict. Returns only the files that differ from ours, and the conflicts.
 */
export async function mergeTrees(
  dir: string,
  base: string | null,
  ours: string | null,
  theirs: string,
  mergeAudit?: MergeAudit,
): Promise<MergedPath[]> {
  const rows = await compareTrees(dir, [base, ours, theirs]);
  const out: MergedPath[] = [];
  for (const { path: filepath, entries } of rows) {
    const [b, o, t] = entries as [TreeEntry | null, TreeEntry | null, TreeEntry | null];
    const [bo, oo, to] = [b?.oid ?? null, o?.oid ?? null, t?.oid ?? null];
    const row = { path: filepath, base: b, ours: o, theirs: t };
    if (oo === to || bo === to) continue;
    if (bo === oo) {
      out.push({ ...row, result: t, how: 'theirs' });
    } else if (filepath === auditHeadPath && o) {
      continue;
    } else if (o && t && mergesByLines(filepath)) {
      const text = mergeLines(
        filepath,
        await blobText(dir, b),
        (await blobText(dir, o))!,
        (await blobText(dir, t))!,
        mergeAudit,
      );
      const oid = await git.writeBlob({ fs, dir, blob: Buffer.from(text, 'utf8') });
      if (oid !== oo) out.push({ ...row, result: { oid, mode: o.mode }, how: 'lines' });
    } else if (o && t && mergesById(filepath)) {
      const text = mergeById(await blobText(dir, b), (await blobText(dir, o))!, (await blobText(dir, t))!);
      if (text === null) out.push({ ...row, result: o, how: 'conflict' });
      else {
        const oid = await git.writeBlob({ fs, dir, blob: Buffer.from(text, 'utf8') });
        if (oid !== oo) out.push({ ...row, result: { oid, mode: o.mode }, how: 'lines' });
      }
    } else {
      out.push({ ...row, result: o, how: 'conflict' });
    }
  }
  return out;
}
