import http from 'isomorphic-git/http/node';
import type { AuthCallback } from 'isomorphic-git';
import { AlmanacError } from '../AlmanacError.js';
import { fs, git } from '../versions/index.js';
import { RemoteUnreachable } from './RemoteUnreachable.js';
import type { Transport } from './transport.js';

export interface HttpAuth {
  username?: string;
  password?: string;
  token?: string;
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
]);

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

/** Network failures become RemoteUnreachable, refused credentials UNAUTHORIZED; anything else is rethrown. */
function explain(remote: string, err: unknown): never {
  const code = errorCode(err);
  if (code && networkCodes.has(code)) throw new RemoteUnreachable(remote, err);
  const status = (err as { data?: { statusCode?: number } }).data?.statusCode;
  if (status === 401 || status === 403) {
    throw new AlmanacError('UNAUTHORIZED', `${remote} refused the credentials. Check the user name and token.`);
  }
  throw err;
}

/** Sync with a git server over smart HTTP(S). */
export function httpTransport(dir: string, url: string, auth?: HttpAuth): Transport {
  const onAuth: AuthCallback | undefined = auth
    ? () =>
        auth.token
          ? { username: auth.username ?? 'x-access-token', password: auth.token }
          : { username: auth.username, password: auth.password }
    : undefined;
  return {
    async fetch() {
      try {
        const result = await git.fetch({ fs, http, dir, url, ref: 'main', singleBranch: true, tags: false, onAuth });
        return result.fetchHead;
      } catch (err) {
        if (errorCode(err) === 'NotFoundError') return null;
        return explain(url, err);
      }
    },
    // Pushes our main, which the caller just moved to the commit it wants sent.
    async push() {
      try {
        const result = await git.push({
          fs,
          http,
          dir,
          url,
          ref: 'refs/heads/main',
          remoteRef: 'refs/heads/main',
          onAuth,
        });
        return result.ok && result.refs['refs/heads/main']?.ok !== false;
      } catch (err) {
        // The server's main moved past what we merged (or to a commit we have not fetched).
        if (['PushRejectedError', 'NotFoundError'].includes(errorCode(err) ?? '')) return false;
        return explain(url, err);
      }
    },
  };
}
