/**
 * The core's error hierarchy. A `UserError` is the user's to fix (bad flag, bad config, unknown id):
 * the CLI prints its one-line message and exits with its code, without a stack trace; the server maps
 * it to a 4xx. Anything else is a bug or an environment failure and keeps its stack for `--debug`.
 */
export type UserErrorKind = 'usage' | 'config' | 'not_found' | 'corrupt' | 'io';

/** A problem the user can fix; `message` is one line naming the problem and the fix. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    readonly kind: UserErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for errors that carry a user-facing one-line message. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
