// Runs the transformers.js pipeline off the caller's thread, one batch per message.
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, type ExtractorOptions } from './extractor.js';

const port = parentPort!;
try {
  const extract = await createExtractor(workerData as ExtractorOptions);
  port.on('message', async ({ id, texts }: { id: number; texts: string[] }) => {
    try {
      const vectors = await extract(texts);
      port.postMessage(
        { id, vectors },
        vectors.map((v) => v.buffer as ArrayBuffer),
      );
    } catch (err) {
      port.postMessage({ id, error: (err as Error).message });
    }
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: (err as Error).message });
}
