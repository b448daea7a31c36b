import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { z } from 'zod';

/** A line of a JSON-lines text that read as a value (of the schema, when one was given). */
export interface JsonLine<T> {
  /** 1-based line in the text. */
  line: number;
  value: T;
  /** The line as it is in the text (without its line end). */
  raw: string;
}

/** A line that did not: the reader only reports it, the caller decides what it means. */
export interface BadJsonLine {
  line: number;
  raw: string;
  /** 'not valid JSON', or what the schema says is wrong ("path: message; …"). */
  reason: string;
  /** JSON.parse's own message, when the line is not JSON. */
  syntaxError?: string;
  /** The schema's issues, when the line is JSON of the wrong shape. */
  issues?: z.core.$ZodIssue[];
}

export interface JsonLines<T> {
  records: JsonLine<T>[];
  bad: BadJsonLine[];
}

/** The non-blank lines of a text with their 1-based numbers; a line ends with '\n' or '\r\n'. */
export function jsonLineTexts(text: string): { line: number; raw: string }[] {
  const out: { line: number; raw: string }[] = [];
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const raw = text.slice(start, stop > start && text[stop - 1] === '\r' ? stop - 1 : stop);
    if (raw.trim() !== '') out.push({ line: n, raw });
    if (end === -1) break;
    start = end + 1;
  }
  return out;
}

const issueText = (issues: z.core.$ZodIssue[]) =>
  issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/**
 * Parse one line (white space around it, a byte-order mark too, is ignored) and check it against
 * `schema`: the value, or why it is not one. Never throws.
 */
export function parseJsonLine<T = unknown>(
  raw: string,
  schema?: z.ZodType<T>,
): { value: T } | Omit<BadJsonLine, 'line' | 'raw'> {
  let json: unknown;
  try {
    json = JSON.parse(raw.trim());
  } catch (err) {
    return { reason: 'not valid JSON', syntaxError: (err as Error).message };
  }
  if (!schema) return { value: json as T };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { reason: issueText(parsed.error.issues), issues: parsed.error.issues };
  return { value: parsed.data };
}

/**
 * Parse a JSON-lines text: every non-blank line is a record or a bad line (not JSON, or not of
 * `schema`), each with its 1-based line number. Never throws on a bad line.
 */
export function parseJsonLines<T = unknown>(text: string, schema?: z.ZodType<T>): JsonLines<T> {
  const records: JsonLine<T>[] = [];
  const bad: BadJsonLine[] = [];
  for (const { line, raw } of jsonLineTexts(text)) {
    const parsed = parseJsonLine(raw, schema);
    if ('value' in parsed) records.push({ line, value: parsed.value, raw });
    else bad.push({ line, raw, ...parsed });
  }
  return { records, bad };
}

/** Records and bad lines together, in the order of the text. */
export function inFileOrder<T>({ records, bad }: JsonLines<T>): (JsonLine<T> | BadJsonLine)[] {
  return [...records, ...bad].sort((a, b) => a.line - b.line);
}

/** `parseJsonLines` on a file: a missing file has no lines; any other read error throws. */
export async function readJsonLines<T = unknown>(file: string, schema?: z.ZodType<T>): Promise<JsonLines<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], bad: [] };
    throw err;
  }
  return parseJsonLines(text, schema);
}

/**
 * Append `value` as one JSON line (the file is created if missing) and fsync it. When the file does
 * not end with a line end (a crash while appending tore its last line), the new line starts on a
 * line of its own instead of being glued to the torn one. `noFollow` refuses a symbolic link (ELOOP).
 */
export async function appendJsonLine(
  file: string,
  value: unknown,
  options: { noFollow?: boolean } = {},
): Promise<void> {
  const line = JSON.stringify(value) as string | undefined;
  if (line === undefined) throw new TypeError(`Cannot append ${typeof value} as a JSON line.`);
  const flags =
    constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  const handle = await open(file, flags, 0o644);
  try {
    const { size } = await handle.stat();
    let torn = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      torn = last[0] !== 0x0a;
    }
    await handle.appendFile(`${torn ? '\n' : ''}${line}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
