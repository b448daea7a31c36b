// Run by bench/importThroughput.ts in a process of its own, so the peak RSS it reports is the
// import's alone: `node --import tsx bench/importCsvChild.ts <workspace> <file.csv>`.
import { ArticleStore } from '../main/articles/index.js';
import { defaultMaxRows, importPaths } from '../main/import/index.js';
import { openWorkspace } from '../main/session/index.js';

const [wsDir, csv] = process.argv.slice(2);
if (!wsDir || !csv) throw new Error('usage: importCsvChild.ts <workspace> <file.csv>');
const store = new ArticleStore(await openWorkspace(wsDir));
const start = performance.now();
let capReachedMs: number | undefined;
const report = await importPaths(store, [csv], {
  onProgress: (_done, _total, p) => {
    if (capReachedMs === undefined && (p.rows ?? 0) > defaultMaxRows) capReachedMs = performance.now() - start;
  },
});
const ms = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({
    ms,
    capReachedMs: capReachedMs ?? ms,
    created: report.counts.created,
    capped: report.capped[0],
    stopped: report.stopped,
    // resourceUsage().maxRSS is in kilobytes: the most this process ever held.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
