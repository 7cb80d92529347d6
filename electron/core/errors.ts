/**
 * The core's error hierarchy. A `UserError` is the user's to fix (bad flag, bad config, unknown id):
 * the CLI prints its one-line message and exits with its code, without a stack trace; the server maps
 * it to a 4xx. Anything else is a bug or an environment failure and keeps its stack for `--debug`.
 */
export type UserErrorKind = 'usage' | 'config' | 'not_found' | 'corrupt' | 'io';

/** Message parameters, interpolated into the catalog's text; `{ key }` values are messages themselves. */
export type MessageParams = Record<string, string | number | { key: string }>;

/** A problem the user can fix; `message` is one English line naming the problem and the fix. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  /** Catalog key of the message, so a front end can show it in the user's language. */
  readonly key: string | undefined;
  readonly params: MessageParams | undefined;

  constructor(
    readonly kind: UserErrorKind,
    message: string,
    options?: { cause?: unknown; key?: string; params?: MessageParams },
  ) {
    super(message, options);
    this.key = options?.key;
    this.params = options?.params;
  }
}

/** True for errors that carry a user-facing one-line message. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
