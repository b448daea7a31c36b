export { agentBytes, agentCall, agentText } from './agentClient.js';
export type { AgentAddress } from './agentClient.js';
