import { AlmanacError } from '../AlmanacError.js';
import { parseArticleFile, type Article, type ArticleStore, type ArticleSummary } from '../articles/index.js';
import { readVersionText } from '../versions/index.js';

/** Articles as an index reads them: a listing, and each article with its text. */
export interface ArticleSource {
  list(): Promise<ArticleSummary[]>;
  get(id: string): Promise<Article>;
}

/**
 * Each article at its approved version, the text a reviewer approved (not the working draft):
 * what a publish would contain. Articles never approved, archived or deleted are left out; an
 * approved version that no longer parses has an empty body, so an index skips it and says why.
 */
export function approvedArticles(store: ArticleStore): ArticleSource {
  const parsed = new Map<string, Promise<Article>>();
  let listed: Map<string, ArticleSummary> | undefined;
  const list = async (): Promise<ArticleSummary[]> => {
    const approved = (await store.list())
      .filter((s) => s.review?.approved && s.status !== 'archived' && s.status !== 'invalid')
      .map((s) => ({
        ...s,
        status: 'approved' as const,
        version: s.review!.approved!.version,
        versionState: 'versioned' as const,
      }));
    listed = new Map(approved.map((s) => [s.id, s]));
    return approved;
  };
  const read = async (summary: ArticleSummary): Promise<Article> => {
    const file = parseArticleFile(
      await readVersionText(store.ws, summary.version),
      `articles/${summary.id}.md`,
      summary.id,
    );
    if (!file.ok) return { ...summary, meta: (await store.get(summary.id)).meta, body: '' };
    const { meta, body } = file;
    const { title, tags, locale, audience, owner, reviewBy } = meta;
    return { ...summary, title, tags, locale, audience, owner, reviewBy, meta, body };
  };
  return {
    list,
    async get(id) {
      if (!listed?.has(id)) await list();
      const summary = listed!.get(id);
      if (!summary) throw new AlmanacError('NOT_FOUND', `Article ${id} has no approved version.`);
      const key = `${id}@${summary.version}`;
      let article = parsed.get(key);
      if (!article) parsed.set(key, (article = read(summary)));
      return article;
    },
  };
}
