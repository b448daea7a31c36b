// Starts a TypeScript worker from source (tests, the CLI under tsx); built code starts the .js directly.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
