import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { appendJsonLine } from '../workspace/index.js';

/** One line of the agent's conversation log: an answer given, or feedback on one. */
export type LogEntry =
  | {
      type: 'answer';
      time: string;
      conversationId: string;
      snapshot: string;
      question: string;
      answer: string;
      handoff: { topic: string; reason: string } | null;
      confidence: number;
      articleIds: string[];
      /** Each cited article's version: insights can tell an edit's effect. */
      versions: Record<string, string>;
      latencyMs: number;
      /** Why the language model did not write this answer (it failed; the extractive answer was given). */
      providerFailed?: string;
    }
  | {
      type: 'feedback';
      time: string;
      conversationId: string;
      snapshot?: string;
      resolved?: boolean;
      handoffAccepted?: boolean;
      csat?: number;
      comment?: string;
    };

/** The conversation log: JSONL under `logs/`, one file per day (`conversations-2026-12-02.jsonl`). */
export class ConversationLog {
  constructor(readonly dir: string) {}

  fileFor(time: string): string {
    return path.join(this.dir, `conversations-${time.slice(0, 10)}.jsonl`);
  }

  /** The days that have a log, oldest first (`2026-12-02`). */
  async days(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .map((n) => /^conversations-(\d{4}-\d{2}-\d{2})\.jsonl$/.exec(n)?.[1])
      .filter((d): d is string => Boolean(d))
      .sort();
  }

  /** One day's log as written (JSONL); empty when the agent said nothing that day. */
  async read(day: string): Promise<string> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
    return readFile(this.fileFor(day), 'utf8').catch(() => '');
  }

  async append(entry: LogEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendJsonLine(this.fileFor(entry.time), entry);
  }
}
