import type { AlmanacBridge, AlmanacEvent, Result, RouteInput, RouteName, RouteOutput } from '../../main/api/contract';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    almanac?: AlmanacBridge;
  }
}

const bridge: AlmanacBridge = window.almanac ?? createHttpBridge();

/** Call a route of the contract over whichever transport exists (Electron IPC or HTTP). */
export function call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<Result<RouteOutput<R>>> {
  return bridge.invoke(route, input) as Promise<Result<RouteOutput<R>>>;
}

export function onEvent(listener: (event: AlmanacEvent) => void): () => void {
  return bridge.onEvent(listener);
}
