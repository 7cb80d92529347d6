// The desktop app's report view: a privileged `ais-report:` scheme whose handler answers
// `ais-report://snapshot/<ref>?lang=en|ko` with a stored snapshot's HTML report, rendered by the same core
// code the headless server's `/report/<ref>` uses (SnapshotOps.export, which also validates the ref) and
// sent with the same policy (reportViewCsp). The dashboard shows it in a sandboxed iframe; srcdoc or
// blob: would inherit the dashboard's CSP, which blocks the report's inline style and script.
// Electron-free apart from types: the request → response logic uses the web-standard Request/Response
// (Node 20 has them; Electron's protocol.handle speaks them), so it is unit-tested under plain Node.
import type { CustomScheme, Privileges, Protocol } from 'electron';
import { createTranslator, isLang, type Lang, type MessageKey } from '../../shared/i18n/index.js';
import type { SnapshotFormat } from '../../shared/report/index.js';
import { isUserError, type MessageParams } from '../core/errors.js';
import { translate } from '../core/messages.js';
import { reportViewCsp } from '../server/report-view.js';
import { errorStatus } from '../server/http.js';
import { COMMON_HEADERS } from '../server/security.js';

/** The scheme of the report view. */
export const REPORT_SCHEME = 'ais-report';
/** The one host the scheme answers for: `ais-report://snapshot/<ref>`. */
export const REPORT_HOST = 'snapshot';

/**
 * Exactly the privileges the scheme gets, every one spelled out. `standard`: URLs parse with a host and
 * the scheme has a real (tuple) origin, so `frame-ancestors` and relative URLs work as on the web.
 * `secure`: a secure context like the file: page that frames it. Everything else off: the report's own
 * CSP must apply (no bypassCSP), nothing fetches it (no Fetch API, no CORS), no service workers, no
 * streaming, no code cache, no extensions.
 */
export const REPORT_SCHEME_PRIVILEGES: Readonly<Required<Privileges>> = Object.freeze({
  standard: true,
  secure: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  supportFetchAPI: false,
  corsEnabled: false,
  stream: false,
  codeCache: false,
  allowExtensions: false,
});

/** What `protocol.registerSchemesAsPrivileged` gets, before the app is ready. */
export const REPORT_SCHEME_REGISTRATION: CustomScheme = Object.freeze({
  scheme: REPORT_SCHEME,
  privileges: REPORT_SCHEME_PRIVILEGES,
});

/** True for a report-view URL (`ais-report://snapshot/…`): the only thing a subframe may navigate to. */
export function isReportViewUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${REPORT_SCHEME}:` && u.host.toLowerCase() === REPORT_HOST;
}

/**
 * The `will-frame-navigate` rule of every window: a subframe may load a report-view URL and nothing else;
 * the main frame may not navigate at all (as `will-navigate` says; our pages load through loadFile/loadURL,
 * which fire neither event).
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean): boolean {
  return !isMainFrame && isReportViewUrl(url);
}

/**
 * The `frame-ancestors` source that matches the page that frames the report. `'self'` cannot: the
 * report's origin is `ais-report://snapshot`, the dashboard's is file: (built) or the electron-vite dev
 * server's http origin (unpackaged dev runs). A file: parent matches the scheme source `file:` (checked
 * with Chromium: `'self'` is refused there, `file:` allowed); only our pages ever load in a window, as
 * navigation is blocked. Anything unparsable gets `'none'`.
 */
export function frameAncestorsFor(pageUrl: string): string {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return "'none'";
  }
  if (u.protocol === 'file:') return 'file:';
  if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  return "'none'";
}

/** What the handler needs: the core's snapshot export, the framing page, the app's language. */
export interface ReportProtocolDeps {
  /** The core's export (the Backend's SnapshotOps): validates the ref, reads the store, renders. */
  snapshots: {
    export(ref: string, format: SnapshotFormat, lang?: Lang): Promise<{ content: string }>;
  };
  /** The `frame-ancestors` source of the dashboard page (frameAncestorsFor). */
  frameAncestors: string;
  /** The app's language, for error text when the request names none (or a bad one). */
  lang: () => Lang;
  /** Unexpected failures (one line, never the report or a stack). */
  log?: (line: string) => void;
}

// The line shown for each status the server gives a user error (errorStatus in server/http.ts).
const STATUS_MESSAGE: Record<number, MessageKey> = {
  404: 'reportview.not_found',
  422: 'reportview.corrupt',
  500: 'reportview.internal',
};

/** A small plain-text answer, itself sandboxed and unframeable by others. */
function plain(
  status: number,
  lang: Lang,
  key: MessageKey,
  params: MessageParams,
  frameAncestors: string,
  extra: Record<string, string> = {},
): Response {
  const body = translate(createTranslator(lang), key, params);
  return new Response(`${body}\n`, {
    status,
    headers: {
      ...COMMON_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; sandbox; frame-ancestors ${frameAncestors}`,
      ...extra,
    },
  });
}

/**
 * Answers one `ais-report:` request: GET `ais-report://snapshot/<ref>?lang=en|ko` → 200 with the stored
 * snapshot's HTML report under the report's hash-based CSP + `sandbox allow-scripts` + frame-ancestors;
 * another method → 405; a bad lang or ref → 400; an unknown host or snapshot → 404. Error bodies are one
 * translated line of text/plain (never a stack or a path). Never rejects.
 */
export async function handleReportRequest(request: Request, deps: ReportProtocolDeps): Promise<Response> {
  const fa = deps.frameAncestors;
  const fallback = deps.lang();
  if (request.method !== 'GET') return plain(405, fallback, 'reportview.method', {}, fa, { Allow: 'GET' });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, fallback, 'reportview.bad_ref', {}, fa);
  }
  if (!isReportViewUrl(url.href)) return plain(404, fallback, 'reportview.not_found', {}, fa);
  const langParam = url.searchParams.get('lang');
  if (langParam !== null && !isLang(langParam))
    return plain(400, fallback, 'reportview.bad_lang', { lang: langParam.slice(0, 16) }, fa);
  const lang = langParam ?? undefined;
  const textLang = lang ?? fallback;
  let ref: string;
  try {
    ref = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return plain(400, textLang, 'reportview.bad_ref', {}, fa);
  }
  try {
    const report = await deps.snapshots.export(ref, 'html', lang);
    return new Response(report.content, {
      status: 200,
      headers: {
        ...COMMON_HEADERS,
        'Content-Security-Policy': reportViewCsp(fa),
        'Content-Type': 'text/html; charset=utf-8',
        // Not readable as a no-cors subresource (<script src>, <img>) by another origin; a frame is a
        // navigation, which CORP leaves alone while no embedder sets COEP.
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    });
  } catch (e) {
    if (isUserError(e)) {
      const status = errorStatus(e);
      const key = STATUS_MESSAGE[status] ?? 'reportview.bad_ref';
      // The store's own catalog messages (unknown id, ambiguous prefix…) name only the ref: shown as they
      // are. Any other text may hold a path, so it gets the generic line.
      if (e.key?.startsWith('cli.store.'))
        return plain(status, textLang, e.key as MessageKey, e.params ?? {}, fa);
      return plain(status, textLang, key, {}, fa);
    }
    deps.log?.(`report view failed: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`);
    return plain(500, textLang, 'reportview.internal', {}, fa);
  }
}

/** The protocol members used here (Electron's `protocol` satisfies it; tests pass a fake). */
export type ProtocolLike = Pick<Protocol, 'handle' | 'unhandle'>;

/** Registers the scheme's privileges: once, before the app is ready (Electron allows one call in all). */
export function registerReportScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([REPORT_SCHEME_REGISTRATION]);
}

/**
 * Serves `ais-report:` on the protocol's session (Electron's `protocol` = the default session, the one
 * every window here uses) once the app is ready; returns the function that removes the handler.
 */
export function registerReportProtocol(protocol: ProtocolLike, deps: ReportProtocolDeps): () => void {
  protocol.handle(REPORT_SCHEME, (request) => handleReportRequest(request, deps));
  return () => protocol.unhandle(REPORT_SCHEME);
}
