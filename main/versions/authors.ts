import type { Workspace } from '../workspace/index.js';

export interface GitAuthor {
  name: string;
  email: string;
}

/** The git author for a team member id, or a plain name when it is not on the roster. */
export function resolveAuthor(ws: Workspace, author?: string): GitAuthor {
  const member = ws.config.team.find((m) => m.id === author);
  if (member) return { name: member.name, email: member.email ?? `${member.id}@almanac.local` };
  const name = author?.trim() || 'Almanac user';
  return { name, email: `${name.toLowerCase().replace(/[^\w.-]+/g, '.')}@almanac.local` };
}
