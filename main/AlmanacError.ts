export const errorCodes = [
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION_FAILED',
  'NOT_A_WORKSPACE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  /** The action must be signed, and nobody able to sign is signed in on this machine. */
  'SIGN_IN_REQUIRED',
  /** A file a trust decision reads (audit log, review records, roster, key, lock) cannot be read or does not check. */
  'DAMAGED',
  'MODEL_MISSING',
  'NO_CHANGES',
  'TOO_LARGE',
  /** The configured answer provider (an OpenAI-compatible server) failed, timed out or could not be reached. */
  'PROVIDER_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem in a file the user can fix: which file, which field, and what to do. */
export interface Problem {
  file?: string;
  field?: string;
  message: string;
  fix?: string;
}

/** An expected failure the user can act on; the message says what to do. */
export class AlmanacError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { problems?: Problem[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'AlmanacError';
  }
}
