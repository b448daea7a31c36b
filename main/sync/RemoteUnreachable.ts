/** The remote could not be reached (missing path, refused connection, unknown host). */
export class RemoteUnreachable extends Error {
  constructor(
    readonly remote: string,
    cause: unknown,
  ) {
    super(`Cannot reach ${remote} (${cause instanceof Error ? cause.message : String(cause)}).`);
    this.name = 'RemoteUnreachable';
  }
}
