import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const sampleWorkspace = path.join(repoRoot, 'resources/.sample-workspace');

/** Run the command line in this checkout and stop the script if it fails. */
export function almanacSync(...args: string[]): string {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
  return res.stdout;
}

/** Copy the sample knowledge base to resources/.sample-workspace the first time. */
export function ensureSampleWorkspace(): string {
  const { created } = JSON.parse(almanacSync('init', sampleWorkspace, '--sample', '--if-missing', '--json')) as {
    created: boolean;
  };
  if (created) process.stdout.write(`Created the sample workspace at ${sampleWorkspace}\n`);
  return sampleWorkspace;
}
