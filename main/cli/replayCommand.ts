import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import type { ReplayReport } from '../replay/index.js';
import type { CliConfig } from './CliConfig.js';
import type { openIndexed as OpenIndexed } from './openIndexed.js';
import { emit } from './output.js';

const openIndexed: typeof OpenIndexed = async (...args) => (await import('./openIndexed.js')).openIndexed(...args);

interface ReplayFlags {
  log: string;
  token?: string;
  since?: string;
  until?: string;
  against?: string;
  modelDir?: string;
  json?: boolean;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

const labels: Record<keyof ReplayReport['counts'], string> = {
  'no-longer-handed-off': 'no longer handed off',
  'newly-handed-off': 'newly handed off',
  'different-article': 'a different article cited',
  'different-answer': 'the same article, another answer',
  unchanged: 'unchanged',
};

function humanReport(r: ReplayReport, against: string): string {
  const changed = r.changes.length;
  const lines = [
    `${r.questions} logged questions replayed against ${against} and the approved knowledge: ${changed} change${changed === 1 ? '' : 's'} (${Math.round(r.ms)} ms).`,
    ...Object.entries(r.counts).map(([kind, n]) => `  ${labels[kind as keyof ReplayReport['counts']]}: ${n}`),
  ];
  if (r.heldBack.length)
    lines.push(`A publish is held back: ${r.heldBack.length} sensitive question(s) would no longer go to a person.`);
  for (const c of r.changes) {
    lines.push('', `${c.sensitive ? '! ' : ''}${labels[c.kind]} (asked ${c.count}×): ${c.question}`);
    const side = (o: ReplayReport['changes'][number]['before']) =>
      o.handoff
        ? `hand-off (${o.handoff.topic})`
        : `${o.articleIds.join(', ') || 'no article'}: ${o.answer.slice(0, 160)}`;
    lines.push(`  live:    ${side(c.before)}`, `  planned: ${side(c.after)}`);
    for (const cause of c.causes)
      lines.push(
        `  because ${cause.articleId} ${cause.before?.slice(0, 8) ?? '(new)'} → ${cause.after?.slice(0, 8) ?? '(removed)'}`,
      );
  }
  return lines.join('\n');
}

export function registerReplayCommand(program: Command, config: CliConfig): void {
  program
    .command('replay <ws>')
    .description(
      'answer the questions of a live agent log with a published snapshot and with the approved knowledge, and report what would change for customers',
    )
    .requiredOption(
      '--log <file|url>',
      "a running agent's URL (its own log), the agent's logs folder, a conversations-*.jsonl file, or a CSV export",
    )
    .option('--token <token>', 'with an agent URL: its token (default: ALMANAC_AGENT_TOKEN)')
    .option('--since <day>', 'first day whose questions count (YYYY-MM-DD)')
    .option('--until <day>', 'last day whose questions count (YYYY-MM-DD)')
    .option('--against <snapshot>', 'the live snapshot (default: the one published last from this workspace)')
    .option('--model-dir <dir>', 'embedding model folder (default: ALMANAC_MODEL_DIR or resources/models)')
    .option('--json', 'print one JSON document')
    .action(async (dir: string, opts: ReplayFlags) => {
      for (const [flag, value] of [
        ['--since', opts.since],
        ['--until', opts.until],
      ] as const)
        if (value !== undefined && !day.test(value))
          throw new AlmanacError('VALIDATION_FAILED', `${flag} must be a day written YYYY-MM-DD.`);
      const { KnowledgeViews } = await import('../answer/index.js');
      const { ReviewBook } = await import('../review/index.js');
      const { loadConversationsFrom } = await import('../insights/index.js');
      const { openSnapshot, publishLog, snapshotsDir, manifestFile } = await import('../publish/index.js');
      const { loggedQuestions, replayQuestions } = await import('../replay/index.js');
      const indexed = await openIndexed(dir, opts.modelDir ?? config.modelDir, true);
      const views = new KnowledgeViews({
        store: indexed.store,
        book: new ReviewBook(indexed.store.ws),
        draftsIndex: async () => indexed.index,
      });
      let live: Awaited<ReturnType<typeof openSnapshot>> | undefined;
      try {
        const against =
          opts.against ?? (await publishLog(indexed.store.ws)).find((e) => e.action === 'snapshot.publish')?.snapshot;
        if (!against)
          throw new AlmanacError(
            'VALIDATION_FAILED',
            'Nothing was published from this workspace yet: name the live snapshot with --against <snapshot id>.',
          );
        const folder = path.join(snapshotsDir(indexed.store), path.basename(against));
        const manifest = await readFile(path.join(folder, manifestFile), 'utf8').catch(() => {
          throw new AlmanacError(
            'NOT_FOUND',
            `Snapshot ${against} is not in ${snapshotsDir(indexed.store)}. Publish or fetch it first, or name another with --against.`,
          );
        });
        live = await openSnapshot(folder, JSON.parse(manifest));
        const { conversations, problems } = await loadConversationsFrom(opts.log, opts.token ?? config.agentToken, {
          since: opts.since,
          until: opts.until,
        });
        for (const p of problems.slice(0, 20)) process.stderr.write(`${p.file} ${p.field}: ${p.message}\n`);
        const questions = loggedQuestions(conversations, { since: opts.since, until: opts.until });
        const tty = !opts.json && process.stderr.isTTY;
        const report = await replayQuestions(questions, live.knowledge, await views.knowledge('approved'), {
          onProgress: tty ? (done, total) => process.stderr.write(`\rReplaying ${done}/${total}`) : undefined,
        });
        if (tty) process.stderr.write('\n');
        emit(opts, { against, ...report }, () => humanReport(report, against));
        if (report.heldBack.length) process.exitCode = 4;
      } finally {
        live?.close();
        await views.close();
        await indexed.close();
      }
    });
}
