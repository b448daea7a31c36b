import { ipcMain, type WebContents } from 'electron';
import { dispatch, ipcChannel, ipcEventChannel, type AlmanacEvent, type Handlers } from '../main/api';

/** One channel dispatches every route through the core's handler table; no logic of its own. */
export function registerIpc(
  getHandlers: () => Handlers | undefined,
  isTrusted: (sender: WebContents) => boolean,
): void {
  ipcMain.handle(ipcChannel, async (event, route: unknown, input: unknown) => {
    const handlers = getHandlers();
    if (!isTrusted(event.sender) || typeof route !== 'string') {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This window may not call the studio API.' } };
    }
    if (!handlers) {
      return {
        ok: false,
        error: { code: 'NOT_A_WORKSPACE', message: 'No workspace is open. Use File > Open Workspace.' },
      };
    }
    return dispatch(handlers, route, input);
  });
}

export function sendEvent(contents: WebContents, event: AlmanacEvent): void {
  if (!contents.isDestroyed()) contents.send(ipcEventChannel, event);
}
