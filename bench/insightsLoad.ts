import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insightsReport, loadConversations } from '../main/insights/index.js';
import { median, round, seeded, timed } from './stats.js';

export interface InsightsLoad {
  conversations: number;
  /** Median of 3 runs: read the log and compute every figure. */
  agentLogMs: number;
  csvMs: number;
  megabytes: { agentLog: number; csv: number };
}

const articles = [
  'refund-policy',
  'return-policy',
  'shipping-options',
  'payment-methods',
  'gift-cards',
  'zh-refund-timing',
];
const questions = ['How long does a refund take?', 'Where is my parcel?', '退款多久到账', 'Can I pay with gift cards?'];

/** Load `count` synthetic conversations from the agent's JSONL log (30 daily files) and from a CSV export. */
export async function insightsLoad(count = 100_000): Promise<InsightsLoad> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-insights-'));
  try {
    const rand = seeded(5);
    const logs = path.join(tmp, 'logs');
    await mkdir(logs);
    const days = new Map<string, string[]>();
    const csv = ['time,question,answer,resolved,handed_off,csat,article_ids'];
    for (let i = 0; i < count; i++) {
      const day = `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`;
      const time = `${day}T${String(8 + (i % 12)).padStart(2, '0')}:00:00.000Z`;
      const id = `c${i}`;
      const article = articles[Math.floor(rand() * articles.length)]!;
      const handoff = rand() < 0.2;
      const resolved = rand() < 0.6 ? rand() < 0.8 : null;
      const csat = rand() < 0.3 ? 1 + Math.floor(rand() * 5) : null;
      const question = questions[i % questions.length]!;
      const lines = days.get(day) ?? [];
      lines.push(
        JSON.stringify({
          type: 'answer',
          time,
          conversationId: id,
          snapshot: 's',
          question,
          answer: 'An answer from the knowledge base.',
          handoff: handoff ? { topic: 'legal', reason: 'r' } : null,
          confidence: rand(),
          articleIds: handoff ? [] : [article],
          versions: handoff ? {} : { [article]: rand() < 0.5 ? 'v1' : 'v2' },
          latencyMs: 10,
        }),
      );
      if (resolved !== null || csat !== null)
        lines.push(
          JSON.stringify({
            type: 'feedback',
            time,
            conversationId: id,
            ...(resolved === null ? {} : { resolved }),
            ...(csat === null ? {} : { csat }),
          }),
        );
      days.set(day, lines);
      csv.push(
        [
          time,
          `"${question}"`,
          'An answer',
          resolved === null ? '' : String(resolved),
          String(handoff),
          csat ?? '',
          handoff ? '' : article,
        ].join(','),
      );
    }
    let logBytes = 0;
    for (const [day, lines] of days) {
      const text = `${lines.join('\n')}\n`;
      logBytes += Buffer.byteLength(text);
      await writeFile(path.join(logs, `conversations-${day}.jsonl`), text);
    }
    const csvText = `${csv.join('\n')}\n`;
    await writeFile(path.join(tmp, 'export.csv'), csvText);
    const time = async (file: string) => {
      const runs: number[] = [];
      for (let r = 0; r < 3; r++)
        runs.push(
          (
            await timed(async () => {
              const { conversations } = await loadConversations(file);
              if (conversations.length !== count)
                throw new Error(`read ${conversations.length} of ${count} conversations`);
              return insightsReport(conversations);
            })
          ).ms,
        );
      return round(median(runs), 0);
    };
    return {
      conversations: count,
      agentLogMs: await time(logs),
      csvMs: await time(path.join(tmp, 'export.csv')),
      megabytes: { agentLog: round(logBytes / 1e6, 1), csv: round(Buffer.byteLength(csvText) / 1e6, 1) },
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
