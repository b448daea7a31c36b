import { ArticleStore } from '../articles/index.js';
import type { Workspace } from '../workspace/index.js';
import { ReviewBook } from './ReviewBook.js';

/**
 * The article store every entry point uses: statuses derived from the review records too, so the
 * studio, the command line and the index all see the same status of an article.
 */
export function reviewedStore(ws: Workspace): { store: ArticleStore; book: ReviewBook } {
  const store = new ArticleStore(ws);
  const book = new ReviewBook(ws);
  store.useReviews(book);
  return { store, book };
}
