import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { firstInvalidUtf8, refusals } from './readTextFile.js';

/** A file refused for what it is (too large, binary, not UTF-8, empty), with the reason to report. */
export class TextRefused extends Error {}

const probeBytes = 65536;

/** Where a trailing UTF-8 sequence that the next chunk completes starts; the buffer's length when none. */
function completeLength(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/**
 * The text of a file a chunk at a time, never all of it in memory, refusing what `readTextFile`
 * refuses (throws `TextRefused`): larger than `maxBytes`, binary, not UTF-8 (UTF-16 with a
 * byte-order mark is accepted), or empty (found out at the end).
 */
export async function* textChunks(file: string, maxBytes: number): AsyncGenerator<string> {
  const { size } = await stat(file);
  if (size > maxBytes) throw new TextRefused(refusals.tooLarge(size, maxBytes));
  if (size === 0) throw new TextRefused(refusals.empty);
  let utf16: InstanceType<typeof TextDecoder> | undefined;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Buffer | undefined;
  let offset = 0;
  let sawText = false;
  const emit = (text: string): string => {
    if (!sawText && /\S/.test(text)) sawText = true;
    return text;
  };
  const decode8 = (piece: Buffer, start: number): string => {
    try {
      const text = utf8.decode(piece);
      return start === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      throw new TextRefused(refusals.notUtf8(start + firstInvalidUtf8(piece)));
    }
  };
  for await (const chunk of createReadStream(file, { highWaterMark: probeBytes, start: 0, end: size - 1 })) {
    const bytes = chunk as Buffer;
    if (offset === 0 && bytes.length >= 2) {
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        utf16 = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
    }
    if (!utf16 && offset < probeBytes && bytes.subarray(0, probeBytes - offset).includes(0))
      throw new TextRefused(refusals.binary);
    const start = offset;
    offset += bytes.length;
    if (utf16) {
      yield emit(utf16.decode(bytes, { stream: true }));
      continue;
    }
    const piece = carry ? Buffer.concat([carry, bytes]) : bytes;
    const pieceStart = start - (carry?.length ?? 0);
    const upTo = completeLength(piece);
    carry = upTo < piece.length ? Buffer.from(piece.subarray(upTo)) : undefined;
    if (upTo > 0) yield emit(decode8(piece.subarray(0, upTo), pieceStart));
  }
  if (utf16) yield emit(utf16.decode());
  else if (carry) yield emit(decode8(carry, offset - carry.length));
  if (!sawText) throw new TextRefused(refusals.empty);
}

/** Read a file through `textChunks` without keeping it: undefined when it is fine, else why not. */
export async function checkText(file: string, maxBytes: number): Promise<string | undefined> {
  try {
    for await (const _chunk of textChunks(file, maxBytes)) {
      // Only read through: textChunks throws what it refuses.
    }
    return undefined;
  } catch (err) {
    if (err instanceof TextRefused) return err.message;
    throw err;
  }
}

export interface TextLine {
  /** 1-based line number. */
  n: number;
  /** The line without its line break; undefined when it is longer than the limit (not kept). */
  text?: string;
  /** Characters in the line. */
  length: number;
}

/**
 * The lines of a stream of text, one at a time. A line longer than `maxChars` is not kept: it is
 * yielded with its length only, so one endless line costs no memory.
 */
export async function* textLines(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<TextLine> {
  let parts: string[] = [];
  let length = 0;
  let n = 0;
  const line = (last: string): TextLine => {
    n++;
    const total = length + last.length;
    let text: string | undefined;
    if (total <= maxChars) text = parts.length ? parts.join('') + last : last;
    parts = [];
    length = 0;
    if (text?.endsWith('\r')) text = text.slice(0, -1);
    return { n, text, length: text?.length ?? total };
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      yield line(chunk.slice(from, nl));
      from = nl + 1;
    }
    const rest = chunk.slice(from);
    if (length + rest.length <= maxChars) parts.push(rest);
    else parts = [];
    length += rest.length;
  }
  if (length > 0) yield line('');
}
