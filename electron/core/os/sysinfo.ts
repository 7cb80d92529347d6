import type * as Si from 'systeminformation';

/**
 * systeminformation, loaded only when a reader needs it (macOS, Windows, BSD fallbacks): on Linux the
 * readers take the kernel's files directly, which is an order of magnitude faster.
 */
export async function loadSystemInformation(): Promise<typeof Si> {
  const mod = (await import('systeminformation')) as typeof Si & { default?: typeof Si };
  return mod.default ?? mod;
}
