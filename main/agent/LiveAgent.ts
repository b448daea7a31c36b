import { AlmanacError } from '../AlmanacError.js';
import type { Knowledge } from '../answer/index.js';
import type { PassageEmbedder } from '../indexing/index.js';
import { openSnapshot, type SignedManifest } from '../publish/index.js';
import type { SnapshotStore } from './SnapshotStore.js';

/** A snapshot opened for answering; closed once it is out of service and its last request is done. */
export interface LoadedSnapshot {
  id: string;
  manifest: SignedManifest;
  knowledge: Knowledge;
}

interface Slot extends LoadedSnapshot {
  users: number;
  retired: boolean;
  close(): void;
}

/**
 * The snapshot in service. Each request takes the snapshot active when it starts and keeps it to
 * the end; an activation loads the next snapshot completely before one assignment puts it in
 * service, so no request sees half of one or fails during a swap.
 */
export class LiveAgent {
  private current: Slot | undefined;
  private switching: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: SnapshotStore,
    private readonly embedder?: PassageEmbedder,
  ) {}

  /**
   * Serve the snapshot `active.json` names (after a restart, the last fully activated one). A
   * snapshot whose files no longer check (a damaged disk, a hand edit) or that cannot be opened is
   * skipped for the one before it, which becomes the active one; `skipped` says which and why.
   */
  async resume(): Promise<{ id: string | undefined; skipped: { id: string; reason: string }[] }> {
    const active = await this.store.active();
    const skipped: { id: string; reason: string }[] = [];
    if (!active) return { id: undefined, skipped };
    for (const id of [active.id, ...active.previous]) {
      const checked = await this.store.verify(id);
      if (!checked.ok) {
        skipped.push({ id, reason: checked.reason });
        continue;
      }
      try {
        this.put(await this.load(id));
      } catch (err) {
        skipped.push({ id, reason: err instanceof Error ? err.message : String(err) });
        continue;
      }
      if (id !== active.id) await this.store.setActive(id);
      return { id, skipped };
    }
    return { id: undefined, skipped };
  }

  get activeId(): string | undefined {
    return this.current?.id;
  }

  /** How the snapshot in service is searched: hybrid when it carries vectors of this agent's model. */
  get search(): { mode: 'hybrid' | 'lexical'; model: string | null; snapshotModel: string | null } | null {
    const slot = this.current;
    if (!slot) return null;
    return {
      mode: slot.knowledge.vectorSearch ? 'hybrid' : 'lexical',
      model: this.embedder?.modelId ?? null,
      snapshotModel: slot.manifest.embedding?.model ?? null,
    };
  }

  /** Run `work` against the snapshot in service now (NOT_FOUND when none is). */
  async use<T>(work: (snapshot: LoadedSnapshot) => Promise<T>): Promise<T> {
    const slot = this.current;
    if (!slot) throw new AlmanacError('NOT_FOUND', 'No snapshot is active on this agent yet: publish one.');
    slot.users++;
    try {
      return await work(slot);
    } finally {
      slot.users--;
      if (slot.retired && slot.users === 0) slot.close();
    }
  }

  /** Load a stored snapshot, record it as active, then put it in service. One activation at a time. */
  activate(id: string): Promise<string> {
    const run = this.switching.then(async () => {
      const next = await this.load(id);
      try {
        await this.store.setActive(id);
      } catch (err) {
        next.close();
        throw err;
      }
      this.put(next);
      return id;
    });
    this.switching = run.catch(() => undefined);
    return run;
  }

  /** Back to the snapshot active before this one (or `to`). */
  async rollback(to?: string): Promise<string> {
    const active = await this.store.active();
    const target = to ?? active?.previous[0];
    if (!target) throw new AlmanacError('NOT_FOUND', 'There is no earlier snapshot to roll back to.');
    return this.activate(target);
  }

  private put(next: Slot): void {
    const old = this.current;
    this.current = next;
    if (old && old !== next) {
      old.retired = true;
      if (old.users === 0) old.close();
    }
  }

  private async load(id: string): Promise<Slot> {
    const manifest = await this.store.manifest(id);
    const opened = await openSnapshot(this.store.dirOf(id), manifest, this.embedder);
    return { id, manifest, knowledge: opened.knowledge, users: 0, retired: false, close: opened.close };
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
  }
}
