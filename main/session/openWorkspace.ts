import { mkdir, readFile, readdir, stat, cp } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import {
  atomicWrite,
  configFile,
  removeStaleTempFiles,
  workspaceConfigSchema,
  type Workspace,
  type WorkspaceConfig,
} from '../workspace/index.js';
import { checkHistory, initRepository } from '../versions/index.js';
import { readTrust } from '../trust/index.js';

/** Open and validate a workspace folder. Throws NOT_A_WORKSPACE or VALIDATION_FAILED. */
export async function openWorkspace(dir: string): Promise<Workspace> {
  const root = path.resolve(dir);
  let text: string;
  try {
    text = await readFile(path.join(root, configFile), 'utf8');
  } catch {
    throw new AlmanacError(
      'NOT_A_WORKSPACE',
      `${root} is not an Almanac workspace (no ${configFile}). Create one with: almanac init ${dir}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AlmanacError('VALIDATION_FAILED', `${configFile} is not valid JSON: ${(err as Error).message}`, {
      problems: [{ file: configFile, message: (err as Error).message, fix: 'Fix the JSON syntax.' }],
    });
  }
  const parsed = workspaceConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      file: configFile,
      field: i.path.join('.'),
      message: `"${i.path.join('.')}" ${i.message}`,
    }));
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${configFile} is invalid: ${problems.map((p) => p.message).join('; ')}`,
      { problems },
    );
  }
  const ws: Workspace = {
    root,
    config: { ...parsed.data, team: [] },
    rosterCache: parsed.data.team,
    articlesDir: path.join(root, 'articles'),
    localDir: path.join(root, '.almanac'),
  };
  // A broken chain still gives the roster up to the break, for display; every action checks the chain itself.
  ws.config.team = (await readTrust(ws)).roster;
  await mkdir(ws.articlesDir, { recursive: true });
  await mkdir(ws.localDir, { recursive: true });
  await removeStaleTempFiles(ws.articlesDir);
  await checkHistory(root);
  return ws;
}

export interface CreateOptions {
  name?: string;
  /** Folder of a workspace to copy in (the sample knowledge base). */
  template?: string;
  /** Default agent profile, used when there is no template. */
  defaultProfile?: string;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

/** Create a workspace in an empty or missing folder. Throws CONFLICT if the folder has files. */
export async function createWorkspace(dir: string, options: CreateOptions = {}): Promise<Workspace> {
  const root = path.resolve(dir);
  if (!(await isEmptyDir(root))) {
    const isWorkspace = await stat(path.join(root, configFile)).then(
      () => true,
      () => false,
    );
    throw new AlmanacError(
      'CONFLICT',
      isWorkspace
        ? `${root} is already a workspace. Open it instead.`
        : `${root} is not empty. Choose an empty or new folder.`,
    );
  }
  await mkdir(root, { recursive: true });
  if (options.template) {
    await cp(options.template, root, { recursive: true });
  } else {
    const config: WorkspaceConfig = {
      name: options.name ?? path.basename(root),
      locales: ['en', 'zh-CN'],
      team: [],
    };
    await atomicWrite(path.join(root, configFile), `${JSON.stringify(config, null, 2)}\n`);
    await mkdir(path.join(root, 'agent'), { recursive: true });
    if (options.defaultProfile) await cp(options.defaultProfile, path.join(root, 'agent', 'profile.md'));
  }
  await mkdir(path.join(root, 'articles'), { recursive: true });
  await atomicWrite(path.join(root, '.gitignore'), '.almanac/\n');
  const ws = await openWorkspace(root);
  await initRepository(ws, options.template ? 'Create workspace from the sample knowledge base' : 'Create workspace');
  return ws;
}
