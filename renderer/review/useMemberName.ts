import { useCallback } from 'react';
import { useWorkspaceStore } from '../stores/useWorkspaceStore';

/** A member's display name from the roster, falling back to the id. */
export function useMemberName(): (id: string) => string {
  const team = useWorkspaceStore((s) => s.info?.team);
  return useCallback((id: string) => team?.find((m) => m.id === id)?.name ?? id, [team]);
}
