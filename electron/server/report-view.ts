import type { ServerResponse } from 'node:http';
import { isLang } from '../../shared/i18n/index.js';
import { reportCsp } from '../../shared/report/html/document.js';
import type { Backend } from './backend.js';
import { HttpError } from './http.js';
import { COMMON_HEADERS } from './security.js';

/** Where a stored snapshot's HTML report is served: `/report/<ref>?lang=en|ko` (same auth as the API). */
export const REPORT_PREFIX = '/report/';

/**
 * The policy of a served report: the report's own (nothing from anywhere but its one inline style and
 * script, allowed by hash), plus what only a header can say — `sandbox allow-scripts` runs the page at
 * an opaque origin (its script cannot read the session cookie, call the API or touch the dashboard),
 * and only the dashboard (same origin) may frame it. The desktop app's `ais-report:` protocol serves the
 * same policy with its own `frameAncestors` (electron/main/report-protocol.ts: there the dashboard is
 * not same-origin with the report).
 */
export function reportViewCsp(frameAncestors = "'self'"): string {
  return `${reportCsp()}; sandbox allow-scripts; frame-ancestors ${frameAncestors}`;
}

/**
 * Answers `GET|HEAD /report/<ref>?lang=` with the stored snapshot's HTML report, for the dashboard's
 * sandboxed iframe. The caller has already checked auth as for the API (session cookie or Bearer key,
 * read scope). An unknown or malformed ref is the same 404/400 the API gives (via the error handler).
 */
export async function serveReport(
  res: ServerResponse,
  method: string,
  url: URL,
  backend: Backend,
): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', `${method} ${REPORT_PREFIX}…: use GET`);
  let ref: string;
  try {
    ref = decodeURIComponent(url.pathname.slice(REPORT_PREFIX.length));
  } catch {
    throw new HttpError(400, 'bad_request', 'ref: not a valid URL path segment', 'ref');
  }
  const lang = url.searchParams.get('lang') ?? undefined;
  if (lang !== undefined && !isLang(lang))
    throw new HttpError(400, 'bad_request', `lang: expected en or ko, got "${lang}"`, 'lang');
  const report = await backend.snapshots.export(ref, 'html', lang);
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Security-Policy': reportViewCsp(),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(report.content),
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(method === 'HEAD' ? undefined : report.content);
}
