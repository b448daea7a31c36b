import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseProfile, type Knowledge } from '../answer/index.js';
import { ChunkIndex, VectorStore, type PassageEmbedder } from '../indexing/index.js';
import { searchPolicy, vectorSearchFor } from '../retrieval/index.js';
import type { SignedManifest } from './snapshotManifest.js';

/** A snapshot folder opened for answering, and how to close it. */
export interface OpenedSnapshot {
  knowledge: Knowledge;
  close(): void;
}

/**
 * Open a snapshot folder as knowledge the answer engine reads: its chunk index (full-text warmed),
 * its approved profile, and its vectors when `embedder` is the model it was built with.
 */
export async function openSnapshot(
  dir: string,
  manifest: SignedManifest,
  embedder?: PassageEmbedder,
): Promise<OpenedSnapshot> {
  const profileText = await readFile(path.join(dir, 'profile.md'), 'utf8');
  const index = await ChunkIndex.open(path.join(dir, 'index'));
  let vectors: VectorStore | undefined;
  try {
    const profile = { ...parseProfile(profileText), version: manifest.profile.version };
    const model = manifest.embedding;
    if (model && embedder?.modelId === model.model)
      vectors = await VectorStore.open(index.dir, model.model, model.dimension);
    const knowledge: Knowledge = {
      against: 'snapshot',
      index,
      filter: searchPolicy({ audience: 'customer' }),
      vectorSearch: vectors && embedder ? vectorSearchFor(index, vectors, (q) => embedder.embedQuery(q)) : undefined,
      profile,
    };
    await index.lexicalSearch('warm up', 1);
    return {
      knowledge,
      close: () => {
        vectors?.close();
        index.close();
      },
    };
  } catch (err) {
    vectors?.close();
    index.close();
    throw err;
  }
}
