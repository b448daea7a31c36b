import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer } from '../main/agent/index.js';
import { buildSnapshot, publishSnapshot } from '../main/publish/index.js';
import { reviewedStore } from '../main/review/index.js';
import { fileKeyVault, signerFor } from '../main/identity/index.js';
import { joinTeam } from '../main/team/index.js';
import { createWorkspace, openWorkspace } from '../main/session/index.js';
import { percentile, round } from './stats.js';

export interface AgentLatency {
  requests: number;
  concurrency: number;
  p50: number;
  p95: number;
  failed: number;
  requestsPerSecond: number;
}

/**
 * The live agent on loopback answering the sample's labelled questions from `concurrency` clients
 * at once (HTTP, JSON, logging included): latency per request and throughput.
 */
export async function agentLatency(repoRoot: string, requests = 1000, concurrency = 8): Promise<AgentLatency> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'almanac-bench-agent-'));
  try {
    const root = path.join(tmp, 'ws');
    await createWorkspace(root, { name: 'Bench', template: path.join(repoRoot, 'resources/sample-workspace') });
    const configFile = path.join(root, 'almanac.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as { team: { id: string; roles: string[] }[] };
    config.team.find((m) => m.id === 'li.na')!.roles = ['author', 'reviewer', 'manager'];
    await writeFile(configFile, JSON.stringify(config));
    const vault = fileKeyVault(path.join(tmp, 'config'));
    await joinTeam(await openWorkspace(root), vault, { id: 'li.na' });
    const ws = await openWorkspace(root);
    const signer = await signerFor(ws, vault, 'li.na');
    const built = await buildSnapshot({ ...reviewedStore(ws), signer });
    const store = await SnapshotStore.open(path.join(tmp, 'agent'), [signer.member.publicKey!]);
    const live = new LiveAgent(store);
    const server = await startAgentServer({ agent: live, log: new ConversationLog(path.join(tmp, 'agent/logs')) });
    await publishSnapshot(ws, built, { kind: 'url', url: server.url, token: server.token }, signer, () =>
      Promise.reject(new Error('unused')),
    );
    const questions = (await readFile(path.join(repoRoot, 'bench/data/handoff-questions.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { question: string }).question);
    const times: number[] = [];
    let failed = 0;
    let next = 0;
    const client = async () => {
      while (next < requests) {
        const question = questions[next++ % questions.length]!;
        const started = performance.now();
        const res = await fetch(`${server.url}/v1/answer`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ question }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) failed++;
        times.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    const seconds = (performance.now() - started) / 1000;
    await server.close();
    live.close();
    return {
      requests,
      concurrency,
      p50: round(percentile(times, 50), 1),
      p95: round(percentile(times, 95), 1),
      failed,
      requestsPerSecond: round(requests / seconds, 0),
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
