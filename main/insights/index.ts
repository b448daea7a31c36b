export { loadConversations, parseAgentLog, parseCsvLog, csvHeader } from './conversationLogs.js';
export type { Conversation, LoadedLog } from './conversationLogs.js';
export { insightsReport, defaultCosts } from './insightsReport.js';
export type { InsightsReport, Figures, CostSettings } from './insightsReport.js';
