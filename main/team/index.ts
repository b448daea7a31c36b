export { joinTeam, addMember, setRoles, rotateKey, writeRosterCache } from './teamActions.js';
export type { AddedMember, JoinInput, Role } from './teamActions.js';
