import { open } from 'node:fs/promises';

export type TextFileResult = { ok: true; text: string } | { ok: false; reason: string };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why a file is refused, worded the same whether it is read whole or streamed. */
export const refusals = {
  tooLarge: (size: number, maxBytes: number) =>
    `File is ${mb(size)}; the limit is ${mb(maxBytes)}. Split it into smaller files and import them.`,
  empty: 'File is empty. Add content or leave it out.',
  binary: 'File looks binary (it contains NUL bytes), not text. Export it as Markdown, HTML, JSONL or CSV.',
  notUtf8: (at: number) =>
    `File is not valid UTF-8 (first bad byte at offset ${at}). Save it as UTF-8 (for GBK/GB18030 files: iconv -f GB18030 -t UTF-8) and import it again.`,
};

/**
 * Read a text file for import, refusing what would import as garbage: too large, empty,
 * binary, or not UTF-8 (UTF-16 with a byte-order mark is accepted).
 */
export async function readTextFile(file: string, maxBytes: number): Promise<TextFileResult> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      return { ok: false, reason: refusals.tooLarge(size, maxBytes) };
    }
    const bytes = Buffer.alloc(size);
    await handle.read(bytes, 0, size, 0);
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
      return text.trim() ? { ok: true, text } : { ok: false, reason: refusals.empty };
    }
    const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
    if (probe.includes(0)) {
      return { ok: false, reason: refusals.binary };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { ok: false, reason: refusals.notUtf8(firstInvalidUtf8(bytes)) };
    }
    if (!text.trim()) return { ok: false, reason: refusals.empty };
    return { ok: true, text };
  } finally {
    await handle.close();
  }
}

/** Offset of the first byte that is not part of valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
