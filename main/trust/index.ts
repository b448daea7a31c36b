export {
  auditActions,
  auditFile,
  auditHeadFile,
  bodyOf,
  chainHash,
  entryId,
  genesisHash,
  logLines,
  mergeAuditLogs,
  parseEntry,
  relinkAudit,
} from './auditChain.js';
export type { AuditAction, AuditBody, AuditEntry } from './auditChain.js';
export { ChainVerifier, inviteHash, replayChain } from './ChainVerifier.js';
export type { ChainBreak, ChainEvent, ChainNotice, Role, TeamRoot } from './ChainVerifier.js';
export { auditHeadSchema, checkHead, checkPin, signHead, trustPinSchema } from './auditHead.js';
export type { AuditHead, TrustPin } from './auditHead.js';
export { forgetTrust, readTrust, trustPinFile } from './readTrust.js';
export type { TrustState } from './readTrust.js';
export { rosterDifferences } from './rosterDifferences.js';
export type { RosterDifference } from './rosterDifferences.js';
export { requireTrust, trustError, trustOf } from './requireTrust.js';
export { publisherKeys } from './publisherKeys.js';
