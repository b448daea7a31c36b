import { stat } from 'node:fs/promises';
import path from 'node:path';

export type Generator = 'jekyll' | 'hugo' | 'vitepress' | 'docusaurus' | 'mkdocs' | 'plain';

async function kind(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(p);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

async function anyFile(dir: string, names: string[]): Promise<boolean> {
  for (const name of names) if ((await kind(path.join(dir, name))) === 'file') return true;
  return false;
}

// Checked in this order, so a VitePress or Docusaurus site that also keeps a _config.yml is not taken for Jekyll.
const checks: [Exclude<Generator, 'plain'>, (dir: string) => Promise<boolean>][] = [
  ['vitepress', async (dir) => (await kind(path.join(dir, '.vitepress'))) === 'dir'],
  [
    'docusaurus',
    (dir) =>
      anyFile(dir, ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs']),
  ],
  ['mkdocs', (dir) => anyFile(dir, ['mkdocs.yml', 'mkdocs.yaml'])],
  [
    'hugo',
    async (dir) =>
      (await anyFile(dir, ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'])) ||
      ((await anyFile(dir, ['config.toml', 'config.yaml', 'config.yml'])) &&
        (await kind(path.join(dir, 'content'))) === 'dir'),
  ],
  ['jekyll', (dir) => anyFile(dir, ['_config.yml', '_config.yaml'])],
];

/**
 * Walk up from `dir` (a file's folder when given a file), at most to `stopAt` inclusive or the
 * filesystem root, looking for a site generator's config; returns the generator and the site root.
 */
export async function detectGenerator(
  dir: string,
  stopAt?: string,
): Promise<{ generator: Generator; root: string } | undefined> {
  let current = path.resolve(dir);
  if ((await kind(current)) === 'file') current = path.dirname(current);
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (;;) {
    for (const [generator, check] of checks) if (await check(current)) return { generator, root: current };
    const parent = path.dirname(current);
    if (current === stop || parent === current) return undefined;
    current = parent;
  }
}
