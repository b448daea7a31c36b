import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { atomicWrite } from '../workspace/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { checkSnapshotFolder, manifestFile, type SignedManifest } from '../publish/index.js';
import { defaultBundleLimits, unpackBundle, type BundleLimits } from './unpackBundle.js';

/**
 * What `active.json` records: the snapshot in service, and the history of the ones in service
 * before it, newest first, one entry per activation (repeats kept), so a rollback goes back to
 * whatever served before the current one.
 */
export interface ActiveState {
  id: string;
  activatedAt: string;
  previous: string[];
}

/** How many earlier activations `active.json` remembers. */
const historyLength = 50;

export interface StoredSnapshot {
  id: string;
  createdAt: string;
  createdBy: string;
  articles: number;
  parent: string | null;
  active: boolean;
}

/**
 * An agent's data folder. `snapshots/<id>/` holds only snapshots that were checked whole and
 * trusted before a rename put them there; `incoming/` holds uploads in progress and is emptied at
 * start; `active.json` names the snapshot in service and changes by atomic rename, so a crash at any
 * moment leaves the last fully activated snapshot in force.
 */
export class SnapshotStore {
  private constructor(
    readonly dataDir: string,
    private readonly trusted: string[],
  ) {}

  static async open(dataDir: string, trusted: string[]): Promise<SnapshotStore> {
    const store = new SnapshotStore(dataDir, trusted);
    await rm(store.incomingDir, { recursive: true, force: true });
    await mkdir(store.incomingDir, { recursive: true });
    await mkdir(store.snapshotsDir, { recursive: true });
    return store;
  }

  get snapshotsDir(): string {
    return path.join(this.dataDir, 'snapshots');
  }

  private get incomingDir(): string {
    return path.join(this.dataDir, 'incoming');
  }

  private get activeFile(): string {
    return path.join(this.dataDir, 'active.json');
  }

  dirOf(id: string): string {
    if (!/^[0-9a-f]{8,64}$/.test(id)) throw new AlmanacError('VALIDATION_FAILED', `"${id}" is not a snapshot id.`);
    return path.join(this.snapshotsDir, id);
  }

  /** Check a stored snapshot's files again, byte for byte, against its signed manifest. */
  async verify(id: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const checked = await checkSnapshotFolder(this.dirOf(id), this.trusted).catch((err: unknown) => ({
      ok: false as const,
      reason: err instanceof Error ? err.message : String(err),
    }));
    return checked.ok ? { ok: true } : { ok: false, reason: checked.reason };
  }

  /** A place for an upload to land before it is checked. */
  async incomingFile(): Promise<string> {
    return path.join(this.incomingDir, `${randomUUID()}.tar.gz`);
  }

  /**
   * Check a bundle file and install it (see `receiveStream`); the file is removed either way.
   */
  async receive(
    bundle: string,
    limits: BundleLimits = defaultBundleLimits,
  ): Promise<{ manifest: SignedManifest; created: boolean }> {
    try {
      return await this.receiveStream(createReadStream(bundle), limits);
    } finally {
      await rm(bundle, { force: true });
    }
  }

  /**
   * Unpack a bundle as it streams in, check it and install it: TOO_LARGE past one of `limits`,
   * VALIDATION_FAILED (malformed, cut off, tampered, unsigned or untrusted) leave nothing behind; a
   * snapshot already here is kept as it is.
   */
  async receiveStream(
    source: Readable,
    limits: BundleLimits = defaultBundleLimits,
  ): Promise<{ manifest: SignedManifest; created: boolean }> {
    const unpacked = path.join(this.incomingDir, randomUUID());
    try {
      await unpackBundle(source, unpacked, limits);
      const checked = await checkSnapshotFolder(unpacked, this.trusted);
      if (!checked.ok) throw new AlmanacError('VALIDATION_FAILED', `Snapshot refused: ${checked.reason}`);
      const target = this.dirOf(checked.manifest.id);
      if (await exists(path.join(target, manifestFile))) return { manifest: checked.manifest, created: false };
      await rm(target, { recursive: true, force: true });
      await rename(unpacked, target);
      return { manifest: checked.manifest, created: true };
    } finally {
      source.destroy();
      await rm(unpacked, { recursive: true, force: true });
    }
  }

  async manifest(id: string): Promise<SignedManifest> {
    try {
      return JSON.parse(await readFile(path.join(this.dirOf(id), manifestFile), 'utf8')) as SignedManifest;
    } catch (err) {
      if (err instanceof AlmanacError) throw err;
      throw new AlmanacError('NOT_FOUND', `This agent has no snapshot ${id}. Upload it first.`);
    }
  }

  async active(): Promise<ActiveState | undefined> {
    try {
      return JSON.parse(await readFile(this.activeFile, 'utf8')) as ActiveState;
    } catch {
      return undefined;
    }
  }

  /**
   * Record `id` as the snapshot in service, the one before it first in the history (atomic: the old
   * record or the new one, never half). Activating the snapshot already in service changes nothing.
   */
  async setActive(id: string): Promise<ActiveState> {
    const before = await this.active();
    if (before?.id === id) return before;
    return this.write(id, before ? [before.id, ...before.previous] : []);
  }

  /**
   * Record `id`, an earlier snapshot, as in service again: the history goes back to what it was when
   * `id` served, so a second rollback goes further back. A snapshot not in the history is activated.
   */
  async restore(id: string): Promise<ActiveState> {
    const before = await this.active();
    const at = before?.previous.indexOf(id) ?? -1;
    if (!before || at < 0) return this.setActive(id);
    return this.write(id, before.previous.slice(at + 1));
  }

  private async write(id: string, previous: string[]): Promise<ActiveState> {
    const state: ActiveState = {
      id,
      activatedAt: new Date().toISOString(),
      previous: previous.slice(0, historyLength),
    };
    await atomicWrite(this.activeFile, `${JSON.stringify(state, null, 2)}\n`);
    return state;
  }

  async list(): Promise<StoredSnapshot[]> {
    const active = (await this.active())?.id;
    const out: StoredSnapshot[] = [];
    for (const id of await readdir(this.snapshotsDir).catch(() => [] as string[])) {
      const m = await this.manifest(id).catch(() => undefined);
      if (!m) continue;
      out.push({
        id,
        createdAt: m.createdAt,
        createdBy: m.createdBy,
        articles: m.articles.length,
        parent: m.parent,
        active: id === active,
      });
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
