import { hostsCanonicalName } from './parse.js';

/** An IPv4 or IPv6 literal (node:net's isIP would load the whole net module on every start-up). */
function looksLikeIp(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':');
}

/** How long a snapshot waits for the resolver; the answer is cached, so a later snapshot still gets it. */
export const FQDN_TIMEOUT_MS = 150;

const pending = new Map<string, Promise<string | null>>();

function isLocalhost(name: string): boolean {
  return name === 'localhost' || name.startsWith('localhost.') || name === 'ip6-localhost';
}

/**
 * Like `hostname -f`: resolve the hostname, then ask for the name of each address it resolved to and take
 * the first one that extends the hostname with a domain (else any dotted name). The hostname itself when
 * resolution works but no domain is configured; null when it does not resolve at all.
 */
async function resolveFqdn(hostname: string): Promise<string | null> {
  // Loaded only here: most hosts answer from /etc/hosts, and every millisecond of CLI start-up counts.
  const { lookup, lookupService } = await import('node:dns/promises');
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(hostname, { all: true });
  } catch {
    return null;
  }
  const names = await Promise.all(
    addresses.map((a) =>
      lookupService(a.address, 0).then(
        (r) => r.hostname,
        () => null,
      ),
    ),
  );
  return pickFqdn(hostname, names);
}

/**
 * Picks the domain name among the names the host's addresses resolve back to: one extending the hostname
 * first, else any dotted name, else the hostname itself.
 */
export function pickFqdn(hostname: string, names: ReadonlyArray<string | null>): string {
  // Without a PTR record getnameinfo hands back the address itself, which is dotted but no name.
  const dotted = names.filter(
    (n): n is string => n !== null && n.includes('.') && !looksLikeIp(n) && !isLocalhost(n),
  );
  const prefix = `${hostname.toLowerCase()}.`;
  return dotted.find((n) => n.toLowerCase().startsWith(prefix)) ?? dotted[0] ?? hostname;
}

/**
 * The fully qualified name of this host. An already dotted hostname or an /etc/hosts entry answers at
 * once; otherwise the resolver is asked once per process and each caller waits at most `timeoutMs`
 * (getaddrinfo cannot be cancelled, so a hung DNS query must not hold up the snapshot).
 */
export async function fqdnOf(
  hostname: string,
  hostsText: string | null,
  timeoutMs = FQDN_TIMEOUT_MS,
): Promise<string | null> {
  if (hostname.includes('.')) return hostname;
  const fromHosts = hostsText === null ? null : hostsCanonicalName(hostsText, hostname);
  // "127.0.0.1 localhost myhost" is a common misconfiguration, not a domain.
  if (fromHosts) return isLocalhost(fromHosts) ? hostname : fromHosts;
  let p = pending.get(hostname);
  if (!p) {
    const started = resolveFqdn(hostname).catch(() => null);
    // A failure is not cached: the resolver may come up later in a long-running sampler.
    void started.then((r) => r === null && pending.delete(hostname));
    pending.set(hostname, started);
    p = started;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
