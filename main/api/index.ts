export { createHandlers, dispatch } from './handlers.js';
export type { Handlers, ApiContext } from './handlers.js';
export { startHttpBridge, createHttpApp } from './http.js';
export type { HttpBridge } from './http.js';
export { openSession } from './openSession.js';
export type { Session } from './openSession.js';
export { contentSecurityPolicy } from './contentSecurityPolicy.js';
export * from './contract.js';
