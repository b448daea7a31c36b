export { SnapshotStore } from './SnapshotStore.js';
export type { ActiveState, StoredSnapshot } from './SnapshotStore.js';
export { LiveAgent } from './LiveAgent.js';
export type { LoadedSnapshot } from './LiveAgent.js';
export { ConversationLog } from './conversationLog.js';
export type { LogEntry } from './conversationLog.js';
export {
  createAgentApp,
  internalErrorMessage,
  maxJsonBytes,
  providerFailedMessage,
  startAgentServer,
} from './agentServer.js';
export type { AgentServerOptions, RunningAgent } from './agentServer.js';
export { defaultBundleLimits, unpackBundle } from './unpackBundle.js';
export type { BundleLimits } from './unpackBundle.js';
export { readTrustedKeys } from './trustedKeys.js';
export { followBucket } from './followBucket.js';
