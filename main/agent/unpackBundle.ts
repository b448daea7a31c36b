import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { AlmanacError } from '../AlmanacError.js';

/** How much of a bundle an agent takes in; each is checked while the upload streams, before it is on disk. */
export interface BundleLimits {
  /** The .tar.gz as sent. */
  compressedBytes: number;
  /** The tar stream after gunzip (headers and padding included). */
  unpackedBytes: number;
  /** Files, folders and other entries. */
  entries: number;
  /** One entry's declared size. */
  entryBytes: number;
}

const MB = 1024 ** 2;
// A snapshot is Markdown articles plus a LanceDB index (vectors barely compress): real ones stay far below these.
export const defaultBundleLimits: BundleLimits = {
  compressedBytes: 512 * MB,
  unpackedBytes: 2048 * MB,
  entries: 100_000,
  entryBytes: 1024 * MB,
};

/** What a tar may hold after its end-of-archive blocks (tar pads to 10 KB records; 1 MB leaves room). */
const maxTrailingBytes = MB;

const size = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} bytes`);

const tooLarge = (what: string) =>
  new AlmanacError(
    'TOO_LARGE',
    `${what}: no snapshot is that large. Send the bundle almanac publish makes, or raise the agent's limit.`,
  );

const malformed = (why: string) =>
  new AlmanacError(
    'VALIDATION_FAILED',
    `The upload is not a snapshot bundle (${why}). Send the .tar.gz that almanac publish makes.`,
  );

/** The entry's path inside the folder (`''` for the folder itself), or undefined when it would leave it. */
function insidePath(name: string): string | undefined {
  const rel = name.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (rel === '' || rel === '.') return '';
  if (/[\\\0]/.test(rel) || rel.startsWith('/') || /^[a-zA-Z]:/.test(rel)) return undefined;
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
  return parts.join(path.sep);
}

/** Pass bytes through, refusing the stream once more than `limit` went by. */
function byteLimit(limit: number, refuse: () => AlmanacError): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(refuse());
      else done(null, chunk);
    },
  });
}

const fileTypes = new Set(['File', 'OldFile', 'ContiguousFile']);

/** Gzip or zstd magic: the tar parser would decompress such a stream itself, past the counters. */
const compressedAgain = (head: Buffer) =>
  (head[0] === 0x1f && head[1] === 0x8b) || head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));

/**
 * The end of the pipeline: a tar parser whose entries are written one at a time, each a plain file
 * or folder inside `dir` (links and devices are dropped), with the entry count and declared sizes
 * checked as each header arrives. Destroying it waits until no file is open any more.
 */
class TarToFolder extends Writable {
  private readonly parser: Parser;
  private failure: Error | undefined;
  private entries = 0;
  private declared = 0;
  private archiveEnded = false;
  private trailing = 0;
  /** The first bytes, held until there are enough to tell a tar from another compressed stream. */
  private head: Buffer | undefined = Buffer.alloc(0);
  private saving: Promise<void> = Promise.resolve();
  private current: ReadEntry | undefined;
  private readonly folders = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly limits: BundleLimits,
  ) {
    super();
    this.parser = new Parser({
      strict: true,
      filter: (_path, entry) => this.admit(entry as ReadEntry),
      onReadEntry: (entry) => this.queue(entry),
    });
    this.parser.on('error', (err: Error) => this.fail(malformed(err.message)));
    this.parser.on('eof', () => (this.archiveEnded = true));
  }

  /** Count the entry and check its declared size and path; false (skip it) once the upload is refused. */
  private admit(entry: ReadEntry): boolean {
    if (this.failure) return false;
    const { entries, entryBytes, unpackedBytes } = this.limits;
    this.declared += entry.size;
    if (++this.entries > entries) this.fail(tooLarge(`The upload holds more than ${entries} entries`));
    else if (entry.size > entryBytes)
      this.fail(tooLarge(`${entry.path.slice(0, 200)} in the upload is larger than ${size(entryBytes)}`));
    else if (this.declared > unpackedBytes)
      this.fail(tooLarge(`The files of the upload add up to more than ${size(unpackedBytes)}`));
    else if ((entry.type === 'Directory' || fileTypes.has(entry.type)) && insidePath(entry.path) === undefined)
      this.fail(malformed(`${entry.path.slice(0, 200)} is outside the snapshot folder`));
    return !this.failure;
  }

  private queue(entry: ReadEntry): void {
    this.saving = this.saving.then(() => this.save(entry)).catch((err: unknown) => this.fail(asUploadError(err)));
  }

  private async save(entry: ReadEntry): Promise<void> {
    const rel = insidePath(entry.path);
    const isFile = fileTypes.has(entry.type);
    if (this.failure || rel === undefined || (!isFile && entry.type !== 'Directory') || (isFile && rel === '')) {
      entry.resume();
      return;
    }
    const target = path.join(this.dir, rel);
    if (!isFile) {
      await this.folder(target);
      entry.resume();
      return;
    }
    await this.folder(path.dirname(target));
    const handle = await open(target, 'wx');
    try {
      this.current = entry;
      const chunks = entry[Symbol.asyncIterator]();
      while (!this.failure) {
        const next = await chunks.next();
        if (next.done) break;
        await handle.write(next.value as Buffer);
      }
    } finally {
      this.current = undefined;
      await handle.close();
    }
  }

  private async folder(dir: string): Promise<void> {
    if (this.folders.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.folders.add(dir);
  }

  /** Refuse the upload: the pipeline stops at the next step, and `_destroy` waits for open files. */
  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    process.nextTick(() => this.destroy(err));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    if (this.failure) return done(this.failure);
    if (this.head) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return done();
      [chunk, this.head] = [this.head, undefined];
      if (compressedAgain(chunk)) this.fail(malformed('the gzip holds another compressed file, not a tar'));
      if (this.failure) return done(this.failure);
    }
    if (this.archiveEnded) {
      // After the end-of-archive blocks the parser would keep every byte: count them and drop them.
      this.trailing += chunk.length;
      if (this.trailing > maxTrailingBytes) this.fail(malformed('it goes on after the end of its archive'));
      return done(this.failure);
    }
    const ready = this.parser.write(chunk);
    if (this.failure) return done(this.failure);
    if (ready) done();
    else this.parser.once('drain', () => done(this.failure));
  }

  override _final(done: (err?: Error | null) => void): void {
    if (this.head) return done(malformed('it is too short to be a tar'));
    const parsed = new Promise<void>((resolve) => this.parser.once('end', resolve));
    this.parser.end();
    void parsed.then(() => this.saving).then(() => done(this.failure));
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.failure ??= err ?? malformed('the upload stopped');
    this.current?.destroy();
    void this.saving.then(() => done(err));
  }
}

/** The error to answer for a failed unpack: ours as they are, a damaged or cut-off stream as VALIDATION_FAILED. */
function asUploadError(err: unknown): Error {
  if (err instanceof AlmanacError) return err;
  const e = err as NodeJS.ErrnoException & { tarCode?: string };
  if (e.tarCode || e.code?.startsWith('Z_')) return malformed(e.message);
  if (['EEXIST', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EINVAL'].includes(e.code ?? ''))
    return malformed(`an entry cannot be written: ${e.message}`);
  if (['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes(e.code ?? '') || e.name === 'AbortError')
    return malformed('the upload was cut off before its end; send it again');
  return e instanceof Error ? e : new Error(String(err));
}

/**
 * Stream a gzipped tar into `dir` (created), checking `limits` as the bytes arrive: TOO_LARGE past a
 * limit, VALIDATION_FAILED when it is not a gzipped tar of plain files inside the folder or the
 * upload is cut off. On any failure the caller removes `dir`; no file in it is still open then.
 */
export async function unpackBundle(source: Readable, dir: string, limits: BundleLimits): Promise<void> {
  await mkdir(dir, { recursive: true });
  try {
    await pipeline(
      source,
      byteLimit(limits.compressedBytes, () => tooLarge(`The upload is larger than ${size(limits.compressedBytes)}`)),
      createGunzip(),
      byteLimit(limits.unpackedBytes, () => tooLarge(`The upload unpacks to more than ${size(limits.unpackedBytes)}`)),
      new TarToFolder(dir, limits),
    );
  } catch (err) {
    throw asUploadError(err);
  }
}
