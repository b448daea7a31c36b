export { answerQuestion, requireQuestion } from './answerQuestion.js';
export type {
  AnswerOptions,
  AnswerResult,
  AnswerTrace,
  Citation,
  Handoff,
  Knowledge,
  KnowledgeSource,
  TracedChunk,
} from './answerQuestion.js';
export type { ChatMessage, CompletionProvider, CompletionRequest, OpenAiSettings } from './answerProvider.js';
export {
  agentProfileSchema,
  parseProfile,
  serializeProfile,
  readWorkingProfile,
  readProfileVersion,
  profileFile,
} from './agentProfile.js';
export type { AgentProfile, AgentProfileMeta, Intent } from './agentProfile.js';
export { checkIntentWithModel, intentCheckPrompt, topicOfReply } from './modelIntentCheck.js';
export type { ModelIntentCheck } from './modelIntentCheck.js';
export { buildPrompt } from './buildPrompt.js';
export type { Turn } from './buildPrompt.js';
export { checkGrounding, supportThreshold } from './checkGrounding.js';
export type { GroundedSentence, CitedPassage } from './checkGrounding.js';
export { matchIntents, exampleThreshold } from './matchIntents.js';
export type { IntentMatch } from './matchIntents.js';
export { KnowledgeViews } from './knowledgeViews.js';
export { retrievalQuery, isFollowUp } from './followUp.js';
export { recordFeedback, readFeedback, openFeedback, feedbackFile } from './answerFeedback.js';
export type { AnswerFeedback } from './answerFeedback.js';
export { feedbackInputSchema } from './feedbackSchema.js';
export { handoffSuggestions } from './handoffSuggestions.js';
export type { HandoffSuggestion } from './handoffSuggestions.js';
export type { FeedbackInput } from './feedbackSchema.js';
export { openAiProvider } from './openAiProvider.js';
export { readProviderSettings, saveProviderSettings, viewOf, openAiSettingsSchema } from './providerSettings.js';
export type { ProviderSettingsView } from './providerSettings.js';
export { contentTerms, hanBigrams, questionLanguage, termOf, wordsOf, numbersIn, localeIs } from './textTerms.js';
export { passageSentences, answerSentences } from './passageSentences.js';
export type { PassageSentence } from './passageSentences.js';
