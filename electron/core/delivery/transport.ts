/** A failed send: `retryable` when trying again later may help (network, 5xx, 429, timeouts). */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A network error's one-line reason without anything from the request (no URL path, no headers). */
export function networkReason(e: unknown): string {
  const err = e as {
    code?: string;
    cause?: { code?: string; message?: string };
    message?: string;
    name?: string;
  };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  const code = err?.cause?.code ?? err?.code;
  if (code) return code;
  return (err?.cause?.message ?? err?.message ?? String(e)).split('\n')[0]!.slice(0, 200);
}
