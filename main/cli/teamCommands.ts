import path from 'node:path';
import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import { cloneWorkspace, resolveConflict, syncWithTeam } from '../sync/index.js';
import {
  addMember,
  currentMemberId,
  fileKeyVault,
  joinTeam,
  rotateKey,
  setRoles,
  signerFor,
  type Role,
} from '../team/index.js';
import { openWorkspace } from '../workspace/index.js';
import { roles as allRoles } from '../workspace/workspaceConfig.js';
import { readFile } from 'node:fs/promises';
import type { CliConfig } from './CliConfig.js';
import { emit, table } from './output.js';

function parseRoles(list: string): Role[] {
  const roles = list
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = roles.filter((r) => !(allRoles as readonly string[]).includes(r));
  if (bad.length || roles.length === 0)
    throw new AlmanacError('VALIDATION_FAILED', `Roles are ${allRoles.join(', ')} (comma-separated), not "${list}".`);
  return roles as Role[];
}

export function registerTeamCommands(program: Command, config: CliConfig): void {
  const vault = () => fileKeyVault(config.configDir);
  const team = program.command('team').description('the roster: members, roles and signing keys');

  team
    .command('list <ws>')
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const me = await currentMemberId(ws);
      emit(o, { members: ws.config.team, me: me ?? null }, () =>
        table([
          ['ID', 'NAME', 'ROLES', 'KEY'],
          ...ws.config.team.map((m) => [
            `${m.id}${m.id === me ? ' (you)' : ''}`,
            m.name,
            m.roles.join(','),
            m.publicKey ? m.publicKey.slice(8, 20) : 'none yet',
          ]),
        ]),
      );
    });

  team
    .command('join <ws>')
    .description('be this member on this machine: claim a roster entry without a key, or join as a new author')
    .requiredOption('--id <id>', 'member id')
    .option('--name <name>', 'your name (when joining as someone new)')
    .option('--email <email>', 'your e-mail')
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { id: string; name?: string; email?: string; json?: boolean }) => {
      const signer = await joinTeam(await openWorkspace(dir), vault(), o);
      emit(
        o,
        signer.member,
        () =>
          `You are ${signer.member.name} (${signer.member.roles.join(', ')}) in this workspace; your key is in ${vault().where}.`,
      );
    });

  team
    .command('add <ws> <id>')
    .description('add a member (managers only); they claim their key with `team join` on their machine')
    .requiredOption('--name <name>', 'their name')
    .option('--email <email>', 'their e-mail')
    .option('--roles <roles>', 'comma-separated: author, reviewer, manager', 'author')
    .option('--as <member>', 'act as this manager')
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        id: string,
        o: { name: string; email?: string; roles: string; as?: string; json?: boolean },
      ) => {
        const ws = await openWorkspace(dir);
        const member = await addMember(ws, await signerFor(ws, vault(), o.as), {
          id,
          name: o.name,
          email: o.email,
          roles: parseRoles(o.roles),
        });
        emit(o, member, () => `Added ${member.name} (${member.roles.join(', ')}).`);
      },
    );

  team
    .command('roles <ws> <id> <roles>')
    .description("set a member's roles (managers only)")
    .option('--as <member>', 'act as this manager')
    .option('--json', 'print JSON')
    .action(async (dir: string, id: string, list: string, o: { as?: string; json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const member = await setRoles(ws, await signerFor(ws, vault(), o.as), id, parseRoles(list));
      emit(o, member, () => `${member.name} is now ${member.roles.join(', ')}.`);
    });

  team
    .command('rotate-key <ws> <id>')
    .description("retire a member's key (old signatures stay valid); your own gets a new key here")
    .option('--as <member>', 'act as this member or manager')
    .option('--json', 'print JSON')
    .action(async (dir: string, id: string, o: { as?: string; json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const member = await rotateKey(ws, vault(), await signerFor(ws, vault(), o.as), id);
      emit(o, member, () =>
        member.publicKey
          ? `${member.name} has a new key.`
          : `${member.name}'s key is retired; they claim a new one with: almanac team join <ws> --id ${id}`,
      );
    });

  program
    .command('clone <remote> <ws>')
    .description("copy a team's workspace from its git remote (a bare repository path or an http(s) URL)")
    .option('--json', 'print JSON')
    .action(async (remote: string, dir: string, o: { json?: boolean }) => {
      const source = /^[a-z]+:\/\//i.test(remote) ? remote : path.resolve(remote);
      const ws = await cloneWorkspace(source, dir);
      emit(o, { root: ws.root, name: ws.config.name, remote: source }, () =>
        [`Cloned "${ws.config.name}" into ${ws.root}.`, `Next: almanac team join ${dir} --id <your id>`].join('\n'),
      );
    });

  program
    .command('sync <ws> [remote]')
    .description('pull, merge and push through a git remote (a bare repository path or an http(s) URL)')
    .option('--as <member>', 'sync as this member')
    .option('--resolve <path>', 'resolve a conflict: the file (articles/<id>.md) to settle')
    .option('--with <file>', 'with --resolve: the resolved text (a file; omit to keep the working text)')
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        remote: string | undefined,
        o: { as?: string; resolve?: string; with?: string; json?: boolean },
      ) => {
        const ws = await openWorkspace(dir);
        if (o.resolve) {
          const text = o.with ? await readFile(o.with, 'utf8') : await readFile(path.join(ws.root, o.resolve), 'utf8');
          const remaining = await resolveConflict(ws, o.resolve, text);
          emit(o, { remaining }, () =>
            remaining.length
              ? `${remaining.length} conflict(s) left: ${remaining.map((c) => c.path).join(', ')}`
              : 'All conflicts resolved; run sync again to push.',
          );
          return;
        }
        const signer = await signerFor(ws, vault(), o.as).catch(() => undefined);
        const target = remote && !/^[a-z]+:\/\//i.test(remote) ? path.resolve(remote) : remote;
        const result = await syncWithTeam(ws, { remote: target, signer });
        emit(o, result, () => {
          if (result.state === 'conflicts')
            return [
              `Both sides changed ${result.conflicts.length} file(s). Your text is kept; theirs is readable with --json.`,
              ...result.conflicts.map((c) => `  ${c.path}`),
              `Settle each with: almanac sync ${dir} --resolve <path> [--with <file>]`,
            ].join('\n');
          if (result.state === 'offline')
            return result.message ?? 'The remote cannot be reached; sync again when back online.';
          return `Sync: ${result.state}; ${result.pulled} commit(s) in, ${result.pushed} out${result.changedPaths.length ? `; changed ${result.changedPaths.join(', ')}` : ''}.`;
        });
        if (result.state === 'conflicts') process.exitCode = 3;
      },
    );
}
