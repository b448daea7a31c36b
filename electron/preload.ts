import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannel, ipcEventChannel } from '../main/api/index.js';
import type { AlmanacBridge, AlmanacEvent, Result } from '../main/api/index.js';

const bridge: AlmanacBridge = {
  invoke: (route, input) => ipcRenderer.invoke(ipcChannel, route, input) as Promise<Result<unknown>>,
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: AlmanacEvent) => listener(payload);
    ipcRenderer.on(ipcEventChannel, wrapped);
    return () => ipcRenderer.off(ipcEventChannel, wrapped);
  },
};

contextBridge.exposeInMainWorld('almanac', bridge);
