import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../AlmanacError.js';

/** The HTTP status of each error code, for every HTTP server of Almanac (the bridge, the live agent). */
export const httpStatus: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 502 | 503> = {
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

/** Compare a presented token with the expected one in constant time. */
export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
