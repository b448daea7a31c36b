export { ReviewBook } from './ReviewBook.js';
export type { ArticleReviews } from './ReviewBook.js';
export { submitForReview, approve, requestChanges, comment, withdraw, reverify } from './reviewActions.js';
export type { ReviewContext, ReviewOutcome, ReverifyResult } from './reviewActions.js';
export { readRecords, parseRecords, signRecord, reviewFile, reviewActions, anchorSchema } from './reviewRecords.js';
export type { ReadRecord, ReviewRecord, ReviewRecordBody, PassageAnchor, ReviewAction } from './reviewRecords.js';
export { establishFacts } from './reviewFacts.js';
export { reviewQueue, needsAttention } from './reviewQueue.js';
export type { QueueItem, AttentionItem, AttentionReason } from './reviewQueue.js';
