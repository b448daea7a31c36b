import { can } from '../policy/index.js';
import path from 'node:path';
import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import { cloneWorkspace, resolveConflict, syncWithTeam } from '../sync/index.js';
import { addMember, joinTeam, rotateKey, setRoles, writeRosterCache, type Role } from '../team/index.js';
import {
  currentMemberId,
  fileKeyVault,
  signerFor,
  signerOrNobody,
  isDemoKey,
  demoMembers,
  keyFingerprint,
} from '../identity/index.js';
import { openWorkspace } from '../session/index.js';
import { publisherKeys, requireTrust, rosterDifferences } from '../trust/index.js';
import { roles as allRoles } from '../workspace/index.js';
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
    .description('the roster in force (built from the signed audit log), and where almanac.json differs')
    .option('--write-cache', "rewrite almanac.json's copy of the roster from the signed one")
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { writeCache?: boolean; json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const { roster } = await requireTrust(ws);
      const me = await currentMemberId(ws).catch(() => undefined);
      const differences = rosterDifferences(ws.rosterCache, roster);
      if (o.writeCache && differences.length) await writeRosterCache(ws);
      emit(o, { members: roster, me: me ?? null, differences, demo: demoMembers(roster) }, () =>
        [
          table([
            ['ID', 'NAME', 'ROLES', 'KEY'],
            ...roster.map((m) => [
              `${m.id}${m.id === me ? ' (you)' : ''}`,
              m.name,
              m.roles.join(','),
              m.publicKey ? `${keyFingerprint(m.publicKey)}${isDemoKey(m.publicKey) ? ' (demo key)' : ''}` : 'none yet',
            ]),
          ]),
          ...differences.map((d) => `almanac.json differs: ${d.says}${o.writeCache ? ' (rewritten)' : ''}`),
        ].join('\n'),
      );
    });

  team
    .command('keys <ws>')
    .description("the keys a live agent should trust: the signed roster's managers' current and retired keys")
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const { roster } = await requireTrust(ws);
      const keys = publisherKeys(roster);
      emit(o, keys, () =>
        [
          `# Publisher keys of ${ws.config.name} (managers of the signed roster): pass this file to agent serve --trust`,
          ...roster
            .filter((m) => can(m, 'snapshot.publish'))
            .flatMap((m) => [
              ...(m.publicKey ? [`${m.publicKey}  # ${m.id}${isDemoKey(m.publicKey) ? ' (demo key)' : ''}`] : []),
              ...m.retiredKeys.map((k) => `${k.publicKey}  # ${m.id}, retired ${k.retired.slice(0, 10)}`),
            ]),
        ].join('\n'),
      );
    });

  team
    .command('join <ws>')
    .description(
      'be this member on this machine: found the team (its first member), claim your key with the invite code a manager gave you, or sign in again',
    )
    .requiredOption('--id <id>', 'member id')
    .option('--name <name>', 'your name (when founding the team)')
    .option('--email <email>', 'your e-mail')
    .option('--invite <code>', 'the invite code a manager gave you')
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { id: string; name?: string; email?: string; invite?: string; json?: boolean }) => {
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
    .description('add a member (managers only): prints an invite code they claim their key with on their machine')
    .requiredOption('--name <name>', 'their name')
    .option('--email <email>', 'their e-mail')
    .option('--roles <roles>', 'comma-separated: author, reviewer, manager, compliance', 'author')
    .option('--key <publicKey>', 'their public key (ed25519:…), instead of an invite code to claim one')
    .option('--as <member>', 'act as this manager')
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        id: string,
        o: { name: string; email?: string; roles: string; key?: string; as?: string; json?: boolean },
      ) => {
        const ws = await openWorkspace(dir);
        const added = await addMember(ws, await signerFor(ws, vault(), o.as), {
          id,
          name: o.name,
          email: o.email,
          roles: parseRoles(o.roles),
          ...(o.key ? { publicKey: o.key } : {}),
        });
        const { member, invite } = added;
        emit(o, added, () =>
          [
            `Added ${member.name} (${member.roles.join(', ')}).`,
            ...(invite
              ? [
                  `Give ${member.name} this invite code (once, not by the workspace): ${invite}`,
                  `They join on their machine with: almanac team join <ws> --id ${id} --invite ${invite}`,
                ]
              : []),
          ].join('\n'),
        );
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
      const rotated = await rotateKey(ws, vault(), await signerFor(ws, vault(), o.as), id);
      const { member, invite } = rotated;
      emit(o, rotated, () =>
        member.publicKey
          ? `${member.name} has a new key.`
          : `${member.name}'s key is retired; they claim a new one with: almanac team join <ws> --id ${id} --invite ${invite}`,
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
        const signer = await signerOrNobody(ws, vault(), o.as);
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
