import type { ArticleStore } from '../articles/index.js';
import { auditEntries, verifyAudit } from '../audit/index.js';
import {
  type ReviewBook,
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
import { addMember, joinTeam, rotateKey, setRoles } from '../team/index.js';
import { currentMemberId, holdsKey, signerFor, signerOrNobody, type KeyVault } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import { pendingConflicts, resolveConflict, syncRemote, syncWithTeam } from '../sync/index.js';
import type { AlmanacEvent, RouteName } from './contract.js';
import type { Handlers } from './handlers.js';
import { feedbackCounts } from './answerHandlers.js';

export interface ReviewApiContext {
  ws: Workspace;
  store: ArticleStore;
  book: ReviewBook;
  vault: KeyVault;
  emit?: (event: AlmanacEvent) => void;
}

type TeamRoutes = Extract<RouteName, `team.${string}` | `review.${string}` | `audit.${string}` | `sync.${string}`>;

/** Team, review and audit routes: every action is signed by the member signed in on this machine. */
export function reviewHandlers({ ws, store, book, vault, emit }: ReviewApiContext): Pick<Handlers, TeamRoutes> {
  const signer = () => signerFor(ws, vault);
  const as = async () => ({ store, book, signer: await signer() });
  const changed = <T>(ids: string[], value: T): T => {
    for (const id of ids) store.forget(id);
    store.touch();
    emit?.({ type: 'review.changed', ids });
    return value;
  };
  return {
    'team.me': async () => {
      const id = await currentMemberId(ws);
      const member = ws.config.team.find((m) => m.id === id);
      if (!member) return {};
      return (await holdsKey(member, vault)) ? { me: member } : { missingKey: member };
    },
    'team.join': async (input) => changed([], (await joinTeam(ws, vault, input)).member),
    'team.add': async (input) => changed([], await addMember(ws, await signer(), input)),
    'team.setRoles': async ({ id, roles }) => changed([], await setRoles(ws, await signer(), id, roles)),
    'team.rotateKey': async ({ id }) => changed([], await rotateKey(ws, vault, await signer(), id)),
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
    'audit.verify': () => verifyAudit(ws),
    'audit.entries': (page) => auditEntries(ws, page),
    'sync.status': async () => ({ remote: await syncRemote(ws), conflicts: await pendingConflicts(ws) }),
    'sync.run': async ({ remote }) => {
      const result = await syncWithTeam(ws, { remote, signer: await signerOrNobody(ws, vault) });
      const ids = result.changedPaths.flatMap((p) => /^(?:articles|reviews)\/(.+)\.(?:md|jsonl)$/.exec(p)?.[1] ?? []);
      book.invalidate();
      emit?.({ type: 'articles.changed', ids: [...new Set(ids)] });
      return changed([...new Set(ids)], result);
    },
    'sync.resolve': async ({ path, text }) => {
      const remaining = await resolveConflict(ws, path, text);
      book.invalidate();
      const id = /^articles\/(.+)\.md$/.exec(path)?.[1];
      if (id) emit?.({ type: 'articles.changed', ids: [id] });
      return changed(id ? [id] : [], { remaining });
    },
  };
}
