import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { detectGenerator, type Generator } from './detectGenerator.js';

export type SourceKind = 'markdown' | 'html' | 'jsonl' | 'csv';

const readers: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.csv': 'csv',
};

/** Folders of generators and tools that hold templates, build output or dependencies, never pages. */
const skippedDirs = new Set([
  'node_modules',
  '_site',
  '_includes',
  '_layouts',
  '_data',
  '_sass',
  '_plugins',
  'layouts',
  'archetypes',
  'themes',
  'resources',
  'build',
  'dist',
]);
const skippedWithSite = new Set(['public', 'static', 'site', 'vendor']);
const rootFilesWithSite = /^(readme|changelog|license|contributing|code_of_conduct|security)\.(md|markdown)$/i;

/** A file to import and the site it belongs to. */
export interface SourceFile {
  file: string;
  kind: SourceKind;
  /** The folder its source path is relative to: the site root, or the parent of the imported folder. */
  base: string;
  collection: string;
  /** Path relative to `base`, with "/" separators. */
  relPath: string;
  generator: Generator;
  /** Named on the command line itself, not found by walking a folder. */
  named?: boolean;
}

export interface Collected {
  files: SourceFile[];
  failed: { source: string; reason: string }[];
}

const supported = 'Almanac imports .md, .markdown, .mdx, .html, .htm, .jsonl and .csv.';

/**
 * The files under the given paths, each with the site it belongs to. Symbolic links and special
 * files are reported and never followed; template, build and dependency folders are skipped.
 */
export async function collectSources(inputs: string[], display: (p: string) => string): Promise<Collected> {
  const out: Collected = { files: [], failed: [] };
  for (const input of inputs) {
    const abs = path.resolve(input);
    const info = await lstat(abs).catch(() => undefined);
    if (!info) {
      out.failed.push({ source: display(abs), reason: 'No such file or folder. Check the path.' });
      continue;
    }
    const dir = info.isDirectory() ? abs : path.dirname(abs);
    const site = await detectGenerator(dir, path.dirname(path.dirname(path.dirname(dir))));
    const base = site?.root ?? (info.isDirectory() ? path.dirname(abs) : dir);
    const generator = site?.generator ?? 'plain';
    const collection = path.basename(base) || 'import';
    const visit = async (p: string, explicit: boolean): Promise<void> => {
      const stat = explicit ? info : await lstat(p).catch(() => undefined);
      if (!stat) return;
      if (stat.isSymbolicLink()) {
        out.failed.push({ source: display(p), reason: 'Symbolic link: not followed. Import the file it points to.' });
        return;
      }
      if (stat.isDirectory()) {
        const name = path.basename(p);
        if (!explicit && (skippedDirs.has(name) || (site && skippedWithSite.has(name)))) return;
        const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
        for (const n of names) await visit(path.join(p, n), false);
        return;
      }
      const kind = readers[path.extname(p).toLowerCase()];
      if (!stat.isFile()) {
        out.failed.push({ source: display(p), reason: 'Not a regular file (a device, socket or pipe): skipped.' });
      } else if (kind) {
        if (site && !explicit && path.dirname(p) === site.root && rootFilesWithSite.test(path.basename(p))) return;
        const relPath = path.relative(base, p).split(path.sep).join('/');
        out.files.push({ file: p, kind, base, collection, relPath, generator, ...(explicit ? { named: true } : {}) });
      } else if (explicit) {
        out.failed.push({
          source: display(p),
          reason: `Unsupported file type "${path.extname(p) || 'none'}". ${supported}`,
        });
      }
    };
    await visit(abs, true);
  }
  return out;
}
