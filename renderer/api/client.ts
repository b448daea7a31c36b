import type { AlmanacBridge, AlmanacEvent, Result, RouteInput, RouteName, RouteOutput } from '../../main/api/index.js';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    almanac?: AlmanacBridge;
  }
}

const http = window.almanac ? undefined : createHttpBridge();
const bridge: AlmanacBridge = window.almanac ?? http!;

/** Call a route of the contract over whichever transport exists (Electron IPC or HTTP). */
export function call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<Result<RouteOutput<R>>> {
  return bridge.invoke(route, input) as Promise<Result<RouteOutput<R>>>;
}

export function onEvent(listener: (event: AlmanacEvent) => void): () => void {
  return bridge.onEvent(listener);
}

/** Whether the studio may load: over HTTP it needs a token the server accepts; IPC needs none. */
export type Access = 'checking' | 'granted' | 'needsToken';

let access: Access = 'granted';
let attempt = 0;
const accessListeners = new Set<() => void>();

function setAccess(next: Access): void {
  if (next === access) return;
  access = next;
  accessListeners.forEach((l) => l());
}

// Ask once with the token before the studio mounts, so a stale token shows the token page, not a row of errors.
async function checkToken(): Promise<void> {
  if (!http?.hasToken()) return setAccess(http ? 'needsToken' : 'granted');
  const mine = ++attempt;
  setAccess('checking');
  const res = await http.invoke('workspace.info', {});
  if (mine !== attempt) return;
  setAccess(!res.ok && res.error.code === 'UNAUTHORIZED' ? 'needsToken' : 'granted');
}

if (http) {
  access = http.hasToken() ? 'checking' : 'needsToken';
  http.onTokenChange(() => void checkToken());
  void checkToken();
}

export function getAccess(): Access {
  return access;
}

export function onAccessChange(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}
