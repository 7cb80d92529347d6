import type { z } from 'zod';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { UserError, type MessageParams } from '../errors.js';
import { englishMessage } from '../messages.js';

/** Why a store operation failed: callers branch on the code, users read the one-line message. */
export type StoreErrorCode = 'not_found' | 'ambiguous' | 'corrupt' | 'io';

/** A store failure with a one-line message fit to show a user as is (CLI, tray notification). */
export class StoreError extends UserError {
  override readonly name: string = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; key?: string; params?: MessageParams },
  ) {
    super(code === 'ambiguous' ? 'usage' : code, message, options);
  }
}

/** A StoreError whose text comes from the catalog (`cli.store.*`), so front ends can translate it. */
export function storeError(
  code: StoreErrorCode,
  key: MessageKey,
  params: MessageParams,
  cause?: unknown,
): StoreError {
  return new StoreError(code, englishMessage(key, params), { key, params, cause });
}

/** True when `err` is a Node system error with the given code (ENOENT, EEXIST…). */
export function hasErrno(err: unknown, ...codes: string[]): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof err.code === 'string' &&
    codes.includes(err.code)
  );
}

/** Turns a file-system failure into a StoreError: a missing file is `missing`, anything else io. */
export function fsError(err: unknown, what: string, missing: StoreErrorCode = 'not_found'): StoreError {
  if (err instanceof StoreError) return err;
  const code = hasErrno(err, 'ENOENT') ? missing : 'io';
  const reason = err instanceof Error ? err.message : String(err);
  return new StoreError(code, `${what}: ${reason}`, { cause: err });
}

/** `processes.top_cpu[3].pid`: the path of a zod issue the way a user would look for it in the JSON. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The first problem zod found in `input`, on one line: which field, and what is wrong with it. */
export function firstIssue(error: z.ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid document';
  const detail = issue.message.replace(/\s+/g, ' ').replace(/^Invalid input: /, '');
  if (issue.path.length === 0) return `the document: ${detail}`;
  const field = `field "${issuePath(issue.path)}"`;
  if (input !== undefined && valueAt(input, issue.path) === undefined) {
    return `${field} is missing (${detail.replace(/, received undefined$/, '')})`;
  }
  return `${field}: ${detail}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
