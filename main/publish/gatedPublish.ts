import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import { listGoldenSets, publishGate, readGoldenSet, saveRun, type GateReport } from '../evaluation/index.js';
import type { ReviewBook } from '../review/index.js';
import type { PassageEmbedder, VectorStore } from '../indexing/index.js';
import type { Signer } from '../identity/index.js';
import { buildSnapshot, snapshotsDir } from './buildSnapshot.js';
import { openSnapshot, type OpenedSnapshot } from './openSnapshot.js';
import { publishSnapshot, type FolderInstaller, type PublishResult, type PublishTarget } from './publishSnapshot.js';
import { unpackSnapshot } from './snapshotBundle.js';
import { checkSnapshotFolder } from './snapshotFiles.js';
import { agentBytes, agentCall } from '../remote/index.js';
import { manifestFile, type SignedManifest } from './snapshotManifest.js';
import { publisherKeys, requireTrust } from '../trust/index.js';
import { replayQuestions, type LoggedQuestion, type ReplayReport } from '../replay/index.js';

/** What the target serves now, or null when nothing is live there. */
export async function liveId(target: PublishTarget): Promise<string | null> {
  if (target.kind === 'url') return (await agentCall<{ active: string | null }>(target, '/v1/status')).active;
  if (target.kind === 's3') return (await target.bucket.readActive()).active?.id ?? null;
  const text = await readFile(path.join(target.dir, 'active.json'), 'utf8').catch(() => undefined);
  return text ? (JSON.parse(text) as { id: string }).id : null;
}

/**
 * A copy of the live snapshot in this workspace's snapshot folder: built here before, or fetched
 * from the target and checked against the team's managers' keys.
 */
export async function localCopy(store: ArticleStore, target: PublishTarget, id: string): Promise<string> {
  const dir = path.join(snapshotsDir(store), id);
  const trusted = publisherKeys((await requireTrust(store.ws)).roster);
  // A copy here is used only while it still checks; a damaged one is fetched again.
  if (await readFile(path.join(dir, manifestFile)).catch(() => undefined)) {
    if ((await checkSnapshotFolder(dir, trusted)).ok) return dir;
    await rm(dir, { recursive: true, force: true });
  }
  const landing = `${dir}.fetch-${process.pid}`;
  const bundle = `${landing}.tar.gz`;
  try {
    if (target.kind === 'url') {
      await writeFile(bundle, await agentBytes(target, `/v1/snapshots/${id}/bundle`));
    } else if (target.kind === 's3') await target.bucket.downloadSnapshot(id, bundle);
    if (target.kind === 'folder') await cp(path.join(target.dir, 'snapshots', id), landing, { recursive: true });
    else await unpackSnapshot(bundle, landing);
    const checked = await checkSnapshotFolder(landing, trusted);
    if (!checked.ok)
      throw new AlmanacError('VALIDATION_FAILED', `The live snapshot ${id} does not check: ${checked.reason}`);
    await cp(landing, dir, { recursive: true });
    return dir;
  } finally {
    await rm(landing, { recursive: true, force: true });
    await rm(bundle, { force: true });
  }
}

/**
 * A snapshot opened for answering: one built in this workspace, or one the target stores (fetched
 * and checked against the managers' keys). NOT_FOUND when neither has it.
 */
export async function openStoredSnapshot(
  store: ArticleStore,
  id: string,
  target?: PublishTarget,
  embedder?: PassageEmbedder,
): Promise<OpenedSnapshot & { manifest: SignedManifest }> {
  const here = path.join(snapshotsDir(store), id);
  const built = await readFile(path.join(here, manifestFile), 'utf8').catch(() => undefined);
  const dir = built ? here : target ? await localCopy(store, target, id) : undefined;
  if (!dir)
    throw new AlmanacError(
      'NOT_FOUND',
      `Snapshot ${id} was not built in this workspace; choose the agent that stores it.`,
    );
  const manifest = JSON.parse(await readFile(path.join(dir, manifestFile), 'utf8')) as SignedManifest;
  return { ...(await openSnapshot(dir, manifest, embedder)), manifest };
}

export interface GatedPublishOptions {
  store: ArticleStore;
  book: ReviewBook;
  signer: Signer;
  target: PublishTarget;
  installInFolder: FolderInstaller;
  /** Publish even when the gate holds it back; the reason goes to the audit log. */
  override?: string;
  threshold?: number;
  onStage?: (stage: 'build' | 'gate' | 'upload' | 'activate') => void;
  /** The embedding model: the snapshot carries vectors, and the gate searches as the agent will. */
  embedder?: PassageEmbedder;
  /** The workspace's vectors of that model, reused instead of embedding again. */
  reuseVectors?: VectorStore;
  /**
   * Questions customers asked the live agent (see `loggedQuestions`): replayed against the live and
   * the new snapshot; a publish that would stop handing off a sensitive one is held back.
   */
  questions?: LoggedQuestion[];
  /** Questions replayed so far. */
  onReplayProgress?: (done: number, total: number) => void;
}

/**
 * Build the snapshot of the approved state, run the workspace's golden sets against it and the
 * live one, replay the customers' logged questions when given, and publish unless a metric falls by
 * more than the threshold or a sensitive question would no longer go to a person (CONFLICT, with the
 * gate and replay reports in the details). A manager's override with a reason publishes anyway and is
 * audited with the questions it let through.
 */
export async function gatedPublish(
  options: GatedPublishOptions,
): Promise<PublishResult & { gate: GateReport; replay?: ReplayReport }> {
  const { store, book, signer, target } = options;
  options.onStage?.('build');
  const built = await buildSnapshot({
    store,
    book,
    signer,
    embedder: options.embedder,
    reuseVectors: options.reuseVectors,
  });
  options.onStage?.('gate');
  const sets = await Promise.all((await listGoldenSets(store.ws)).map((name) => readGoldenSet(store.ws, name)));
  const next = await openSnapshot(built.dir, built.manifest, options.embedder);
  const currentId = await liveId(target);
  let live: Awaited<ReturnType<typeof openSnapshot>> | undefined;
  let gate: GateReport;
  let replay: ReplayReport | undefined;
  try {
    if (currentId && currentId !== built.manifest.id) {
      const dir = await localCopy(store, target, currentId);
      const manifest = JSON.parse(await readFile(path.join(dir, manifestFile), 'utf8')) as SignedManifest;
      live = await openSnapshot(dir, manifest, options.embedder);
    }
    gate = await publishGate(sets, next.knowledge, live?.knowledge ?? null, options.threshold);
    if (live && options.questions?.length)
      replay = await replayQuestions(options.questions, live.knowledge, next.knowledge, {
        onProgress: options.onReplayProgress,
      });
  } finally {
    next.close();
    live?.close();
  }
  // The gate's runs of the new snapshot are runs of each set like any other: the Quality view shows them.
  const versions = Object.fromEntries(built.manifest.articles.map((a) => [a.id, a.version]));
  for (const s of gate.sets)
    await saveRun(store.ws, { ...s.runs.next, against: `snapshot ${built.manifest.id}`, versions });
  const held = replay?.heldBack ?? [];
  const overridden = !gate.passed || held.length > 0;
  if (overridden && !options.override?.trim()) {
    const reasons: string[] = [];
    if (!gate.passed) {
      const worst = gate.sets
        .flatMap((s) => s.drops.map((d) => `${s.set} ${d.metric} ${d.live.toFixed(3)} → ${d.next.toFixed(3)}`))
        .join('; ');
      reasons.push(`make the golden sets worse than the live snapshot ${currentId}: ${worst}`);
    }
    if (held.length)
      reasons.push(
        `stop handing off ${held.length} sensitive question(s) customers asked to a person: ${held
          .slice(0, 5)
          .map((q) => `"${q}"`)
          .join(', ')}`,
      );
    throw new AlmanacError(
      'CONFLICT',
      `Publishing would ${reasons.join(', and ')}. Fix the articles or the agent profile, or publish anyway with an override and a reason.`,
      { gate, ...(replay ? { replay } : {}) },
    );
  }
  const result = await publishSnapshot(store.ws, built, target, signer, options.installInFolder, options.onStage, {
    gate: gate.sets.map((s) => ({ set: s.set, drops: s.drops })),
    ...(replay ? { replay: { questions: replay.questions, counts: replay.counts } } : {}),
    ...(overridden ? { override: options.override!.trim() } : {}),
    // What an override let through, masked: the questions customers will now get an answer to, not a person.
    ...(held.length ? { letThrough: held } : {}),
  });
  return { ...result, gate, ...(replay ? { replay } : {}) };
}
