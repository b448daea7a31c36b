/** IPC channel names; kept free of imports so the sandboxed preload bundles only these strings. */
export const ipcChannel = 'almanac:invoke';
export const ipcEventChannel = 'almanac:event';
