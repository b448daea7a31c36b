export { appendAudit, advancePin, verifyAudit, readTrust } from './auditLog.js';
export type { AuditVerification } from './auditLog.js';
export { auditEntries } from './auditEntries.js';
export type { AuditListing, AuditPage } from './auditEntries.js';
export { auditActions, auditFile, auditHeadFile, relinkAudit } from '../trust/index.js';
export type { AuditAction, AuditEntry } from '../trust/index.js';
