import { app } from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { atomicWrite } from '../main/workspace/index.js';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** What the shell remembers between launches: window bounds and recent workspaces. */
export interface AppState {
  window: WindowBounds;
  recent: string[];
}

const file = () => path.join(app.getPath('userData'), 'app-state.json');
const defaults: AppState = { window: { width: 1440, height: 900 }, recent: [] };

export function loadAppState(): AppState {
  try {
    return { ...defaults, ...(JSON.parse(readFileSync(file(), 'utf8')) as Partial<AppState>) };
  } catch {
    return structuredClone(defaults);
  }
}

export function saveAppState(state: AppState): Promise<void> {
  return atomicWrite(file(), JSON.stringify(state, null, 2));
}

export function rememberWorkspace(state: AppState, root: string): void {
  state.recent = [root, ...state.recent.filter((r) => r !== root)].slice(0, 10);
}
