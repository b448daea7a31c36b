import {
  approve,
  comment,
  needsAttention,
  profileReview,
  requestChanges,
  reverify,
  reviewQueue,
  submitForReview,
  withdraw,
} from '../review/index.js';
import { currentMemberId, signerFor } from '../identity/index.js';
import type { RouteName, Handlers } from './contract.js';
import { feedbackCounts } from './answerHandlers.js';
import { changesFor, type SignedApiContext } from './signedChanges.js';

type ReviewRoutes = Extract<RouteName, `review.${string}`>;

/** Review: submit, approve, request changes, comment, withdraw, re-verify, and what waits for whom. */
export function reviewHandlers(context: SignedApiContext): Pick<Handlers, ReviewRoutes> {
  const { ws, store, book, vault } = context;
  const changed = changesFor(context);
  const as = async () => ({ store, book, signer: await signerFor(ws, vault) });
  return {
    'review.submit': async ({ id, note }) => changed([id], await submitForReview(await as(), id, note)),
    'review.approve': async ({ id, ...opts }) => changed([id], await approve(await as(), id, opts)),
    'review.requestChanges': async ({ id, note, version }) =>
      changed([id], await requestChanges(await as(), id, note, { version })),
    'review.comment': async ({ id, note, ...opts }) => changed([id], await comment(await as(), id, note, opts)),
    'review.withdraw': async ({ id, note }) => changed([id], await withdraw(await as(), id, note)),
    'review.reverify': async ({ ids, until }) => changed(ids, await reverify(await as(), ids, { until })),
    'review.records': async ({ id }) => {
      const { facts, records, authors } = await book.article(id);
      return { facts, records, authors: Object.fromEntries([...authors].map(([v, s]) => [v, [...s]])) };
    },
    'review.queue': () => reviewQueue(store, book),
    'review.profile': () => profileReview(store, book),
    'review.attention': async () => {
      const id = await currentMemberId(ws);
      return id ? needsAttention(store, id, await feedbackCounts(ws, store)) : [];
    },
  };
}
