import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseCsv } from 'csv-parse';
import { csvColumns, csvDraft, csvHeader, jsonlDraft, type DraftOrigin, type RowResult } from './articleDrafts.js';
import { checkText, textChunks, textLines } from './textStream.js';

export interface CorpusLimits {
  /** Largest corpus file, in bytes. */
  maxBytes: number;
  /** Longest record text, in characters. */
  maxRecordChars: number;
  /** Rows turned into articles; the rest are counted. */
  maxRows: number;
}

/** What a corpus file held, filled in while its rows are read. */
export interface CorpusCount {
  /** Rows read so far (JSONL: non-blank lines; CSV: records after the header), beyond the cap included. */
  rows: number;
  /** Rows past `maxRows`: counted, not imported. */
  over: number;
  /** Called every 1,000 rows read, for progress. */
  onRows?: (rows: number) => void;
}

const progressEvery = 1000;

export type CorpusItem = RowResult | { refused: string };

/**
 * The rows of a JSONL corpus or CSV FAQ as drafts or failures, streamed: at most one row (and a
 * chunk of the file) is held at a time. The file is first read through once to refuse it whole
 * when it is not UTF-8 text; rows past `maxRows` are only counted. A file that cannot be read at all
 * yields `{ refused }` (first, or where reading broke off).
 */
export async function* corpusRows(
  kind: 'jsonl' | 'csv',
  file: string,
  origin: DraftOrigin,
  limits: CorpusLimits,
  count: CorpusCount,
  signal?: AbortSignal,
): AsyncGenerator<CorpusItem> {
  const refused = await checkText(file, limits.maxBytes);
  if (refused) {
    yield { refused };
    return;
  }
  if (kind === 'jsonl') yield* jsonlRows(file, origin, limits, count, signal);
  else yield* csvRows(file, origin, limits, count, signal);
}

async function* jsonlRows(
  file: string,
  origin: DraftOrigin,
  limits: CorpusLimits,
  count: CorpusCount,
  signal?: AbortSignal,
): AsyncGenerator<CorpusItem> {
  // A record's text may take six characters a character in JSON ("\u00e9"), plus its other fields.
  const maxLine = limits.maxRecordChars * 6 + 65536;
  for await (const line of textLines(textChunks(file, limits.maxBytes), maxLine)) {
    signal?.throwIfAborted();
    if (line.text !== undefined && !line.text.trim()) continue;
    if (++count.rows % progressEvery === 0) count.onRows?.(count.rows);
    if (count.rows > limits.maxRows) {
      count.over++;
      continue;
    }
    if (line.text === undefined) {
      yield {
        failure: {
          source: `${origin.source}:${line.n}`,
          reason: `Line has ${line.length} characters; the limit is ${maxLine}. Each line must be one JSON object {id, title, text}.`,
        },
      };
      continue;
    }
    const item = jsonlDraft(line.text, line.n, origin, limits.maxRecordChars);
    if (item) yield item;
  }
}

async function* csvRows(
  file: string,
  origin: DraftOrigin,
  limits: CorpusLimits,
  count: CorpusCount,
  signal?: AbortSignal,
): AsyncGenerator<CorpusItem> {
  const parser = parseCsv({
    columns: csvHeader,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    max_record_size: limits.maxRecordChars,
    // Rows past the cap are counted here and never reach the loop below.
    on_record: (record: Record<string, string>) => {
      if (++count.rows % progressEvery === 0) count.onRows?.(count.rows);
      if (count.rows <= limits.maxRows) return record;
      count.over++;
      return null;
    },
  });
  const feeding = pipeline(Readable.from(textChunks(file, limits.maxBytes)), parser, { signal }).catch(
    (err: unknown) => err,
  );
  let columns: { q: string; a: string } | undefined;
  let index = 0;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      signal?.throwIfAborted();
      if (!columns) {
        const found = csvColumns(row, origin);
        if ('failure' in found) {
          yield { refused: found.failure.reason };
          return;
        }
        columns = found;
      }
      yield csvDraft(row, index++, columns, origin);
    }
  } catch (err) {
    signal?.throwIfAborted();
    const at = count.rows ? ` after ${count.rows.toLocaleString('en')} rows` : '';
    yield {
      refused: `Not a readable CSV file${at}: ${(err as Error).message}${count.rows ? ' The rows before it were imported.' : ''}`,
    };
    return;
  } finally {
    parser.destroy();
    await feeding;
  }
  if (!columns) {
    const none = csvColumns(undefined, origin);
    if ('failure' in none) yield { refused: none.failure.reason };
  }
}
