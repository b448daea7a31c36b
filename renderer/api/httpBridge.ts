import type { AlmanacBridge, AlmanacEvent, Result } from '../../main/api/index.js';

const tokenKey = 'almanac.token';

/** The HTTP transport also knows whether it holds a token the server accepts. */
export interface HttpBridge extends AlmanacBridge {
  hasToken(): boolean;
  /** Called when a token arrives in the URL hash or the server turns the current one away. */
  onTokenChange(listener: () => void): () => void;
}

const unauthorized: Result<unknown> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token. Open the URL that `almanac web` printed.' },
};

/** The launch token arrives in the URL hash; keep it for reloads and take it out of the URL. */
function takeToken(): string {
  const match = /token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

/** The HTTP transport of the contract: POST /api/<route> and a Server-Sent Events stream. */
export function createHttpBridge(): HttpBridge {
  let token = takeToken();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const headers = () => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const refuse = () => {
    if (!token) return;
    token = '';
    sessionStorage.removeItem(tokenKey);
    changed();
  };
  window.addEventListener('hashchange', () => {
    const next = takeToken();
    if (next === token) return;
    token = next;
    changed();
  });

  return {
    hasToken: () => token !== '',
    onTokenChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async invoke(route, input) {
      if (!token) return unauthorized;
      try {
        const res = await fetch(`/api/${route}`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(input ?? {}),
        });
        if (res.status === 401) {
          refuse();
          return unauthorized;
        }
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `The studio server did not answer: ${(err as Error).message}` },
        };
      }
    },
    onEvent(listener) {
      const controller = new AbortController();
      const connect = async () => {
        while (!controller.signal.aborted && token) {
          try {
            const res = await fetch('/api/events', { headers: headers(), signal: controller.signal });
            if (res.status === 401) return refuse();
            if (res.ok) listener({ type: 'events.connected' });
            const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let cut: number;
              while ((cut = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, cut);
                buffer = buffer.slice(cut + 2);
                const data = block
                  .split('\n')
                  .filter((l) => l.startsWith('data:'))
                  .map((l) => l.slice(5).trim())
                  .join('');
                if (data && !block.includes('event: ping')) listener(JSON.parse(data) as AlmanacEvent);
              }
            }
          } catch {
            // Reconnect below unless we were closed.
          }
          await new Promise((r) => setTimeout(r, 1000));
        }
      };
      void connect();
      return () => controller.abort();
    },
  };
}
