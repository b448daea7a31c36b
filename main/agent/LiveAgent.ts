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
    for (const id of new Set([active.id, ...active.previous])) {
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
      if (id !== active.id) await this.store.restore(id);
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

  /**
   * Load a stored snapshot, record it as active, then put it in service; one switch at a time.
   * Activating the snapshot in service again changes nothing (its history stays). NOT_FOUND when
   * this agent does not hold it.
   */
  activate(id: string): Promise<string> {
    return this.switchTo(async () => {
      const state = await this.store.active();
      if (state?.id === id && this.current?.id === id) return undefined;
      return { id, record: () => this.store.setActive(id) };
    });
  }

  /**
   * Back to the snapshot that served before the current one (or to `to`), whatever repeats the
   * history holds; a second rollback goes further back. NOT_FOUND when there is no earlier one.
   */
  rollback(to?: string): Promise<string> {
    return this.switchTo(async () => {
      const state = await this.store.active();
      // An active.json written before repeats were kept may list the active snapshot first.
      const target = to ?? state?.previous.find((p) => p !== state.id);
      if (!target) throw new AlmanacError('NOT_FOUND', 'There is no earlier snapshot to roll back to.');
      if (target === state?.id && this.current?.id === target) return undefined;
      return { id: target, record: () => this.store.restore(target) };
    });
  }

  /**
   * Run one switch after the ones before it: `plan` picks the snapshot (undefined: stay), which is
   * loaded completely before `record` writes `active.json` and one assignment puts it in service.
   */
  private switchTo(plan: () => Promise<{ id: string; record: () => Promise<unknown> } | undefined>): Promise<string> {
    const run = this.switching.then(async () => {
      const next = await plan();
      if (!next) return this.current!.id;
      const loaded = await this.load(next.id);
      try {
        await next.record();
      } catch (err) {
        loaded.close();
        throw err;
      }
      this.put(loaded);
      return next.id;
    });
    this.switching = run.catch(() => undefined);
    return run;
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
