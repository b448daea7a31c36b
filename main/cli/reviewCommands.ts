import type { Command } from 'commander';

import { auditEntries, verifyAudit } from '../audit/index.js';
import {
  reviewedStore,
  approve,
  comment,
  needsAttention,
  profileReview,
  requestChanges,
  reverify,
  reviewQueue,
  submitForReview,
  withdraw,
  type ReviewContext,
  type ReviewOutcome,
} from '../review/index.js';
import { fileKeyVault, signerFor } from '../identity/index.js';
import { openWorkspace } from '../session/index.js';
import { AlmanacError } from '../AlmanacError.js';
import type { CliConfig } from './CliConfig.js';
import { emit, table } from './output.js';

interface ActOptions {
  as?: string;
  note?: string;
  version?: string;
  json?: boolean;
}

async function open(dir: string) {
  const ws = await openWorkspace(dir);
  const { store, book } = reviewedStore(ws);
  return { ws, store, book };
}

async function acting(dir: string, config: CliConfig, as?: string): Promise<ReviewContext> {
  const { ws, store, book } = await open(dir);
  return { store, book, signer: await signerFor(ws, fileKeyVault(config.configDir), as) };
}

const said = (o: ReviewOutcome) =>
  `${o.type} ${o.id} (version ${o.version.slice(0, 7)}), saved as ${o.commit.slice(0, 7)}.`;

export function registerReviewCommands(program: Command, config: CliConfig): void {
  const review = program.command('review').description('submit, approve, request changes, comment, re-verify');
  const act = (
    name: string,
    description: string,
    run: (ctx: ReviewContext, id: string, o: ActOptions) => Promise<ReviewOutcome>,
  ) =>
    review
      .command(`${name} <ws> <id>`)
      .description(description)
      .option('--as <member>', 'act as this team member (default: the member signed in to the workspace)')
      .option('--note <text>', 'a note for the record')
      .option('--version <hash>', 'the saved version (content hash prefix) it speaks of')
      .option('--json', 'print JSON')
      .action(async (dir: string, id: string, o: ActOptions) => {
        const outcome = await run(await acting(dir, config, o.as), id, o);
        emit(o, outcome, () => said(outcome));
      });
  act('submit', 'submit the working text for review (saved as a version first when changed)', (c, id, o) =>
    submitForReview(c, id, o.note),
  );
  act('approve', 'approve the version waiting for review (or --version)', (c, id, o) =>
    approve(c, id, { version: o.version, note: o.note }),
  );
  act('request-changes', 'ask for changes, with --note saying what', (c, id, o) => {
    if (!o.note) throw new AlmanacError('VALIDATION_FAILED', 'Say what needs to change: --note "..."');
    return requestChanges(c, id, o.note, { version: o.version });
  });
  act('comment', 'comment on a version (--note), optionally on a passage (--quote)', (c, id, o) => {
    if (!o.note) throw new AlmanacError('VALIDATION_FAILED', 'A comment needs text: --note "..."');
    const quote = (o as ActOptions & { quote?: string; replyTo?: string }).quote;
    const replyTo = (o as ActOptions & { replyTo?: string }).replyTo;
    return comment(c, id, o.note, { version: o.version, ...(quote ? { anchor: { quote } } : {}), replyTo });
  })
    .option('--quote <passage>', 'the passage the comment is about')
    .option('--reply-to <record>', 'the id of the comment this answers');
  act('withdraw', 'take a version back out of review', (c, id, o) => withdraw(c, id, o.note));

  review
    .command('reverify <ws> <ids...>')
    .description('confirm approved articles are still correct: a new review-by date, no new version')
    .option('--as <member>', 'act as this team member')
    .option('--until <date>', 'the new review-by date (YYYY-MM-DD; default: in 180 days)')
    .option('--json', 'print JSON')
    .action(async (dir: string, ids: string[], o: { as?: string; until?: string; json?: boolean }) => {
      const results = await reverify(await acting(dir, config, o.as), ids, { until: o.until });
      emit(o, results, () =>
        results
          .map((r) => (r.ok ? `re-verified ${r.id} until ${r.reviewBy}` : `not re-verified ${r.id}: ${r.reason}`))
          .join('\n'),
      );
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });

  program
    .command('status <ws>')
    .description('every article with its review status; the review queue and what needs your attention')
    .option('--as <member>', 'whose attention list to show (default: the member signed in)')
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { as?: string; json?: boolean }) => {
      const { ws, store, book } = await open(dir);
      const me =
        o.as ??
        (await signerFor(ws, fileKeyVault(config.configDir))
          .then((s) => s.member.id)
          .catch(() => undefined));
      const articles = await store.list();
      const queue = await reviewQueue(store, book);
      const attention = me ? await needsAttention(store, me) : [];
      const profile = await profileReview(store, book).catch(() => undefined);
      const counts: Record<string, number> = {};
      for (const a of articles) counts[a.status] = (counts[a.status] ?? 0) + 1;
      emit(o, { counts, articles, profile: profile ?? null, queue, attention, member: me ?? null }, () =>
        [
          Object.entries(counts)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ') || 'No articles.',
          ...(profile
            ? [
                `Agent profile (@profile): ${profile.status}${profile.review?.newerDraft ? ' (approved, newer draft)' : ''}`,
              ]
            : []),
          '',
          table([
            ['ID', 'STATUS', 'OWNER', 'REVIEW BY', 'APPROVED'],
            ...articles.map((a) => [
              a.id,
              a.status + (a.review?.newerDraft ? ' (approved, newer draft)' : ''),
              a.owner || '-',
              a.review?.reviewBy ?? a.reviewBy ?? '-',
              a.review?.approved ? `${a.review.approved.version.slice(0, 7)} by ${a.review.approved.author}` : '-',
            ]),
          ]),
          '',
          queue.length
            ? `Waiting for review (oldest first): ${queue.map((q) => q.article.id).join(', ')}`
            : 'Nothing waits for review.',
          ...(me
            ? [
                attention.length
                  ? `Needs ${me}'s attention: ${attention.map((a) => `${a.article.id} (${a.reasons.join(', ')})`).join(', ')}`
                  : `Nothing needs ${me}'s attention.`,
              ]
            : []),
        ].join('\n'),
      );
    });

  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('log <ws>')
    .description('the newest entries first: time, who, what, on which subject')
    .option('--limit <n>', 'how many entries', '20')
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new AlmanacError('VALIDATION_FAILED', '--limit takes a whole number above 0.');
      const page = await auditEntries(await openWorkspace(dir), { limit });
      emit(o, page, () =>
        [
          `${page.total} entries${page.total > page.entries.length ? `, the newest ${page.entries.length}` : ''}:`,
          ...page.entries.map((e) =>
            e.unreadable
              ? `${String(e.line).padStart(5)}  (not an audit entry)`
              : `${String(e.line).padStart(5)}  ${e.time ?? ''}  ${e.actor ?? '(nobody signed in)'}  ${e.action}  ${e.subject ?? ''}`,
          ),
        ].join('\n'),
      );
    });
  audit
    .command('verify <ws>')
    .description(
      "check the chain: every entry's link and signature against the signed roster, the signed head, this clone's pin, and almanac.json's copy of the roster",
    )
    .option('--json', 'print JSON')
    .action(async (dir: string, o: { json?: boolean }) => {
      const result = await verifyAudit(await openWorkspace(dir));
      emit(o, result, () => {
        const b = result.firstBroken;
        const lines = [
          b
            ? `The audit log does not verify at ${b.file}${b.line ? ` line ${b.line}` : ''}: ${b.reason}. ${b.fix}`
            : `The audit log is intact: ${result.entries} entries, the newest ${result.head ?? 0} vouched for by a signed head${result.unsigned ? `; ${result.unsigned} unsigned from before the team existed` : ''}.`,
          ...(result.root ? [`The team's root key is ${result.root}'s.`] : []),
          ...result.rosterDifferences.map(
            (d) =>
              `Roster: ${d.says}. A hand edit counts for nothing; almanac team list <ws> --write-cache rewrites the copy.`,
          ),
          ...result.notices.map(
            (n) => `Line ${n.line} (${n.action} by ${n.actor ?? 'nobody'}) counts for nothing: ${n.reason}.`,
          ),
          ...(result.demoMembers.length
            ? [
                `Demo keys (their private keys ship with Almanac, so anyone can sign as them): ${result.demoMembers.join(', ')}. Use the sample to try Almanac, not for real work.`,
              ]
            : []),
        ];
        return lines.join('\n');
      });
      if (!result.ok) process.exitCode = 1;
    });
}
