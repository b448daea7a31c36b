import type { QueueItem } from '../../main/api/index.js';
import { useIdentityStore } from '../stores/useIdentityStore';

/**
 * Whether the signed-in member submitted the waiting version or wrote it since the approved one (the
 * signed saves, as the core counts them): the core refuses their approval, so the studio does not offer it.
 */
export function useOwnVersion(item: QueueItem): boolean {
  const me = useIdentityStore((s) => s.identity.me);
  return !!me && (item.submittedBy === me.id || item.authors.includes(me.id));
}
