import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appendJsonLine,
  appendJsonLineInside,
  inFileOrder,
  parseJsonLine,
  parseJsonLines,
  readJsonLines,
} from './index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'almanac-jsonl-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('parseJsonLines', () => {
  it('reports a bad line with its line number and reads the rest', () => {
    const { records, bad } = parseJsonLines('{"a":1}\n{"a": oops\n{"a":3}\n');
    expect(records).toEqual([
      { line: 1, value: { a: 1 }, raw: '{"a":1}' },
      { line: 3, value: { a: 3 }, raw: '{"a":3}' },
    ]);
    expect(bad).toEqual([
      { line: 2, raw: '{"a": oops', reason: 'not valid JSON', syntaxError: expect.any(String) as string },
    ]);
  });

  it('reads CRLF line ends and skips blank lines, keeping the numbering', () => {
    const { records, bad } = parseJsonLines('{"a":1}\r\n\r\n   \n{"a":2}\r\n{"a":3}');
    expect(bad).toEqual([]);
    expect(records.map((r) => [r.line, r.raw])).toEqual([
      [1, '{"a":1}'],
      [4, '{"a":2}'],
      [5, '{"a":3}'],
    ]);
    expect(parseJsonLines('')).toEqual({ records: [], bad: [] });
    expect(parseJsonLines('\n\n')).toEqual({ records: [], bad: [] });
  });

  it('reports a line of the wrong shape with what the schema says', () => {
    const schema = z.object({ id: z.string(), n: z.number().default(0) });
    const { records, bad } = parseJsonLines('{"id":"x"}\n{"id":2}\n42\n', schema);
    expect(records).toEqual([{ line: 1, value: { id: 'x', n: 0 }, raw: '{"id":"x"}' }]);
    expect(bad.map((b) => [b.line, b.reason.split(':')[0]])).toEqual([
      [2, 'id'],
      [3, 'Invalid input'],
    ]);
    expect(bad[0]!.issues?.[0]?.path).toEqual(['id']);
    expect(bad[0]!.syntaxError).toBeUndefined();
  });

  it('lists records and bad lines together in file order', () => {
    const lines = inFileOrder(parseJsonLines('1\nx\n3\n'));
    expect(lines.map((l) => [l.line, 'value' in l])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
  });

  it('parses one line, ignoring white space and a byte-order mark around it', () => {
    expect(parseJsonLine('\uFEFF {"a":1} ')).toEqual({ value: { a: 1 } });
    expect(parseJsonLine('')).toMatchObject({ reason: 'not valid JSON' });
  });
});

describe('readJsonLines', () => {
  it('gives no lines for a missing file, and throws for one it cannot read', async () => {
    expect(await readJsonLines(path.join(dir, 'none.jsonl'))).toEqual({ records: [], bad: [] });
    await mkdir(path.join(dir, 'folder.jsonl'));
    await expect(readJsonLines(path.join(dir, 'folder.jsonl'))).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('reads a file with its schema', async () => {
    const file = path.join(dir, 'a.jsonl');
    await writeFile(file, '{"id":"a"}\n{"id":1}\n');
    const { records, bad } = await readJsonLines(file, z.object({ id: z.string() }));
    expect(records.map((r) => r.value.id)).toEqual(['a']);
    expect(bad.map((b) => b.line)).toEqual([2]);
  });
});

describe('appendJsonLine', () => {
  it('creates the file and appends one line per value', async () => {
    const file = path.join(dir, 'log.jsonl');
    await appendJsonLine(file, { a: 1 });
    await appendJsonLine(file, { b: 'two\nlines' });
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n{"b":"two\\nlines"}\n');
  });

  it('never glues a new line to a torn last line', async () => {
    const file = path.join(dir, 'log.jsonl');
    await writeFile(file, '{"a":1}\n{"half');
    await appendJsonLine(file, { a: 2 });
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n{"half\n{"a":2}\n');
    const { records, bad } = await readJsonLines(file);
    expect(records.map((r) => [r.line, r.value])).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
    ]);
    expect(bad.map((b) => b.line)).toEqual([2]);
  });

  it('inside a workspace, refuses to append through a symbolic link', async () => {
    const outside = path.join(dir, 'outside.jsonl');
    await writeFile(outside, '');
    const root = path.join(dir, 'ws');
    await mkdir(path.join(root, 'feedback'), { recursive: true });
    await symlink(outside, path.join(root, 'feedback', 'answers.jsonl'));
    await expect(
      appendJsonLineInside(root, path.join(root, 'feedback', 'answers.jsonl'), { a: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await readFile(outside, 'utf8')).toBe('');
    await appendJsonLineInside(root, path.join(root, 'reviews', 'x.jsonl'), { a: 1 });
    expect(await readFile(path.join(root, 'reviews', 'x.jsonl'), 'utf8')).toBe('{"a":1}\n');
  });
});
