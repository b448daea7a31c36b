import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { Generator } from './detectGenerator.js';
import { normalizeSitePath } from './SiteLinks.js';

/** What a site's own configuration says about its pages: the titles its navigation gives, and what is not a page. */
export interface SiteLayout {
  /** The title the site's navigation gives the page at `relPath` (relative to the site root), if any. */
  navTitle(relPath: string): string | undefined;
  /** Why the file at `relPath` is not a page the generator builds (a snippet, a file outside the docs folder). */
  notAPage(relPath: string): string | undefined;
}

const none: SiteLayout = { navTitle: () => undefined, notAPage: () => undefined };

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The titles a layout knows, by site path, looked up with and without a leading folder. */
function titles(map: Map<string, string>): (relPath: string) => string | undefined {
  return (relPath) => {
    const key = normalizeSitePath(relPath);
    return map.get(key) ?? map.get(key.split('/').slice(1).join('/'));
  };
}

/**
 * MkDocs: `nav:` gives titles (`- Setup: guide/setup.md`, nested sections); only files under
 * `docs_dir` are pages, and the files `pymdownx.snippets` appends to every page are not. Custom YAML
 * tags (`!!python/name:…`, `!ENV`) are read as plain values, as the layout needs none of them.
 */
async function mkdocsLayout(root: string): Promise<SiteLayout> {
  const text = (await readText(path.join(root, 'mkdocs.yml'))) ?? (await readText(path.join(root, 'mkdocs.yaml')));
  if (text === undefined) return none;
  const config = YAML.parseDocument(text, { uniqueKeys: false, logLevel: 'silent' }).toJS() as Record<string, unknown>;
  const docsDir = typeof config.docs_dir === 'string' ? toPosix(path.normalize(config.docs_dir)) : 'docs';
  const nav = new Map<string, string>();
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      for (const [title, target] of Object.entries(item as Record<string, unknown>)) {
        if (typeof target === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(target))
          nav.set(normalizeSitePath(`${docsDir}/${target}`), title);
        else walk(target);
      }
    }
  };
  walk(config.nav);
  const appended = new Set<string>();
  const extensions = Array.isArray(config.markdown_extensions) ? config.markdown_extensions : [];
  for (const ext of extensions) {
    const snippets = ext && typeof ext === 'object' ? (ext as Record<string, unknown>)['pymdownx.snippets'] : undefined;
    if (!snippets || typeof snippets !== 'object') continue;
    const options = snippets as { auto_append?: unknown; base_path?: unknown };
    const bases = [options.base_path ?? '.'].flat().filter((b): b is string => typeof b === 'string');
    for (const file of [options.auto_append ?? []].flat())
      if (typeof file === 'string')
        for (const base of bases) appended.add(toPosix(path.normalize(path.join(base, file))));
  }
  const inDocs = docsDir === '.' ? () => true : (relPath: string) => relPath.startsWith(`${docsDir}/`);
  return {
    navTitle: titles(nav),
    notAPage: (relPath) =>
      appended.has(relPath)
        ? 'a snippet MkDocs appends to every page (pymdownx.snippets auto_append), not a page'
        : inDocs(relPath)
          ? undefined
          : `outside docs_dir "${docsDir}": MkDocs does not build it`,
  };
}

const quoted = String.raw`(["'\x60])((?:(?!\1).)*)\1`;
const textThenLink = new RegExp(String.raw`text\s*:\s*${quoted}\s*,\s*link\s*:\s*(["'\x60])((?:(?!\3).)*)\3`, 'g');
const linkThenText = new RegExp(String.raw`link\s*:\s*${quoted}\s*,\s*text\s*:\s*(["'\x60])((?:(?!\3).)*)\3`, 'g');

/**
 * VitePress: the sidebar's `{ text, link }` items in `.vitepress/config.*` give titles. The config is
 * code, so it is read, never run: only literal pairs count.
 */
async function vitepressLayout(root: string): Promise<SiteLayout> {
  const nav = new Map<string, string>();
  for (const name of ['config.mts', 'config.ts', 'config.mjs', 'config.js', 'config.cts', 'config.cjs']) {
    const text = await readText(path.join(root, '.vitepress', name));
    if (text === undefined) continue;
    for (const m of text.matchAll(textThenLink)) nav.set(normalizeSitePath(m[4]!), m[2]!.trim());
    for (const m of text.matchAll(linkThenText)) nav.set(normalizeSitePath(m[2]!), m[4]!.trim());
  }
  return nav.size ? { navTitle: titles(nav), notAPage: () => undefined } : none;
}

/** The layout of the site at `root`, read from its generator's configuration. */
export async function readSiteLayout(root: string, generator: Generator): Promise<SiteLayout> {
  if (generator === 'mkdocs') return mkdocsLayout(root);
  if (generator === 'vitepress') return vitepressLayout(root);
  return none;
}
