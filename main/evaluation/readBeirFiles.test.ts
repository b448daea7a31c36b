import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlmanacError } from '../AlmanacError.js';
import { readBeirFiles } from './index.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

async function files(queries: string, qrels = 'query-id\tcorpus-id\tscore\nq1\td1\t1\n') {
  dir = await mkdtemp(path.join(os.tmpdir(), 'almanac-beir-'));
  await writeFile(path.join(dir, 'queries.jsonl'), queries);
  await writeFile(path.join(dir, 'qrels.tsv'), qrels);
  return [path.join(dir, 'queries.jsonl'), path.join(dir, 'qrels.tsv')] as const;
}

describe('readBeirFiles', () => {
  it('reads queries named by "id" or "_id", with or without metadata', async () => {
    const [q, r] = await files(
      '{"id": "q1", "text": "How do I reset my password?"}\n' +
        '{"_id": 2, "text": "退款多久到账？", "metadata": {"category": "refunds"}}\n',
    );
    const { queries, qrels } = await readBeirFiles(q, r);
    expect(queries).toEqual([
      { id: 'q1', text: 'How do I reset my password?', category: undefined, candidates: undefined },
      { id: '2', text: '退款多久到账？', category: 'refunds', candidates: undefined },
    ]);
    expect(qrels.get('q1')).toEqual({ d1: 1 });
  });

  it('stops at the first line without an id or text, naming it', async () => {
    const [q, r] = await files('{"id": "q1", "text": "fine"}\n{"text": "no id"}\n');
    await expect(readBeirFiles(q, r)).rejects.toThrow(AlmanacError);
    await expect(readBeirFiles(q, r)).rejects.toThrow(/queries\.jsonl:2 needs "_id" \(or "id"\) and "text"/);
  });
});
