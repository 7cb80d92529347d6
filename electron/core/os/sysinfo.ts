/**
 * systeminformation, loaded only when a reader needs it (macOS, Windows, BSD fallbacks): on Linux the
 * readers take the kernel's files directly, which is an order of magnitude faster.
 */
export async function loadSystemInformation(): Promise<typeof import('systeminformation')> {
  const mod = await import('systeminformation');
  return (mod as { default?: typeof import('systeminformation') }).default ?? mod;
}
