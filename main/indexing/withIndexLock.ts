import path from 'node:path';
import { withLock } from '../workspace/index.js';

/**
 * Run `work` as the only writer of a workspace's index across processes (the studio and the command
 * line); `dir` is the index folder inside .almanac/.
 */
export function withIndexLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  return withLock(path.dirname(dir), 'index', work, { staleMs: 10_000, waitMs: 20 * 60_000 });
}
