/** Every exit code the CLI uses, in one place (documented in the README). */
export const ExitCode = {
  /** Success. */
  Ok: 0,
  /** A check rule failed (the CI gate), or a command found a problem it was asked to report. */
  Failed: 1,
  /** Bad usage: unknown flag, bad value, bad config key. */
  Usage: 2,
  /** The snapshot, file or id asked for does not exist. */
  NotFound: 3,
  /** A file could not be read or written, or is not a snapshot. */
  Io: 4,
  /** An unexpected internal error (a bug): rerun with --debug and report it. */
  Internal: 70,
  /** Interrupted by Ctrl-C. */
  Interrupted: 130,
} as const;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
