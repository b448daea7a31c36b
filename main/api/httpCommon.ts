import { timingSafeEqual } from 'node:crypto';
import { AlmanacError, type ErrorCode } from '../AlmanacError.js';
import type { ApiError } from './contract.js';

/** An HTTP status an Almanac server answers an error with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 502 | 503;

/** The HTTP status of each error code, for every HTTP server of Almanac (the bridge, the live agent). */
export const httpStatus: Record<ErrorCode, ErrorStatus> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_FAILED: 422,
  NOT_A_WORKSPACE: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  SIGN_IN_REQUIRED: 403,
  DAMAGED: 409,
  MODEL_MISSING: 503,
  NO_CHANGES: 409,
  TOO_LARGE: 413,
  PROVIDER_FAILED: 502,
  INTERNAL: 500,
};

/**
 * A request body that is not JSON at all is answered 400 (VALIDATION_FAILED) by every server; JSON
 * that does not fit the route's schema is 422, as `httpStatus` says.
 */
export const notJsonStatus = 400;

/** The body of every error reply of every HTTP server of Almanac (the bridge, the live agent). */
export interface ErrorBody {
  ok: false;
  error: ApiError;
}

/** The error envelope: `{ ok: false, error: { code, message, details? } }`. */
export function errorBody(code: ErrorCode, message: string, details?: ApiError['details']): ErrorBody {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/**
 * A thrown error as an HTTP reply, status from `httpStatus` and body in the envelope. An
 * AlmanacError keeps its code and message (they say what to do); anything else (an unexpected
 * exception, or an AlmanacError coded INTERNAL) is INTERNAL with `internalMessage`, a stable text
 * that never carries the exception's (paths, stack details): the caller logs the real error.
 * `internal` says which of the two it was.
 */
export function errorReply(
  err: unknown,
  internalMessage: string,
): { status: ErrorStatus; body: ErrorBody; internal: boolean } {
  if (err instanceof AlmanacError && err.code !== 'INTERNAL')
    return { status: httpStatus[err.code], body: errorBody(err.code, err.message), internal: false };
  return { status: httpStatus.INTERNAL, body: errorBody('INTERNAL', internalMessage), internal: true };
}

/** Compare a presented token with the expected one in constant time. */
export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
