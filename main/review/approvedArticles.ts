import { AlmanacError } from '../AlmanacError.js';
import { parseArticleFile, type Article, type ArticleStore, type ArticleSummary } from '../articles/index.js';
import { readVersionText } from '../versions/index.js';

/** Articles as an index reads them: a listing, and each article with its text. */
export interface ArticleSource {
  list(): Promise<ArticleSummary[]>;
  get(id: string): Promise<Article>;
}

const parsedVersions = new Map<string, Promise<Article | undefined>>();

/**
 * Each article at its approved version, the text a reviewer approved (not the working draft): what a
 * publish would contain. Title, locale and audience come from that version too. Articles never
 * approved, archived or deleted are left out; an approved version that no longer parses has an
 * empty body, so an index skips it and says why.
 */
export function approvedArticles(store: ArticleStore): ArticleSource {
  let listed: Map<string, Article> | undefined;
  const read = (summary: ArticleSummary): Promise<Article | undefined> => {
    const key = `${store.ws.root}\0${summary.id}@${summary.version}`;
    let article = parsedVersions.get(key);
    if (!article) {
      article = readVersionText(store.ws, summary.version).then((text) => {
        const file = parseArticleFile(text, `articles/${summary.id}.md`, summary.id);
        if (!file.ok) return undefined;
        const { meta, body } = file;
        const { title, tags, locale, audience, owner, reviewBy } = meta;
        return { ...summary, title, tags, locale, audience, owner, reviewBy, meta, body };
      });
      parsedVersions.set(key, article);
    }
    return article;
  };
  const list = async (): Promise<ArticleSummary[]> => {
    const out = new Map<string, Article>();
    for (const s of await store.list()) {
      if (!s.review?.approved || s.status === 'archived' || s.status === 'invalid') continue;
      const summary: ArticleSummary = {
        ...s,
        status: 'approved',
        version: s.review.approved.version,
        versionState: 'versioned',
      };
      const article = await read(summary);
      out.set(s.id, article ?? { ...summary, meta: (await store.get(s.id)).meta, body: '' });
    }
    listed = out;
    return [...out.values()].map(({ meta: _m, body: _b, ...summary }) => summary);
  };
  return {
    list,
    async get(id) {
      if (!listed?.has(id)) await list();
      const article = listed!.get(id);
      if (!article) throw new AlmanacError('NOT_FOUND', `Article ${id} has no approved version.`);
      return article;
    },
  };
}

/**
 * Only the customer-facing articles of a source (audience `customer`, as read from each version):
 * what a snapshot serves. An index of these has the statistics the live agent's index has, so the
 * preview against approved articles answers as the published snapshot will.
 */
export function customerFacing(source: ArticleSource): ArticleSource {
  return {
    list: async () => (await source.list()).filter((a) => a.audience === 'customer'),
    get: async (id) => {
      const article = await source.get(id);
      if (article.audience !== 'customer') throw new AlmanacError('NOT_FOUND', `${id} is not customer-facing.`);
      return article;
    },
  };
}
