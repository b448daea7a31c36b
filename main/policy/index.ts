export { authorize, can, refusal } from './can.js';
export type { Action, Actor, Subject } from './can.js';
