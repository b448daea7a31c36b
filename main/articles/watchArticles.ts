import path from 'node:path';
import { watch } from 'chokidar';
import type { Workspace } from '../workspace/index.js';

/** Report ids of article files changed, added or removed on disk by anyone (editor, sync tool). */
export function watchArticles(ws: Workspace, onChange: (ids: string[]) => void): () => Promise<void> {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(ws.articlesDir, {
    ignoreInitial: true,
    depth: 0,
    awaitWriteFinish: false,
  });
  const note = (file: string) => {
    const name = path.basename(file);
    if (!name.endsWith('.md') || name.startsWith('.')) return;
    pending.add(name.slice(0, -3));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ids = [...pending];
      pending = new Set();
      onChange(ids);
    }, 100);
  };
  watcher.on('add', note).on('change', note).on('unlink', note);
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
