import { addMember, joinTeam, rotateKey, setRoles } from '../team/index.js';
import { currentMemberId, holdsKey, signerFor } from '../identity/index.js';
import type { RouteName, Handlers } from './contract.js';
import { changesFor, type SignedApiContext } from './signedChanges.js';

type TeamRoutes = Extract<RouteName, `team.${string}`>;

/** The roster: who is signed in here, joining, adding members, roles and keys (the core decides who may). */
export function teamHandlers(context: SignedApiContext): Pick<Handlers, TeamRoutes> {
  const { ws, vault } = context;
  const changed = changesFor(context);
  const signer = () => signerFor(ws, vault);
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
  };
}
