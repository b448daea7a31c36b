import { authorize } from '../policy/index.js';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import {
  ChunkIndex,
  defaultChunkOptions,
  indexWorkspace,
  VectorStore,
  type PassageEmbedder,
} from '../indexing/index.js';
import { approvedArticles, type ArticleSource, type ReviewBook } from '../review/index.js';
import { requireTrust } from '../trust/index.js';
import type { Signer } from '../identity/index.js';
import { profileSubject, readVersionText } from '../versions/index.js';
import { checkSnapshotFolder, listSnapshotFiles } from './snapshotFiles.js';
import {
  manifestFile,
  signManifest,
  snapshotId,
  type SignedManifest,
  type SnapshotArticle,
  type SnapshotManifest,
} from './snapshotManifest.js';

export interface BuildSnapshotOptions {
  store: ArticleStore;
  book: ReviewBook;
  /** The manager publishing: the snapshot carries their signature. */
  signer: Signer;
  /** With a model, the snapshot carries chunk vectors for hybrid search. */
  embedder?: PassageEmbedder;
  /** The workspace's vectors of the same model: chunks embedded there are not embedded again. */
  reuseVectors?: VectorStore;
  parent?: string | null;
}

export interface BuiltSnapshot {
  manifest: SignedManifest;
  dir: string;
  /** False when this approved state was built before (same id): the earlier folder is reused. */
  created: boolean;
}

/** Where a workspace keeps the snapshots it built. */
export function snapshotsDir(store: ArticleStore): string {
  return path.join(store.ws.localDir, 'snapshots');
}

/** An approved article a snapshot does not carry, and why. */
export interface LeftOut {
  id: string;
  title: string;
  reason: 'internal';
  audience: string;
}

/**
 * What a snapshot of the approved state would hold, and its id, without building it: the approved
 * profile and the approved customer-facing articles (audience read from the approved version; an
 * internal or agent-only article is left out and listed with why). NOT_FOUND when the profile or
 * every article lacks an approved version; DAMAGED when the trust chain or a review file does not read.
 */
export async function plannedSnapshot(options: Pick<BuildSnapshotOptions, 'store' | 'book' | 'embedder'>) {
  const { store, book, embedder } = options;
  await requireTrust(store.ws);
  const profile = await book.article(profileSubject);
  if (profile.damaged) throw profile.damaged;
  const profileFacts = profile.facts.approved;
  if (!profileFacts)
    throw new AlmanacError('NOT_FOUND', 'The agent profile has no approved version: approve agent/profile.md first.');
  const approvedSource = approvedArticles(store);
  const all = (await approvedSource.list()).sort((a, b) => (a.id < b.id ? -1 : 1));
  // Fail closed: a damaged review file anywhere stops the publish until it is restored.
  for (const a of await store.list()) {
    const { damaged } = await book.article(a.id);
    if (damaged) throw damaged;
  }
  const approved = all.filter((a) => a.audience === 'customer');
  const leftOut: LeftOut[] = all
    .filter((a) => a.audience !== 'customer')
    .map((a) => ({ id: a.id, title: a.title, reason: 'internal', audience: a.audience }));
  if (approved.length === 0)
    throw new AlmanacError('NOT_FOUND', 'No customer-facing article has an approved version to publish.');
  const customerIds = new Set(approved.map((a) => a.id));
  const source: ArticleSource = {
    list: async () => (await approvedSource.list()).filter((a) => customerIds.has(a.id)),
    get: (id) => {
      if (!customerIds.has(id)) throw new AlmanacError('NOT_FOUND', `${id} is not in the snapshot.`);
      return approvedSource.get(id);
    },
  };
  const articles: SnapshotArticle[] = approved.map((s) => ({
    id: s.id,
    version: s.version,
    title: s.title,
    locale: s.locale,
    audience: s.audience,
    approvedBy: s.review!.approved!.author,
    approvedAt: s.review!.approved!.time,
  }));
  const content = {
    articles,
    profile: { version: profileFacts.version, approvedBy: profileFacts.author, approvedAt: profileFacts.time },
    embedding: embedder ? { model: embedder.modelId, dimension: embedder.dimension } : null,
    chunking: { maxTokens: defaultChunkOptions.maxTokens, overlapTokens: defaultChunkOptions.overlapTokens },
  };
  return { id: snapshotId(content), content, source, leftOut };
}

/**
 * Build a snapshot from the approved version of each article and of the agent profile (drafts and
 * unapproved changes never enter): the approved texts, a LanceDB index of their chunks (full-text,
 * and vectors with a model) and a signed manifest. FORBIDDEN unless the signer is a manager;
 * NOT_FOUND when the profile or every article lacks an approved version.
 */
export async function buildSnapshot(options: BuildSnapshotOptions): Promise<BuiltSnapshot> {
  const { store, signer, embedder } = options;
  await requireTrust(store.ws);
  const roles = store.ws.config.team.find((m) => m.id === signer.member.id)?.roles ?? [];
  authorize({ id: signer.member.id, name: signer.member.name, roles }, 'snapshot.publish');
  if (!signer.member.publicKey) throw new AlmanacError('SIGN_IN_REQUIRED', `${signer.member.name} has no signing key.`);
  const { id, content, source } = await plannedSnapshot(options);
  const { articles } = content;
  const profileFacts = content.profile;
  const dir = path.join(snapshotsDir(store), id);
  const existing = await readFile(path.join(dir, manifestFile), 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    // Reuse an earlier build of the same state only while its files still check; rebuild it otherwise.
    const trusted = [signer.member.publicKey, ...signer.member.retiredKeys.map((k) => k.publicKey)];
    const checked = await checkSnapshotFolder(dir, trusted);
    if (checked.ok) return { manifest: checked.manifest, dir, created: false };
    await rm(dir, { recursive: true, force: true });
  }

  const building = `${dir}.building-${process.pid}-${Date.now()}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(path.join(building, 'articles'), { recursive: true });
  try {
    for (const a of articles)
      await writeFile(path.join(building, 'articles', `${a.id}.md`), await readVersionText(store.ws, a.version));
    await writeFile(path.join(building, 'profile.md'), await readVersionText(store.ws, profileFacts.version));
    const index = await ChunkIndex.open(path.join(building, 'index'));
    try {
      await indexWorkspace(source, index);
      if (embedder) {
        const vectors = await VectorStore.open(index.dir, embedder.modelId, embedder.dimension);
        const reuse = options.reuseVectors?.modelId === embedder.modelId ? options.reuseVectors : undefined;
        await vectors.sync(await index.rowsForVectors(), embedder, { reuse });
        await vectors.optimize();
        vectors.close();
      }
    } finally {
      index.close();
    }
    await rm(path.join(building, 'index', '.lock'), { recursive: true, force: true });
    const manifest: SnapshotManifest = {
      format: 1,
      id,
      ...content,
      parent: options.parent ?? null,
      createdBy: signer.member.id,
      publicKey: signer.member.publicKey,
      createdAt: new Date().toISOString(),
      files: await listSnapshotFiles(building),
    };
    const signed = signManifest(manifest, signer);
    await writeFile(path.join(building, manifestFile), `${JSON.stringify(signed, null, 2)}\n`);
    await rename(building, dir);
    return { manifest: signed, dir, created: true };
  } catch (err) {
    await rm(building, { recursive: true, force: true });
    throw err;
  }
}
