import type { BucketStore } from '../publish/index.js';
import type { LiveAgent } from './LiveAgent.js';

/**
 * Keep an agent on the snapshot a bucket's `active.json` names: poll it (a conditional GET, so an
 * unchanged pointer costs one small request), download a snapshot it does not hold yet, check and
 * install it, then activate it. Returns a function that stops following.
 */
export function followBucket(bucket: BucketStore, live: LiveAgent, options: { intervalMs?: number } = {}): () => void {
  let etag: string | undefined;
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const read = await bucket.readActive(etag);
      if (read.unchanged || !read.active) return;
      const { id } = read.active;
      if (id !== live.activeId) {
        const stored = await live.store.manifest(id).catch(() => undefined);
        if (!stored) {
          const file = await live.store.incomingFile();
          await bucket.downloadSnapshot(id, file);
          await live.store.receive(file);
        }
        await live.activate(id);
      }
      etag = read.etag;
    } catch (err) {
      console.error(`[almanac agent] following ${bucket.describe()}:`, (err as Error).message);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 1000);
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
