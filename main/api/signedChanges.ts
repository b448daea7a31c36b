import type { ArticleStore } from '../articles/index.js';
import type { ReviewBook } from '../review/index.js';
import type { KeyVault } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import type { AlmanacEvent } from './contract.js';

/** What the team, review, audit and sync routes act on: every action is signed by the member signed in here. */
export interface SignedApiContext {
  ws: Workspace;
  store: ArticleStore;
  book: ReviewBook;
  vault: KeyVault;
  emit?: (event: AlmanacEvent) => void;
}

/** Tell the store and the studio that these articles' review state changed, and pass the value on. */
export function changesFor({ store, emit }: Pick<SignedApiContext, 'store' | 'emit'>) {
  return <T>(ids: string[], value: T): T => {
    for (const id of ids) store.forget(id);
    store.touch();
    emit?.({ type: 'review.changed', ids });
    return value;
  };
}
