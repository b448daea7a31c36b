import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { AlmanacError, type Problem } from '../AlmanacError.js';
import { inFileOrder, parseJsonLines } from '../workspace/index.js';
import { agentCall, agentText } from '../remote/index.js';

/** One customer conversation, as the insights count it. */
export interface Conversation {
  id: string;
  time: string;
  /** The customer's first question, and every question they asked. */
  question: string;
  questions: string[];
  /** The agent's first answer, and (agent logs) its answer to each question in turn. */
  answer: string;
  answers?: string[];
  /** The customer said it was resolved (true), not resolved (false), or did not say (null). */
  resolved: boolean | null;
  handedOff: boolean;
  /** The hand-off topic when the agent handed off. */
  topic: string | null;
  csat: number | null;
  articleIds: string[];
  /** The version of each cited article (empty for logs that do not record it). */
  versions: Record<string, string>;
  /** The lowest confidence of the agent's answers in the conversation. */
  confidence: number | null;
  /** Answers given extractively because the language model failed. */
  providerFailures: number;
  /** The snapshot that gave the first answer (agent logs record it; CSV exports do not). */
  snapshot?: string;
}

export interface LoadedLog {
  conversations: Conversation[];
  /** Lines that could not be read, with their file and line number (the rest still counts). */
  problems: Problem[];
}

/** The CSV export's header, in this order. */
export const csvHeader = ['time', 'question', 'answer', 'resolved', 'handed_off', 'csat', 'article_ids'] as const;

interface AnswerLine {
  type: 'answer';
  time: string;
  conversationId: string;
  question: string;
  answer: string;
  handoff: { topic: string } | null;
  confidence: number;
  articleIds: string[];
  versions?: Record<string, string>;
  providerFailed?: string;
  snapshot?: string;
}
interface FeedbackLine {
  type: 'feedback';
  conversationId: string;
  resolved?: boolean;
  handoffAccepted?: boolean;
  csat?: number;
}

/** What every line of the agent's log has: the conversation it belongs to. */
const logLineSchema = z.looseObject({ conversationId: z.string() });

/** Read the live agent's JSONL log lines (answers and feedback) into conversations. */
export function parseAgentLog(text: string, file: string, into: Map<string, Conversation>, problems: Problem[]): void {
  for (const item of inFileOrder(parseJsonLines(text, logLineSchema))) {
    const line = item.line;
    if (!('value' in item)) {
      problems.push({ file, field: `line ${line}`, message: item.issues ? 'no conversationId' : 'not valid JSON' });
      continue;
    }
    const entry = item.value as unknown as AnswerLine | FeedbackLine;
    let c = into.get(entry.conversationId);
    if (entry.type === 'answer') {
      if (!c) {
        c = {
          id: entry.conversationId,
          time: entry.time,
          question: entry.question,
          questions: [],
          answer: entry.answer,
          answers: [],
          resolved: null,
          handedOff: false,
          topic: null,
          csat: null,
          articleIds: [],
          versions: {},
          confidence: null,
          providerFailures: 0,
          ...(typeof entry.snapshot === 'string' ? { snapshot: entry.snapshot } : {}),
        };
        into.set(entry.conversationId, c);
      }
      c.questions.push(entry.question);
      c.answers?.push(entry.answer);
      if (entry.handoff && !c.handedOff) {
        c.handedOff = true;
        c.topic = entry.handoff.topic;
      }
      for (const id of entry.articleIds ?? []) if (!c.articleIds.includes(id)) c.articleIds.push(id);
      Object.assign(c.versions, entry.versions ?? {});
      c.confidence = c.confidence === null ? entry.confidence : Math.min(c.confidence, entry.confidence);
      if (typeof entry.providerFailed === 'string') c.providerFailures++;
    } else if (entry.type === 'feedback') {
      if (!c) {
        problems.push({
          file,
          field: `line ${line}`,
          message: `feedback for conversation ${entry.conversationId}, which has no answer before it`,
        });
        continue;
      }
      if (typeof entry.resolved === 'boolean') c.resolved = entry.resolved;
      if (typeof entry.csat === 'number') c.csat = entry.csat;
    } else problems.push({ file, field: `line ${line}`, message: 'neither an answer nor feedback' });
  }
}

const bool = (v: string) => (v === 'true' ? true : v === 'false' ? false : undefined);

/**
 * Read a CSV export (`time,question,answer,resolved,handed_off,csat,article_ids`; booleans
 * true/false, CSAT 1-5 or empty, article ids separated by `;`). A bad row is reported with its line
 * number and left out.
 */
export function parseCsvLog(text: string, file: string, problems: Problem[]): Conversation[] {
  // Each record with the line it starts on (a quoted answer may span lines); a record the parser
  // cannot read is reported with its line and skipped, never the end of the whole file.
  const firstProblem = problems.length;
  let rows: { row: string[]; line: number }[];
  try {
    const records = parseCsv(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (err: { message: string; lines?: number } | undefined) => {
        if (err)
          problems.push({ file, field: `line ${err.lines ?? '?'}`, message: err.message.replace(/ at line \d+/, '') });
      },
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
    rows = records.map((r) => ({
      row: r.record,
      line: r.info.lines - (r.raw.replace(/\r?\n$/, '').split('\n').length - 1),
    }));
  } catch (err) {
    throw new AlmanacError('VALIDATION_FAILED', `${file} is not readable CSV: ${(err as Error).message}`);
  }
  const header = rows[0]?.row.map((h) => h.trim().toLowerCase());
  if (!header || csvHeader.some((h, i) => header[i] !== h))
    throw new AlmanacError('VALIDATION_FAILED', `${file} must start with the header ${csvHeader.join(',')}.`);
  const out: Conversation[] = [];
  rows.slice(1).forEach(({ row, line }) => {
    const where = { file, field: `line ${line}` };
    const [time = '', question = '', answer = '', resolved = '', handedOff = '', csat = '', ids = ''] = row.map((c) =>
      c.trim(),
    );
    if (row.length !== csvHeader.length)
      return problems.push({ ...where, message: `has ${row.length} columns, not ${csvHeader.length}` });
    if (Number.isNaN(Date.parse(time))) return problems.push({ ...where, message: `time "${time}" is not a date` });
    if (!question) return problems.push({ ...where, message: 'the question is empty' });
    const r = resolved === '' ? null : bool(resolved);
    const h = bool(handedOff);
    if (r === undefined)
      return problems.push({ ...where, message: `resolved must be true, false or empty, not "${resolved}"` });
    if (h === undefined)
      return problems.push({ ...where, message: `handed_off must be true or false, not "${handedOff}"` });
    const score = csat === '' ? null : Number(csat);
    if (score !== null && !(Number.isInteger(score) && score >= 1 && score <= 5))
      return problems.push({ ...where, message: `csat must be 1 to 5 or empty, not "${csat}"` });
    out.push({
      id: `csv-${line}`,
      time: new Date(time).toISOString(),
      question,
      questions: [question],
      answer,
      resolved: r,
      handedOff: h,
      topic: null,
      csat: score,
      articleIds: ids
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      versions: {},
      confidence: null,
      providerFailures: 0,
    });
  });
  // Unreadable records were reported while parsing: list this file's problems in line order.
  const lineOf = (p: Problem) => Number(/\d+/.exec(p.field ?? '')?.[0] ?? 0);
  problems.push(...problems.splice(firstProblem).sort((a, b) => lineOf(a) - lineOf(b)));
  return out;
}

/** Load a conversation log: the live agent's JSONL (a file, or its logs folder) or a CSV export. */
export async function loadConversations(file: string): Promise<LoadedLog> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new AlmanacError('NOT_FOUND', `There is no log at ${file}.`);
  const problems: Problem[] = [];
  const files = info.isDirectory()
    ? (await readdir(file))
        .filter((n) => /\.(jsonl|csv)$/.test(n))
        .sort()
        .map((n) => path.join(file, n))
    : [file];
  const fromAgent = new Map<string, Conversation>();
  const fromCsv: Conversation[] = [];
  for (const f of files) {
    const text = await readFile(f, 'utf8');
    if (f.endsWith('.csv')) fromCsv.push(...parseCsvLog(text, f, problems));
    else parseAgentLog(text, f, fromAgent, problems);
  }
  return { conversations: [...fromAgent.values(), ...fromCsv].sort((a, b) => a.time.localeCompare(b.time)), problems };
}

/** A live agent to read the log of: its URL and token. */
export interface AgentLogSource {
  url: string;
  token: string;
}

/**
 * Read a running agent's own conversation log (`/v1/logs`, one JSONL file a day), the days from
 * `since` to `until` (YYYY-MM-DD, both optional). NOT_FOUND when the agent cannot be reached,
 * UNAUTHORIZED when it refuses the token: a log that cannot be read is never an empty one.
 */
export async function readAgentLog(
  agent: AgentLogSource,
  range: { since?: string; until?: string } = {},
): Promise<LoadedLog> {
  const { days } = await agentCall<{ days: string[] }>(agent, '/v1/logs');
  const problems: Problem[] = [];
  const byId = new Map<string, Conversation>();
  for (const day of days) {
    if ((range.since && day < range.since) || (range.until && day > range.until)) continue;
    parseAgentLog(await agentText(agent, `/v1/logs/${day}`), `${agent.url} ${day}`, byId, problems);
  }
  return { conversations: [...byId.values()].sort((a, b) => a.time.localeCompare(b.time)), problems };
}

/**
 * Load a conversation log from where the command line names it: a running agent's URL (its own log,
 * read with `token`) or a file or folder (see `loadConversations`).
 */
export async function loadConversationsFrom(
  source: string,
  token: string | undefined,
  range: { since?: string; until?: string } = {},
): Promise<LoadedLog> {
  if (!/^https?:\/\//i.test(source)) return loadConversations(source);
  if (!token)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `Reading the log of the agent at ${source} needs its token: give --token or set ALMANAC_AGENT_TOKEN.`,
    );
  return readAgentLog({ url: source.replace(/\/+$/, ''), token }, range);
}
