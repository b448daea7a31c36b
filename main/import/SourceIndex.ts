import { readFile } from 'node:fs/promises';
import type { ArticleSource, ArticleSummary } from '../articles/index.js';

const keyOf = (ref: ArticleSource) =>
  `${ref.collection}/${ref.path}`.toLowerCase() + (ref.key !== undefined ? `#${ref.key}` : '');

/** Whether a key is specific enough to match by suffix: its path has at least a folder and a file. */
const specific = (key: string) => key.split('#')[0]!.includes('/');

/** Every tail of a key that starts after a "/", longest first. */
function tails(key: string): string[] {
  const out: string[] = [];
  for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) out.push(key.slice(i + 1));
  return out;
}

/**
 * Existing articles by the source they were imported from. A source matches exactly, or, when the
 * same site was imported from a different folder level ("help/guide/x.md" vs "guide/x.md"), by a
 * unique path suffix of at least a folder and a file. Lookups cost the length of the key, not the
 * number of articles, so a corpus of many thousand rows imports in linear time.
 */
export class SourceIndex {
  private byKey = new Map<string, string>();
  /** Ids by every tail of their key (what a shorter key from a deeper import would be). */
  private byTail = new Map<string, Set<string>>();

  constructor(articles: ArticleSummary[]) {
    for (const a of articles) {
      if (!a.source) continue;
      const key = keyOf(a.source);
      this.byKey.set(key, a.id);
    }
    for (const [key, id] of this.byKey) {
      for (const tail of tails(key)) {
        let ids = this.byTail.get(tail);
        if (!ids) this.byTail.set(tail, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  find(ref: ArticleSource): string | undefined {
    const key = keyOf(ref);
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const matches = new Set<string>();
    // A known key that is a tail of this one (imported from deeper down before)...
    for (const tail of tails(key)) {
      const id = specific(tail) ? this.byKey.get(tail) : undefined;
      if (id) matches.add(id);
    }
    // ...or known keys this one is a tail of (imported from higher up before).
    if (specific(key)) for (const id of this.byTail.get(key) ?? []) matches.add(id);
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** True when the file already holds exactly this text. */
  async sameText(file: string, text: string): Promise<boolean> {
    return (await readFile(file, 'utf8').catch(() => undefined)) === text;
  }
}
