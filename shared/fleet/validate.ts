// Pure checks of a fleet host's fields, shared by the settings schema, the server and the hosts editor:
// each returns the catalog key of the problem (fleet.invalid.*) or null, so every side says it the same way.

/** Host names: what the picker, the tray and the API use to name a host. */
export const HOST_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The catalog key (under `fleet.invalid.`) of what is wrong with a host name, or null. */
export function hostNameProblem(name: string): 'name' | null {
  return HOST_NAME_RE.test(name) ? null : 'name';
}

/** The catalog key of what is wrong with a host URL (http or https, no user:pass, no query), or null. */
export function hostUrlProblem(url: string): 'url' | 'url_scheme' | 'url_credentials' | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'url';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'url_scheme';
  // A key in the URL would end up in logs and in what the renderer sees: keys go in the key field.
  if (u.username !== '' || u.password !== '') return 'url_credentials';
  if (u.search !== '' || u.hash !== '' || u.hostname === '') return 'url';
  return null;
}

/** True when `ca` is PEM text rather than a file path. */
export function isPem(ca: string): boolean {
  return ca.trimStart().startsWith('-----BEGIN ');
}

/** The catalog key of what is wrong with a CA value (PEM text or an absolute file path), or null. */
export function caProblem(ca: string): 'ca' | null {
  if (isPem(ca)) return /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(ca) ? null : 'ca';
  return ca.startsWith('/') || /^[A-Za-z]:[\\/]/.test(ca) || ca.startsWith('\\\\') ? null : 'ca';
}

/** The URL without a trailing slash: `https://h:8780/` and `https://h:8780` are one host. */
export function normalizeHostUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
