import { auditEntries, verifyAudit } from '../audit/index.js';
import { signerOrNobody } from '../identity/index.js';
import { pendingConflicts, resolveConflict, syncRemote, syncWithTeam } from '../sync/index.js';
import type { RouteName, Handlers } from './contract.js';
import { changesFor, type SignedApiContext } from './signedChanges.js';

type SyncRoutes = Extract<RouteName, `audit.${string}` | `sync.${string}`>;

/** The audit log (verify, page through) and syncing with the team's remote, conflicts included. */
export function syncHandlers(context: SignedApiContext): Pick<Handlers, SyncRoutes> {
  const { ws, book, vault, emit } = context;
  const changed = changesFor(context);
  return {
    'audit.verify': () => verifyAudit(ws),
    'audit.entries': (page) => auditEntries(ws, page),
    'sync.status': async () => ({ remote: await syncRemote(ws), conflicts: await pendingConflicts(ws) }),
    'sync.run': async ({ remote }) => {
      const result = await syncWithTeam(ws, { remote, signer: await signerOrNobody(ws, vault) });
      const ids = [
        ...new Set(result.changedPaths.flatMap((p) => /^(?:articles|reviews)\/(.+)\.(?:md|jsonl)$/.exec(p)?.[1] ?? [])),
      ];
      book.invalidate();
      emit?.({ type: 'articles.changed', ids });
      return changed(ids, result);
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
