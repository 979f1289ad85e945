// Errors a command reports to the user: a message that says what was wrong and how to fix it, and an exit code.
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A failure the user can act on (bad file, unreachable host): printed without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError || err instanceof UserError) return err.exitCode;
  return 1;
}
