export { appendAudit, verifyAudit, verifyAuditText, relinkAudit, auditFile, auditActions } from './auditLog.js';
export type { AuditAction, AuditEntry, AuditVerification } from './auditLog.js';
export { auditEntries } from './auditEntries.js';
export type { AuditListing, AuditPage } from './auditEntries.js';
