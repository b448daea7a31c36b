import { AlmanacError, errorCodes, type ErrorCode } from '../AlmanacError.js';

/** A running agent: its base URL and the bearer token it wants. */
export interface AgentAddress {
  url: string;
  token: string;
}

/**
 * One request to a running agent with its token. NOT_FOUND when it cannot be reached; a refusal
 * becomes an AlmanacError with the agent's own code and message (its error envelope), INTERNAL when
 * the reply carries none.
 */
async function send(agent: AgentAddress, route: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${agent.url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${agent.token}`, ...(init.headers ?? {}) },
    });
  } catch (err) {
    throw new AlmanacError(
      'NOT_FOUND',
      `Cannot reach the agent at ${agent.url}: ${(err as Error).message}. Is it running?`,
    );
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    const given = body.error?.code as ErrorCode | undefined;
    const code = given && errorCodes.includes(given) ? given : res.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL';
    throw new AlmanacError(
      code,
      `The agent at ${agent.url} said: ${body.error?.message ?? res.statusText} (${res.status}).`,
    );
  }
  return res;
}

/** Call a running agent's JSON route. */
export async function agentCall<T>(agent: AgentAddress, route: string, init: RequestInit = {}): Promise<T> {
  const res = await send(agent, route, init);
  return (await res.json().catch(() => ({}))) as T;
}

/** A running agent's text route (a day of its conversation log). */
export async function agentText(agent: AgentAddress, route: string): Promise<string> {
  return (await send(agent, route)).text();
}

/** A running agent's binary route (a snapshot bundle). */
export async function agentBytes(agent: AgentAddress, route: string): Promise<Buffer> {
  return Buffer.from(await (await send(agent, route)).arrayBuffer());
}
