import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEntry } from '../../tests/fixtures/agentLogLines.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer, type RunningAgent } from '../agent/index.js';
import { loadConversationsFrom, readAgentLog } from './index.js';

let data: Awaited<ReturnType<typeof tempDir>>;
let live: LiveAgent;
let server: RunningAgent;
const token = 'log-token';

beforeAll(async () => {
  data = await tempDir('almanac-agent-log-');
  const log = new ConversationLog(path.join(data.dir, 'logs'));
  await log.append(answerEntry('old', 'An old question', { time: '2026-11-20T09:00:00Z' }));
  await log.append(
    answerEntry('a', 'How long does a refund take?', { time: '2026-12-05T10:00:00Z', snapshot: 'bbbbbbbb' }),
  );
  await log.append(answerEntry('a', 'And to a debit card?', { time: '2026-12-05T10:01:00Z', snapshot: 'cccccccc' }));
  await log.append(answerEntry('b', '退款多久到账？', { time: '2026-12-06T08:00:00Z' }));
  live = new LiveAgent(await SnapshotStore.open(path.join(data.dir, 'agent'), []));
  server = await startAgentServer({ agent: live, log, token });
});

afterAll(async () => {
  await server.close();
  live.close();
  await data.cleanup();
});

describe("reading a running agent's own log", () => {
  it('reads the days of a period into conversations, each with the snapshot that answered it first', async () => {
    const { conversations, problems } = await readAgentLog({ url: server.url, token }, { since: '2026-12-01' });
    expect(problems).toEqual([]);
    expect(conversations.map((c) => c.id)).toEqual(['a', 'b']);
    expect(conversations[0]).toMatchObject({
      questions: ['How long does a refund take?', 'And to a debit card?'],
      snapshot: 'bbbbbbbb',
    });
    const until = await readAgentLog({ url: server.url, token }, { until: '2026-12-05' });
    expect(until.conversations.map((c) => c.id)).toEqual(['old', 'a']);
  });

  it('refuses a wrong token and an agent that is not there, never reading them as an empty log', async () => {
    await expect(readAgentLog({ url: server.url, token: 'wrong' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(readAgentLog({ url: 'http://127.0.0.1:9', token })).rejects.toThrow(/Cannot reach the agent/);
  });

  it('takes an agent URL where the command line takes a log, and asks for the token when none is given', async () => {
    const log = await loadConversationsFrom(`${server.url}/`, token, { since: '2026-12-06' });
    expect(log.conversations.map((c) => c.question)).toEqual(['退款多久到账？']);
    await expect(loadConversationsFrom(server.url, undefined)).rejects.toThrow(/--token or set ALMANAC_AGENT_TOKEN/);
  });
});
