export {
  generateKeyPair,
  keyFingerprint,
  publicKeyOf,
  signValue,
  verifyValue,
  isPublicKey,
  canonicalBytes,
} from './keys.js';
export { fileKeyVault } from './keyVault.js';
export type { KeyVault } from './keyVault.js';
export {
  currentMemberId,
  setCurrentMemberId,
  findMember,
  holdsKey,
  signerFor,
  signerOrNobody,
  savingAs,
} from './localIdentity.js';
export type { Signer } from './localIdentity.js';
export { joinTeam, addMember, setRoles, rotateKey, writeRosterCache } from './teamActions.js';
export type { AddedMember, JoinInput, Role } from './teamActions.js';
export { demoMembers, isDemoKey } from './demoKeys.js';
