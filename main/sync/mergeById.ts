import { parseJsonLines } from '../workspace/index.js';

/** JSON-lines files whose records carry an `id` and may be edited, not only appended: golden sets. */
export function mergesById(filepath: string): boolean {
  return /^evals\/[\w-]+\.jsonl$/.test(filepath);
}

/** Each record's line, by the record's id. */
type Records = Map<string, string>;

/**
 * The lines of a JSON-lines text by their record's id (the records themselves into `values`, when
 * given); undefined when a line has no id (or is not JSON).
 */
function byId(text: string | null, values?: Map<string, Record<string, unknown>>): Records | undefined {
  const out: Records = new Map();
  const { records, bad } = parseJsonLines(text ?? '');
  if (bad.length) return undefined;
  for (const { value, raw } of records) {
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const id = record.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || out.has(String(id))) return undefined;
    out.set(String(id), raw);
    values?.set(String(id), record);
  }
  return out;
}

/** The next free `q<n>` id, as golden sets number their questions. */
function freeId(taken: Set<string>): string {
  let n = taken.size + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

/**
 * Three-way merge of records by id: a record only one side changed, added or removed takes that
 * side; both sides adding different records under the same id keeps both (theirs gets the next free
 * id). Null when both sides changed the same record differently, one side changed what the other
 * removed, or a line has no id: the file is then a conflict for a person to settle.
 */
export function mergeById(base: string | null, ours: string, theirs: string): string | null {
  const theirRecords = new Map<string, Record<string, unknown>>();
  const [b, o, t] = [byId(base), byId(ours), byId(theirs, theirRecords)];
  if (!b || !o || !t) return null;
  const out: Records = new Map();
  for (const [id, line] of o) {
    const before = b.get(id);
    const other = t.get(id);
    if (other === line) out.set(id, line);
    else if (before === undefined)
      out.set(id, line); // added here (theirs, if also added, comes below)
    else if (other === undefined) {
      if (line !== before) return null; // changed here, removed there
    } else if (line === before) out.set(id, other);
    else if (other === before) out.set(id, line);
    else return null;
  }
  const taken = new Set([...o.keys(), ...t.keys()]);
  for (const [id, line] of t) {
    if (o.has(id) && (b.has(id) || o.get(id) === line)) continue;
    if (!o.has(id)) {
      if (b.has(id)) {
        if (line !== b.get(id)) return null; // changed there, removed here
        continue;
      }
      out.set(id, line);
      continue;
    }
    // Both sides added a different record under the same new id: keep theirs under a free one.
    const renamed = freeId(taken);
    taken.add(renamed);
    out.set(renamed, JSON.stringify({ ...theirRecords.get(id), id: renamed }));
  }
  return out.size ? `${[...out.values()].join('\n')}\n` : '';
}
