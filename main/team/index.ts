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
export { currentMemberId, setCurrentMemberId, findMember, holdsKey, signerFor } from './localIdentity.js';
export type { Signer } from './localIdentity.js';
export { checkSignature } from './verifySigner.js';
export { joinTeam, addMember, setRoles, rotateKey } from './teamActions.js';
export type { JoinInput, Role } from './teamActions.js';
