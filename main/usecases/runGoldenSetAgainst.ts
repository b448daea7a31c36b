import type { ArticleStore } from '../articles/index.js';
import type { KnowledgeViews } from '../answer/index.js';
import { readGoldenSet, runGoldenSet, saveRun, type GoldenRun } from '../evaluation/index.js';
import type { PassageEmbedder } from '../indexing/index.js';
import { openStoredSnapshot } from '../publish/index.js';

export interface GoldenRunSource {
  store: ArticleStore;
  /** The drafts and approved-only knowledge the preview answers from. */
  views: KnowledgeViews;
  /** The embedding model, so a snapshot built with vectors is searched as the agent searches it. */
  semantic?: () => Promise<{ embedder: PassageEmbedder } | undefined>;
}

/**
 * Run a golden set against the drafts, the approved articles, or a snapshot built here, and save the
 * run with the article versions it answered from (so runs compare version by version).
 */
export async function runGoldenSetAgainst(
  { store, views, semantic }: GoldenRunSource,
  name: string,
  against: string,
  k: number,
): Promise<GoldenRun> {
  const ws = store.ws;
  const set = await readGoldenSet(ws, name);
  if (against !== 'drafts' && against !== 'approved') {
    const model = await semantic?.().catch(() => undefined);
    const snapshot = await openStoredSnapshot(store, against, undefined, model?.embedder);
    try {
      const versions = Object.fromEntries(snapshot.manifest.articles.map((a) => [a.id, a.version]));
      const run = await runGoldenSet(snapshot.knowledge, set, { k, against: `snapshot ${against}`, versions });
      await saveRun(ws, run);
      return run;
    } finally {
      snapshot.close();
    }
  }
  const summaries = await store.list();
  const versions = Object.fromEntries(
    summaries
      .map((a) => [a.id, against === 'approved' ? (a.review?.approved?.version ?? '') : a.version] as const)
      .filter(([, v]) => v),
  );
  const run = await runGoldenSet(await views.knowledge(against), set, { k, against, versions });
  await saveRun(ws, run);
  return run;
}
