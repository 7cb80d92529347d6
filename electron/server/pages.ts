import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Translator } from '../../shared/i18n/index.js';
import { sendHtml } from './http.js';
import { COMMON_HEADERS } from './security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The page paths of the built renderer: `/` is the dashboard, `/popover` the popover. */
export const PAGES: Record<string, string> = {
  '/': 'dashboard/index.html',
  '/dashboard': 'dashboard/index.html',
  '/popover': 'popover/index.html',
};

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The stylesheet of the server's own pages (served at /login.css: inline styles break the CSP). */
export const LOGIN_CSS = `body{font:16px system-ui,sans-serif;max-width:26rem;margin:12vh auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.55rem;font:inherit;border:1px solid #9aa3b5;border-radius:6px}
button{margin-top:1rem;padding:.55rem 1.2rem;font:inherit;border:0;border-radius:6px;background:#2f6fdf;color:#fff}
.hint{color:#5b6478;font-size:.9rem}.error{color:#b3261e}
@media (prefers-color-scheme:dark){body{background:#14171f;color:#e4e8f1}input{background:#1d2230;color:inherit}}`;

/** The login form: posts the key (form-encoded, no script needed) to /api/v1/login. */
export function loginPage(t: Translator, failed: boolean): string {
  const m = (k: string): string => esc(t.t(`server.login.${k}` as Parameters<Translator['t']>[0]));
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${m('title')}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/login.css"></head><body><main><h1>${m('heading')}</h1>
${failed ? `<p class="error" role="alert">${m('failed')}</p>` : ''}
<form method="post" action="/api/v1/login"><label for="key">${m('label')}</label>
<input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
<p class="hint">${m('hint')}</p><button type="submit">${m('submit')}</button></form></main></body></html>`;
}

/** The page shown instead of the dashboard when the renderer was not built. */
export function notBuiltPage(t: Translator): string {
  return `<!doctype html><html lang="${t.lang}"><head><meta charset="utf-8"><title>AutoInfraSnap</title>
<link rel="stylesheet" href="/login.css"></head><body><main><h1>AutoInfraSnap</h1>
<p>${esc(t.t('server.no_build'))}</p></main></body></html>`;
}

/** Resolves a URL path inside `root`, or null when it escapes it. */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const p = normalize(join(root, decoded));
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep) ? p : null;
}

/** Streams a file of the built renderer; false when there is no such file. */
export async function sendStatic(res: ServerResponse, file: string, head: boolean): Promise<boolean> {
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return false;
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const immutable = /[-.][A-Za-z0-9_-]{8}\.(js|css)$/.test(file);
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': type,
    'Content-Length': st.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (head) res.end();
  else createReadStream(file).pipe(res);
  return true;
}

/** Sends a built HTML page, or the "run npm run build" page when the renderer is missing. */
export async function sendPage(
  res: ServerResponse,
  root: string,
  page: string,
  t: Translator,
  head: boolean,
): Promise<void> {
  const file = join(root, page);
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) {
    sendHtml(res, 503, notBuiltPage(t));
    return;
  }
  const html = await readFile(file, 'utf8');
  if (head) {
    sendHtml(res, 200, '');
    return;
  }
  sendHtml(res, 200, html);
}
