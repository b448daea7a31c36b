import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import type { CliConfig } from './CliConfig.js';
import { emit, table } from './output.js';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

function cost(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new AlmanacError('VALIDATION_FAILED', `${flag} must be a number of 0 or more.`);
  return n;
}

export function registerInsightsCommand(program: Command, _config: CliConfig): void {
  program
    .command('insights <ws>')
    .description(
      'automated resolution, hand-offs, CSAT, ROI and content gaps from a live agent log or a CSV export, by day, article and version',
    )
    .requiredOption('--log <file>', "the agent's logs folder or a conversations-*.jsonl file, or a CSV export")
    .option('--human-cost <n>', 'cost of a conversation handled by a person', '5')
    .option('--automated-cost <n>', 'cost of one automated answer', '0.25')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { log: string; humanCost: string; automatedCost: string; json?: boolean }) => {
      const { openWorkspace } = await import('../session/index.js');
      const { contentGaps, loadConversations, insightsReport } = await import('../insights/index.js');
      const { ArticleStore } = await import('../articles/index.js');
      const ws = await openWorkspace(dir);
      const costs = {
        humanTicket: cost('--human-cost', opts.humanCost),
        automatedAnswer: cost('--automated-cost', opts.automatedCost),
      };
      const started = performance.now();
      const { conversations, problems } = await loadConversations(opts.log);
      const report = insightsReport(conversations, costs);
      const gaps = await contentGaps(ws, conversations);
      const ms = performance.now() - started;
      for (const p of problems.slice(0, 20)) process.stderr.write(`${p.file} ${p.field}: ${p.message}\n`);
      if (problems.length > 20)
        process.stderr.write(`… and ${problems.length - 20} more lines that could not be read\n`);
      const titles = new Map((await new ArticleStore(ws).list()).map((a) => [a.id, a.title]));
      emit(opts, { ...report, gaps, problems, loadMs: ms }, () =>
        [
          `${report.conversations} conversations (${problems.length} unreadable lines), read in ${Math.round(ms)} ms`,
          `Automated resolution ${pct(report.automatedResolution)} (${pct(report.assumedResolution)} counting unrated ones without a hand-off); hand-offs ${pct(report.handoffRate)}; CSAT ${report.csat === null ? '-' : report.csat.toFixed(2)} (${report.rated} rated)`,
          `ROI: ${report.roi.withoutAgent.toFixed(2)} without the agent, ${report.roi.withAgent.toFixed(2)} with it, saving ${report.roi.savings.toFixed(2)}${report.roi.returnOnAgent === null ? '' : ` (${report.roi.returnOnAgent.toFixed(1)}× what the answers cost)`}`,
          '',
          table([
            ['ARTICLE', 'CONVERSATIONS', 'RESOLVED', 'HAND-OFFS', 'CSAT'],
            ...report.byArticle
              .slice(0, 15)
              .map((a) => [
                titles.get(a.articleId) ?? a.articleId,
                String(a.conversations),
                pct(a.automatedResolution),
                pct(a.handoffRate),
                a.csat === null ? '-' : a.csat.toFixed(2),
              ]),
          ]),
          ...(report.byTopic.length
            ? ['', `Hand-offs by topic: ${report.byTopic.map((t) => `${t.topic} ${t.conversations}`).join(', ')}`]
            : []),
          '',
          gaps.length
            ? `Content gaps (questions the knowledge did not answer well), most asked first:\n${gaps
                .slice(0, 10)
                .map(
                  (g) =>
                    `  ${g.volume}× ${g.label}${
                      g.examples.length > 1
                        ? ` (also: ${g.examples
                            .filter((e) => e !== g.label)
                            .slice(0, 2)
                            .join(' / ')})`
                        : ''
                    }`,
                )
                .join('\n')}`
            : 'No content gaps: every question was answered with confidence or handed off on purpose.',
        ].join('\n'),
      );
    });
}
