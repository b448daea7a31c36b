import path from 'node:path';
import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import { ArticleStore } from '../articles/index.js';
import { reviewedStore } from '../review/index.js';
import { createWorkspace, openWorkspace } from '../session/index.js';
import { emit, relativeTime, table } from './output.js';
import { fileKeyVault, signerOrNobody } from '../identity/index.js';
import { readTrust, trustError } from '../trust/index.js';
import type { CliConfig } from './CliConfig.js';

export function registerArticleCommands(program: Command, config: CliConfig): void {
  program
    .command('init <ws>')
    .description('create a workspace (with the sample knowledge base when --sample)')
    .option('--sample', 'copy in the sample knowledge base')
    .option('--name <name>', 'workspace name')
    .option('--if-missing', 'do nothing when <ws> is already a workspace')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { sample?: boolean; name?: string; ifMissing?: boolean; json?: boolean }) => {
      if (opts.ifMissing) {
        const existing = await openWorkspace(dir).catch(() => undefined);
        if (existing) {
          // An older sample (or a damaged copy) keeps working read-only, but say why nothing verifies.
          const trust = await readTrust(existing);
          if (!trust.ok)
            process.stderr.write(
              `almanac: ${existing.root}: ${trustError(trust).message}${opts.sample ? ' A sample made by an older Almanac: delete the folder to get a fresh one.' : ''}\n`,
            );
          emit(opts, { root: existing.root, created: false }, () => `${existing.root} is already a workspace.`);
          return;
        }
      }
      const ws = await createWorkspace(dir, {
        name: opts.name,
        template: opts.sample ? config.sampleWorkspace : undefined,
        defaultProfile: config.defaultProfile,
      });
      const count = (await new ArticleStore(ws).ids()).length;
      emit(
        opts,
        { root: ws.root, name: ws.config.name, articles: count, created: true },
        () => `Created workspace "${ws.config.name}" at ${ws.root} with ${count} articles.\nNext: almanac web ${dir}`,
      );
    });

  program
    .command('import <ws> <paths...>')
    .description('import .md/.html files or folders, .jsonl corpora ({id,title,text}) and .csv FAQs (question,answer)')
    .option('--as <member>', 'import as this member (signed in the audit log)')
    .option(
      '--max-rows <n>',
      'rows imported from each .jsonl or .csv file (default 50000); the rest are counted and reported',
    )
    .option('--json', 'print JSON')
    .action(async (dir: string, paths: string[], opts: { as?: string; json?: boolean; maxRows?: string }) => {
      const maxRows = opts.maxRows === undefined ? undefined : Number(opts.maxRows.replace(/[_,]/g, ''));
      if (maxRows !== undefined && !(Number.isInteger(maxRows) && maxRows >= 1))
        throw new AlmanacError(
          'VALIDATION_FAILED',
          `--max-rows must be a whole number of at least 1, not "${opts.maxRows}".`,
        );
      const ws = await openWorkspace(dir);
      const { store } = reviewedStore(ws);
      const signer = await signerOrNobody(ws, fileKeyVault(config.configDir), opts.as);
      const progress = !opts.json && process.stderr.isTTY;
      const cwd = process.cwd();
      const { importPaths } = await import('../import/index.js');
      // Ctrl-C stops the import after the articles being written: what was written is recorded and
      // reported. A second Ctrl-C ends the process at once.
      const stop = new AbortController();
      const interrupt = () => stop.abort();
      process.once('SIGINT', interrupt);
      process.once('SIGTERM', interrupt);
      let shown = 0;
      const report = await importPaths(store, paths, {
        displayPath: (p) => path.relative(cwd, p) || '.',
        maxRows,
        signal: stop.signal,
        onProgress: progress
          ? (_done, _total, p) => {
              const now = Date.now();
              if (now - shown < 100) return;
              shown = now;
              const where = p.source
                ? `${p.source}${p.rows !== undefined ? ` (${p.rows.toLocaleString('en')} rows read)` : ''}`
                : '';
              process.stderr.write(
                `\rImporting: ${p.filesRead}/${p.files} files read, ${p.written.toLocaleString('en')}/${p.planned.toLocaleString('en')} articles written${where ? `; ${where}` : ''}\x1b[K`,
              );
            }
          : undefined,
        signer,
      }).finally(() => {
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
      });
      if (progress) process.stderr.write('\n');
      emit(opts, report, () => {
        const { created, updated, unchanged } = report.counts;
        const lines = [
          `Imported ${report.imported.length} articles: ${created} created, ${updated} updated, ${unchanged} unchanged.`,
        ];
        for (const a of report.imported) {
          if (a.status === 'unchanged' && !a.notes?.length && !a.removed) continue;
          const extra = [...(a.removed ? [`${a.removed} template construct(s) removed`] : []), ...(a.notes ?? [])];
          lines.push(
            `  ${a.status.padEnd(9)} ${a.id}  ${a.source}${extra.length ? `\n            ${extra.join('\n            ')}` : ''}`,
          );
        }
        if (report.failed.length) {
          lines.push(`Not imported (${report.failed.length}):`);
          for (const f of report.failed) lines.push(`  ${f.source}: ${f.reason}`);
        }
        if (report.skipped?.length) {
          lines.push(`Not pages of their site, skipped (${report.skipped.length}):`);
          for (const f of report.skipped) lines.push(`  ${f.source}: ${f.reason}`);
        }
        if (report.stopped) lines.push(report.stopped);
        return lines.join('\n');
      });
      if (report.stopped && stop.signal.aborted) process.exitCode = 130;
      else if (report.failed.length > 0 || report.stopped) process.exitCode = 3;
    });

  program
    .command('articles <ws>')
    .description('list articles with status and version')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const list = await reviewedStore(await openWorkspace(dir)).store.list();
      list.sort((a, b) => a.id.localeCompare(b.id));
      emit(opts, list, () =>
        list.length === 0
          ? 'No articles yet. Import some with: almanac import <ws> <files>'
          : table([
              ['ID', 'LOCALE', 'STATUS', 'VERSION', 'CHANGED', 'TITLE'],
              ...list.map((a) => [
                a.id,
                a.locale,
                a.status,
                `${a.version.slice(0, 7)} ${a.versionState}`,
                relativeTime(a.updatedAt),
                a.title,
              ]),
            ]),
      );
    });
}
