import { readFile } from 'node:fs/promises';
import type { ArticleSource, ArticleSummary } from '../articles/index.js';

const keyOf = (ref: ArticleSource) =>
  `${ref.collection}/${ref.path}`.toLowerCase() + (ref.key !== undefined ? `#${ref.key}` : '');

/**
 * Existing articles by the source they were imported from. A source matches exactly, or, when the
 * same site was imported from a different folder level ("help/guide/x.md" vs "guide/x.md"), by a
 * unique path suffix of at least a folder and a file.
 */
export class SourceIndex {
  private byKey = new Map<string, string>();

  constructor(articles: ArticleSummary[]) {
    for (const a of articles) if (a.source) this.byKey.set(keyOf(a.source), a.id);
  }

  find(ref: ArticleSource): string | undefined {
    const key = keyOf(ref);
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const matches = new Set<string>();
    for (const [other, id] of this.byKey) {
      const [shorter, longer] = other.length < key.length ? [other, key] : [key, other];
      if (shorter.split('#')[0]!.split('/').length < 2) continue;
      if (longer.endsWith(`/${shorter}`)) matches.add(id);
    }
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** True when the file already holds exactly this text. */
  async sameText(file: string, text: string): Promise<boolean> {
    return (await readFile(file, 'utf8').catch(() => undefined)) === text;
  }
}
