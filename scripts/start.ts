// `npm start`: build, make the sample workspace, then open the desktop shell, or the studio in a browser where Electron cannot run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ensureSampleWorkspace, repoRoot } from './ensureSampleWorkspace.js';

/** Electron's binary when it is installed; unlike require('electron'), this never starts a download. */
function electronBinary(): string | undefined {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function openBrowser(url: string): void {
  if (!hasDisplay) return;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

function startInBrowser(ws: string, reason: string): void {
  process.stdout.write(`${reason}; opening the studio in your browser instead.\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), 'web', ws, '--json'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  createInterface({ input: child.stdout! }).once('line', (line) => {
    const { url } = JSON.parse(line) as { url: string };
    process.stdout.write(`Open ${url}\nPress Ctrl+C to stop.\n`);
    openBrowser(url);
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

const build = spawnSync('npm', ['run', '-s', 'build'], {
  cwd: repoRoot,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const ws = process.argv[2] ? path.resolve(process.argv[2]) : ensureSampleWorkspace();
const electron = electronBinary();
if (!electron) {
  startInBrowser(ws, 'The desktop shell is not available on this machine (no Electron binary)');
} else if (!hasDisplay) {
  startInBrowser(ws, 'The desktop shell cannot open a window here (no display)');
} else {
  const shell = spawn(electron, ['.', ws], { cwd: repoRoot, stdio: 'inherit' });
  shell.on('exit', (code) => process.exit(code ?? 0));
}
