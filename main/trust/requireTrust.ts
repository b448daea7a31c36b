import { AlmanacError } from '../AlmanacError.js';
import type { Workspace } from '../workspace/index.js';
import { readTrust, type TrustState } from './readTrust.js';

/** Read the trust chain and make `ws.config.team` the roster it builds. Never throws. */
export async function trustOf(ws: Workspace): Promise<TrustState> {
  const state = await readTrust(ws);
  ws.config.team = state.roster;
  return state;
}

/** The broken chain as the error an action stops with: the file, the line, why, and what to do. */
export function trustError(state: TrustState): AlmanacError {
  const b = state.broken!;
  const where = b.line ? `${b.file} line ${b.line}` : b.file;
  return new AlmanacError('DAMAGED', `The team's trust chain does not verify at ${where}: ${b.reason}. ${b.fix}`, {
    problems: [{ file: b.file, message: b.reason, fix: b.fix }],
    line: b.line,
  });
}

/** The trust chain, or DAMAGED naming the file when it does not verify: for every action trust depends on. */
export async function requireTrust(ws: Workspace): Promise<TrustState> {
  const state = await trustOf(ws);
  if (!state.ok) throw trustError(state);
  return state;
}
