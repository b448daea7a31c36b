import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import type { HealthPassage, HealthReport } from '../health/index.js';
import type { CliConfig } from './CliConfig.js';
import { emit } from './output.js';

function threshold(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new AlmanacError('VALIDATION_FAILED', `${flag} must be between 0 and 1.`);
  return n;
}

const where = (p: HealthPassage) =>
  `${p.articleId} "${p.title}"${p.headings.length ? ` > ${p.headings.join(' > ')}` : ''}`;

function summary(report: HealthReport): string {
  const lines = [`Checked ${report.passages} customer-facing passages.`, ''];
  if (report.conflicts.length === 0) lines.push('No conflicts.');
  else lines.push(`${report.conflicts.length} possible conflict${report.conflicts.length === 1 ? '' : 's'}:`);
  for (const c of report.conflicts) {
    lines.push('', `  ${c.summary}  (similarity ${c.similarity.toFixed(2)})`);
    for (const [p, states] of [
      [c.a, c.aStates],
      [c.b, c.bStates],
    ] as const) {
      lines.push(`    ${where(p)}`);
      for (const s of states) lines.push(`      ${s}`);
    }
  }
  lines.push('');
  if (report.duplicates.length === 0) lines.push('No near-duplicates.');
  else lines.push(`${report.duplicates.length} near-duplicate passage${report.duplicates.length === 1 ? '' : 's'}:`);
  for (const d of report.duplicates) {
    lines.push('', `  similarity ${d.similarity.toFixed(2)}`, `    ${where(d.a)}`, `    ${where(d.b)}`);
  }
  return lines.join('\n');
}

export function registerHealthCommand(program: Command, _config: CliConfig): void {
  program
    .command('health <ws>')
    .description('near-duplicate passages across articles, and similar passages that state different numbers')
    .option('--duplicate-threshold <n>', 'similarity from which two passages are near-duplicates (0 to 1)')
    .option('--conflict-threshold <n>', 'similarity from which two passages must state the same numbers (0 to 1)')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { duplicateThreshold?: string; conflictThreshold?: string; json?: boolean }) => {
      const options = {
        duplicateThreshold: threshold('--duplicate-threshold', opts.duplicateThreshold),
        conflictThreshold: threshold('--conflict-threshold', opts.conflictThreshold),
      };
      // LanceDB loads only when the command runs; no embedding model is needed, so none is loaded.
      const { openWorkspace } = await import('../session/index.js');
      const { reviewedStore } = await import('../review/index.js');
      const { indexDir, indexWorkspace, openRetrieval } = await import('../indexing/index.js');
      const { customerPassages, knowledgeHealth } = await import('../health/index.js');
      const { store } = reviewedStore(await openWorkspace(dir));
      const retrieval = await openRetrieval(indexDir(store));
      let rows;
      try {
        await indexWorkspace(store, retrieval.index);
        rows = await retrieval.index.rowsForVectors();
      } finally {
        await retrieval.close();
      }
      if (retrieval.index.repaired && !opts.json) process.stderr.write(`${retrieval.index.repaired}\n`);
      const report = knowledgeHealth(customerPassages(rows), options);
      emit(opts, report, () => summary(report));
    });
}
