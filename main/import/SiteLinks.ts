import path from 'node:path';

/** "/Article/Refunds/index.html?x#y" -> "article/refunds": the form every page key and link target is compared in. */
export function normalizeSitePath(target: string): string {
  let p = target.trim().replace(/[?#].*$/, '');
  try {
    p = decodeURIComponent(p);
  } catch {
    // Keep it as written.
  }
  return p
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.(md|markdown|mdx|html?)$/i, '')
    .replace(/(^|\/)(index|readme|_index)$/i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/**
 * The pages of one import by every path a link may use for them (file path, permalink, slug,
 * last segment when unique), so template links and relative links can point at article ids.
 */
export class SiteLinks {
  private exact = new Map<string, string | null>();
  private tail = new Map<string, string | null>();

  add(collection: string, relPath: string, permalinks: string[], id: string): void {
    const keys = [relPath, ...permalinks].map(normalizeSitePath);
    const stripped = keys.map((k) =>
      k
        .split('/')
        .filter((s) => !s.startsWith('_'))
        .join('/'),
    );
    for (const key of new Set([...keys, ...stripped])) this.put(this.exact, `${collection}\n${key}`, id);
    const last = normalizeSitePath(relPath).split('/').pop();
    if (last) this.put(this.tail, `${collection}\n${last}`, id);
  }

  private put(map: Map<string, string | null>, key: string, id: string): void {
    const had = map.get(key);
    map.set(key, had === undefined || had === id ? id : null);
  }

  /** The article a link from `fromRelPath` points at, if it is one of the imported pages. */
  resolve(collection: string, fromRelPath: string, target: string): string | undefined {
    if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target.trim())) return undefined;
    const absolute = target.trim().startsWith('/');
    const joined = absolute ? target : path.posix.join(path.posix.dirname(fromRelPath), target);
    const key = normalizeSitePath(joined);
    const tries = [key, key.split('/').slice(1).join('/')].filter(Boolean);
    for (const t of tries) {
      const hit = this.exact.get(`${collection}\n${t}`);
      if (hit) return hit;
    }
    const last = key.split('/').pop();
    return last ? (this.tail.get(`${collection}\n${last}`) ?? undefined) : undefined;
  }
}
