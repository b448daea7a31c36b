import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readFrontMatter, type ReviewFacts, type ReviewSource } from '../articles/index.js';
import type { Workspace } from '../workspace/Workspace.js';
import { establishFacts, approvalCandidates } from './reviewFacts.js';
import { readRecords, reviewFile, reviewedArticleIds, type ReadRecord } from './reviewRecords.js';
import { articleAuthors } from './versionAuthors.js';

export interface ArticleReviews {
  facts: ReviewFacts;
  /** Every record in file order, each valid or with the reason it is not trusted. */
  records: ReadRecord[];
  /** Who wrote each saved version (member ids), for the review rules. */
  authors: Map<string, Set<string>>;
}

/** The review records of a workspace, checked and replayed; cached per file until it changes. */
export class ReviewBook implements ReviewSource {
  private cache = new Map<string, { stamp: string; reviews: ArticleReviews }>();

  constructor(readonly ws: Workspace) {}

  /** The owner and the regulated flag in the article's front matter (read directly: the store asks this book for statuses). */
  private async metaOf(id: string): Promise<{ owner?: string; regulated: boolean }> {
    try {
      const file = path.join(this.ws.articlesDir, `${id}.md`);
      const { data } = readFrontMatter(await readFile(file, 'utf8'), file);
      return { owner: typeof data.owner === 'string' ? data.owner : undefined, regulated: data.regulated === true };
    } catch {
      return { regulated: false };
    }
  }

  /** One article's records and facts (empty when it has none). */
  async article(id: string): Promise<ArticleReviews> {
    const info = await stat(path.join(this.ws.root, reviewFile(id))).catch(() => undefined);
    const team = JSON.stringify(this.ws.config.team);
    // The article's own file counts too: its owner and regulated flag change who may approve.
    const file = info ? await stat(path.join(this.ws.articlesDir, `${id}.md`)).catch(() => undefined) : undefined;
    const stamp = info ? `${info.mtimeMs}:${info.size}:${file?.mtimeMs ?? 0}:${team.length}:${hash(team)}` : 'none';
    const hit = this.cache.get(id);
    if (hit && hit.stamp === stamp) return hit.reviews;
    const read = info ? await readRecords(this.ws, id) : [];
    const newest = read.findLast((r) => r.record)?.record?.version;
    const authors = read.length
      ? await articleAuthors(this.ws, id, approvalCandidates(read), newest)
      : new Map<string, Set<string>>();
    const meta = await this.metaOf(id);
    const { facts, records } = establishFacts(
      read,
      this.ws.config.team,
      (v) => authors.get(v),
      meta.owner,
      meta.regulated,
    );
    const reviews = { facts, records, authors };
    this.cache.set(id, { stamp, reviews });
    return reviews;
  }

  /** Forget cached history (after a commit, a restore or a sync brought new versions). */
  invalidate(id?: string): void {
    if (id) this.cache.delete(id);
    else this.cache.clear();
  }

  async factsFor(id: string): Promise<ReviewFacts | undefined> {
    const { facts, records } = await this.article(id);
    return records.length ? facts : undefined;
  }

  async facts(): Promise<Map<string, ReviewFacts>> {
    const out = new Map<string, ReviewFacts>();
    for (const id of await reviewedArticleIds(this.ws)) out.set(id, (await this.article(id)).facts);
    return out;
  }
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
