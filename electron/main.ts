import { app, BrowserWindow, dialog, Menu, session as electronSession, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy, openSession, type Session } from '../main/api';
import { createWorkspace } from '../main/session';
import { fileKeyVault } from '../main/identity';
import { safeStorageVault } from './safeStorageVault';
import { loadAppState, rememberWorkspace, saveAppState } from './appState';
import { registerIpc, sendEvent } from './ipc';
import { buildMenu } from './menu';

const here = import.meta.dirname;
const rendererIndex = path.join(here, '../renderer/index.html');
const preload = path.join(here, '../preload/preload.cjs');
const resources = app.isPackaged ? process.resourcesPath : path.join(here, '../../resources');
// electron-vite sets this in `npm run dev`: load the renderer from its dev server for hot reload.
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

const state = loadAppState();
let window: BrowserWindow | undefined;
let current: Session | undefined;
let stopEvents: (() => void) | undefined;

function workspaceFromArgs(argv: string[]): string | undefined {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a !== '.');
  return args.at(-1);
}

async function openWorkspaceAt(root: string): Promise<void> {
  try {
    const configDir = process.env.ALMANAC_CONFIG_DIR ?? path.join(app.getPath('appData'), 'almanac');
    const next = await openSession(root, {
      transport: 'ipc',
      modelDir: process.env.ALMANAC_MODEL_DIR ?? path.join(resources, 'models'),
      vault: safeStorageVault(path.join(app.getPath('userData'), 'keys'), fileKeyVault(configDir)),
      configDir,
    });
    stopEvents?.();
    await current?.close();
    current = next;
    stopEvents = next.subscribe((event) => window && sendEvent(window.webContents, event));
    rememberWorkspace(state, next.ws.root);
    await saveAppState(state);
    refreshMenu();
    window?.setTitle(`${next.ws.config.name} — Almanac`);
    window?.webContents.reload();
  } catch (err) {
    dialog.showErrorBox('Cannot open workspace', (err as Error).message);
  }
}

async function chooseWorkspace(create: boolean): Promise<void> {
  const result = await dialog.showOpenDialog({
    title: create ? 'Choose an empty folder for the new workspace' : 'Open an Almanac workspace',
    properties: ['openDirectory', 'createDirectory'],
  });
  const dir = result.filePaths[0];
  if (result.canceled || !dir) return;
  if (create) {
    try {
      await createWorkspace(dir, { defaultProfile: path.join(resources, 'default-profile.md') });
    } catch (err) {
      dialog.showErrorBox('Cannot create workspace', (err as Error).message);
      return;
    }
  }
  await openWorkspaceAt(dir);
}

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildMenu({
      recent: state.recent,
      openWorkspace: () => void chooseWorkspace(false),
      newWorkspace: () => void chooseWorkspace(true),
      openRecent: (root) => void openWorkspaceAt(root),
    }),
  );
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    ...state.window,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Almanac',
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
  });
  if (state.window.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    state.window = { ...win.getNormalBounds(), maximized: win.isMaximized() };
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('close', () => void saveAppState(state));
  const own = devServer ? `${new URL(devServer).origin}/` : pathToFileURL(rendererIndex).href;
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!url.startsWith(own)) event.preventDefault();
  };
  win.webContents.on('will-navigate', stayHome);
  win.webContents.on('will-redirect', stayHome);
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url) || url.startsWith('mailto:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void (devServer ? win.loadURL(devServer) : win.loadFile(rendererIndex));
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const root = workspaceFromArgs(argv);
    if (root) void openWorkspaceAt(path.resolve(root));
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      // The dev server's index.html carries the dev policy (HMR socket, refresh preamble) in its <meta>.
      if (devServer && details.url.startsWith(devServer)) return callback({});
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
    });
    electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    registerIpc(
      () => current?.handlers,
      (sender) => sender === window?.webContents,
    );
    const root = workspaceFromArgs(process.argv) ?? state.recent[0];
    if (root) await openWorkspaceAt(path.resolve(root));
    refreshMenu();
    window = createWindow();
  });
  app.on('window-all-closed', () => {
    void current?.close();
    app.quit();
  });
}
