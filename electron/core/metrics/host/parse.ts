import type { HostSection } from '../../../../shared/snapshot/metrics/host.js';

/** The os part of the host section, minus the platform which the reader knows. */
export type OsRelease = Omit<HostSection['os'], 'platform'>;

function unquote(raw: string): string {
  const v = raw.trim();
  const q = v[0];
  if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) {
    const inner = v.slice(1, -1);
    // os-release(5) values are shell-quoted: backslash escapes only count inside double quotes.
    return q === '"' ? inner.replace(/\\([\\$"`])/g, '$1') : inner;
  }
  return v;
}

/** Parses os-release(5): KEY=value lines, optionally quoted, with comments. */
export function parseOsRelease(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    vars.set(t.slice(0, eq).trim(), unquote(t.slice(eq + 1)));
  }
  return vars;
}

/**
 * Name, version, codename and id from os-release. VERSION is preferred to VERSION_ID because it carries the
 * point release ("22.04.3 LTS" rather than "22.04"); its parenthesised (or, on Ubuntu 14.04, comma-separated)
 * part is the codename on distributions without VERSION_CODENAME (CentOS 7: "7 (Core)"). Rolling
 * distributions (Arch) only have BUILD_ID.
 */
export function osFromRelease(text: string | null): OsRelease {
  if (text === null) return { name: 'Linux', version: 'unknown', codename: null, id: null };
  const v = parseOsRelease(text);
  const get = (k: string): string | undefined => {
    const s = v.get(k);
    return s === undefined || s === '' ? undefined : s;
  };
  const version = get('VERSION');
  const paren = version ? /^(.*?)\s*[(,]\s*([^)]*)\)?\s*$/.exec(version) : null;
  const bareVersion = paren ? paren[1] : version;
  return {
    name: get('NAME') ?? get('ID') ?? 'Linux',
    version: bareVersion || get('VERSION_ID') || get('BUILD_ID') || 'unknown',
    // Fedora sets VERSION_CODENAME="" on purpose; its "(Workstation Edition)" is no codename.
    codename: v.has('VERSION_CODENAME')
      ? (get('VERSION_CODENAME') ?? null)
      : (get('UBUNTU_CODENAME') ?? (paren?.[2]?.trim() || null)),
    id: get('ID') ?? null,
  };
}

/** Boot time in seconds since the epoch: the `btime` line of /proc/stat. */
export function parseBtime(stat: string): number | null {
  const m = /^btime\s+(\d+)\s*$/m.exec(stat);
  return m ? Number(m[1]) : null;
}

/** Seconds since boot: the first number of /proc/uptime. */
export function parseUptime(text: string): number | null {
  const first = text.trim().split(/\s+/)[0];
  if (!first) return null;
  const v = Number(first);
  return Number.isFinite(v) && v >= 0 ? v : null;
}

/**
 * The canonical name /etc/hosts gives `hostname`: the first name on the first line listing it, which is what
 * glibc's files backend returns as the canonical name (`hostname -f`) without touching the network.
 */
export function hostsCanonicalName(hosts: string, hostname: string): string | null {
  const want = hostname.toLowerCase();
  for (const line of hosts.split('\n')) {
    const names = line.replace(/#.*/, '').trim().split(/\s+/).slice(1);
    if (names.some((n) => n.toLowerCase() === want)) return names[0] ?? null;
  }
  return null;
}

// Aliases of UTC that Intl reports as plain "UTC".
const UTC_ALIASES = new Set(['Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'UCT', 'Universal', 'Zulu']);

/**
 * An IANA zone name from a TZ value, a /etc/localtime link target or /etc/timezone: the part after
 * "zoneinfo/" for paths, the value itself for names. Null for POSIX rule strings ("EST5EDT,M3.2.0,M11.1.0").
 */
export function zoneName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw.trim().replace(/^:/, '');
  const at = v.indexOf('zoneinfo/');
  if (at >= 0) v = v.slice(at + 'zoneinfo/'.length);
  else if (v.startsWith('/')) return null;
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(v)) return null;
  return UTC_ALIASES.has(v) ? 'UTC' : v;
}

/** Minutes east of UTC for a Date, the sign convention of ISO 8601 offsets (Berlin in winter is +60). */
export function utcOffsetMinutes(at: Date): number {
  const off = -at.getTimezoneOffset();
  return off === 0 ? 0 : off;
}
