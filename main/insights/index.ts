export {
  loadConversations,
  parseAgentLog,
  parseCsvLog,
  readAgentLog,
  loadConversationsFrom,
  csvHeader,
} from './conversationLogs.js';
export type { AgentLogSource, Conversation, LoadedLog } from './conversationLogs.js';
export { insightsReport, defaultCosts } from './insightsReport.js';
export type { InsightsReport, Figures, CostSettings } from './insightsReport.js';
export { clusterQuestions, lexicalThreshold, embeddingThreshold } from './clusterQuestions.js';
export type { GapQuestion, GapCluster, ClusterOptions } from './clusterQuestions.js';
export { gapDraft } from './gapDraft.js';
export type { GapDraft, GapDraftOptions, RelatedArticle } from './gapDraft.js';
export { contentGaps, gapQuestions } from './gapQuestions.js';
export { maskPersonalData } from './personalData.js';
