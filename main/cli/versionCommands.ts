import type { Command } from 'commander';
import { commitArticles, listVersions, restoreVersion } from '../versions/index.js';
import { diffVersions, type ArticleDiff } from '../articles/index.js';
import { openWorkspace } from '../session/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { emit, table } from './output.js';
import { fileKeyVault, savingAs } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import type { CliConfig } from './CliConfig.js';

const color = (code: number, s: string) => (process.stdout.isTTY ? `\x1b[${code}m${s}\x1b[0m` : s);

function renderDiff(diff: ArticleDiff): string {
  const side = (s: ArticleDiff['from']) => `${s.ref.slice(0, 7)} (content ${s.version.slice(0, 7)})`;
  const lines = [
    `${diff.id}: ${side(diff.from)} -> ${side(diff.to)}  (+${diff.stats.added} -${diff.stats.removed} chars)`,
  ];
  for (const f of diff.fields) lines.push(`  ${f.field}: ${JSON.stringify(f.from)} -> ${JSON.stringify(f.to)}`);
  if (diff.fields.length) lines.push('');
  const text = diff.body
    .map((c) =>
      c.kind === 'added' ? color(32, `{+${c.text}+}`) : c.kind === 'removed' ? color(31, `[-${c.text}-]`) : c.text,
    )
    .join('');
  const same =
    diff.from.version === diff.to.version
      ? `(the same text: both have content ${diff.from.version.slice(0, 7)})`
      : '(the text is the same)';
  lines.push(diff.body.some((c) => c.kind !== 'equal') ? text : same);
  return lines.join('\n');
}

export function registerVersionCommands(program: Command, config: CliConfig): void {
  // A version is signed by the member signed in here, or by --author when that member's key is here.
  const author = (ws: Workspace, given?: string) => savingAs(ws, fileKeyVault(config.configDir), given);
  program
    .command('commit <ws> [ids...]')
    .description('save a version of the given articles (all changed ones when none are given)')
    .requiredOption('-m, --message <message>', 'what changed')
    .option(
      '--author <member>',
      'the member saving it (their key must be on this machine); a name before the team exists',
    )
    .option('--json', 'print JSON')
    .action(async (dir: string, ids: string[], opts: { message: string; author?: string; json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const result = await commitArticles(ws, ids, opts.message, await author(ws, opts.author));
      emit(opts, result, () =>
        [
          `Saved version ${result.commit.slice(0, 7)}:`,
          ...result.articles.map((a) => `  ${a.id} ${a.version ? a.version.slice(0, 7) : '(deleted)'}`),
        ].join('\n'),
      );
    });

  program
    .command('history <ws> <id>')
    .description("list an article's versions, newest first")
    .option('--json', 'print JSON')
    .action(async (dir: string, id: string, opts: { json?: boolean }) => {
      const versions = await listVersions(await openWorkspace(dir), id);
      if (versions.length === 0)
        throw new AlmanacError(
          'NOT_FOUND',
          `Article ${id} has no versions. Save one with: almanac commit ${dir} ${id} -m "..."`,
        );
      emit(opts, versions, () =>
        table([
          ['COMMIT', 'CONTENT', 'DATE', 'AUTHOR', 'MESSAGE'],
          ...versions.map((v) => [
            v.commit.slice(0, 7),
            v.version?.slice(0, 7) ?? 'deleted',
            new Date(v.timestamp).toISOString().slice(0, 16).replace('T', ' '),
            v.author.name,
            v.sameTextAs ? `${v.message} (same text as ${v.sameTextAs.slice(0, 7)}, restored)` : v.message,
          ]),
        ]),
      );
    });

  program
    .command('diff <ws> <id> <from> <to>')
    .description('word-level diff of two versions ("working", "latest", or a commit or content-hash prefix)')
    .option('--json', 'print JSON')
    .action(async (dir: string, id: string, from: string, to: string, opts: { json?: boolean }) => {
      const diff = await diffVersions(await openWorkspace(dir), id, from, to);
      emit(opts, diff, () => renderDiff(diff));
    });

  program
    .command('restore <ws> <id> <version>')
    .description('restore an old version (commit or content-hash prefix) as a new version; history is never rewritten')
    .option(
      '--author <member>',
      'the member saving it (their key must be on this machine); a name before the team exists',
    )
    .option('--json', 'print JSON')
    .action(async (dir: string, id: string, version: string, opts: { author?: string; json?: boolean }) => {
      const ws = await openWorkspace(dir);
      const result = await restoreVersion(ws, id, version, await author(ws, opts.author));
      emit(
        opts,
        result,
        () =>
          `Restored ${id} to ${result.restoredFrom.slice(0, 7)} (content ${result.restoredVersion.slice(0, 7)}) as new version ${result.commit.slice(0, 7)}.`,
      );
    });
}
