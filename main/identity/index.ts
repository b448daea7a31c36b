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
export { demoMembers, isDemoKey } from './demoKeys.js';
export { demoKeyPairs } from './demoKeys.js';
