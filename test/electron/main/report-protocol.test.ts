// The desktop report view's `ais-report:` protocol (electron/main/report-protocol.ts) under plain Node:
// real web-standard Request objects, a real snapshot store in a temp folder with a real snapshot, and
// the headless server's own /report/<ref> code (electron/server/report-view.ts) on a real loopback
// HTTP server to compare against. Electron cannot run here: the `protocol` object is a FAKE, and the
// Chromium check carries the handler's exact responses over loopback HTTP instead of the custom scheme.
// That check needs Debian's chromium at /usr/bin/chromium: outside CI it skips with the reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../../helpers/chromium.js';
import { reportCsp } from '../../../shared/report/html/document.js';
import { Settings } from '../../../shared/settings/schema.js';
import {
  frameAncestorsFor,
  handleReportRequest,
  isAllowedFrameNavigation,
  isReportViewUrl,
  registerReportProtocol,
  registerReportScheme,
  REPORT_SCHEME_REGISTRATION,
  type ProtocolLike,
  type ReportProtocolDeps,
} from '../../../electron/main/report-protocol.js';
import type { Backend } from '../../../electron/server/backend.js';
import { sendError } from '../../../electron/server/http.js';
import { serveReport } from '../../../electron/server/report-view.js';
import { SnapshotOps } from '../../../electron/server/snapshots.js';

let dir: string;
let ops: SnapshotOps;
let id: string;
let server: Server;
let base: string;
const logged: string[] = [];

function deps(over: Partial<ReportProtocolDeps> = {}): ReportProtocolDeps {
  return { snapshots: ops, frameAncestors: 'file:', lang: () => 'en', log: (l) => logged.push(l), ...over };
}
const get = (url: string, d = deps()) => handleReportRequest(new Request(url), d);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ais-report-protocol-'));
  const settings = Settings.parse({
    store: { dir: join(dir, 'store') },
    snapshot: { windowSeconds: 0, only: ['host', 'memory', 'processes'] },
  });
  ops = new SnapshotOps({ settings, layers: [], userSettingsPath: join(dir, 'config.json') });
  id = (await ops.take()).id;
  // The server's /report/<ref> route, as server.ts runs it after auth: the same core, the same policy.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    serveReport(res, req.method ?? 'GET', url, { snapshots: ops } as unknown as Backend).catch((e: unknown) =>
      sendError(res, e, () => undefined),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  rmSync(dir, { recursive: true, force: true });
});

describe('ais-report: handler', () => {
  it('answers 200 with the report under its own hash CSP, sandboxed, framed only by the dashboard', async () => {
    const res = await get(`ais-report://snapshot/${id}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp.startsWith(`${reportCsp()};`)).toBe(true);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toMatch(/; sandbox allow-scripts; frame-ancestors file:$/);
    expect(csp).not.toMatch(/unsafe-inline|'self'/);
    const body = await res.text();
    expect(body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(body).toMatch(/<title>[^<]+<\/title>/);
  });

  it('serves the same HTML the headless server serves for that ref, in the language asked for', async () => {
    for (const [ref, lang] of [
      [id, 'en'],
      [id.slice(0, 8), 'ko'],
      ['latest', 'ko'],
    ] as const) {
      const ours = await get(`ais-report://snapshot/${encodeURIComponent(ref)}?lang=${lang}`);
      const served = await fetch(`${base}/report/${encodeURIComponent(ref)}?lang=${lang}`);
      expect(served.status).toBe(200);
      const html = await ours.text();
      expect(html).toBe(await served.text());
      expect(html).toContain(`<html lang="${lang}">`);
      // The same policy apart from who may frame it ('self' on the server, the dashboard's file: here).
      expect(ours.headers.get('content-security-policy')).toBe(
        served.headers
          .get('content-security-policy')
          ?.replace("frame-ancestors 'self'", 'frame-ancestors file:'),
      );
    }
  });

  it('puts the dev server origin in frame-ancestors when the dashboard comes from there', async () => {
    const res = await get(
      `ais-report://snapshot/${id}?lang=en`,
      deps({ frameAncestors: 'http://localhost:5173' }),
    );
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors http:\/\/localhost:5173$/);
  });

  it('answers 404 for an unknown snapshot or host, in one line of text without the store path', async () => {
    for (const url of ['ais-report://snapshot/ffffffff?lang=en', 'ais-report://elsewhere/latest?lang=en']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; sandbox; frame-ancestors file:",
      );
      const body = await res.text();
      expect(body.trim().split('\n')).toHaveLength(1);
      expect(body).not.toContain(dir);
      expect(body).not.toMatch(/\bat\s.+:\d+:\d+/);
    }
    expect(await (await get('ais-report://snapshot/ffffffff?lang=en')).text()).toBe(
      'no snapshot with id ffffffff\n',
    );
  });

  it('answers 400 for a bad lang, naming the fix, in the app’s language', async () => {
    const en = await get(`ais-report://snapshot/${id}?lang=fr`);
    expect(en.status).toBe(400);
    expect(await en.text()).toBe('Unknown report language "fr": use en or ko.\n');
    const ko = await get(`ais-report://snapshot/${id}?lang=de`, deps({ lang: () => 'ko' }));
    expect(ko.status).toBe(400);
    expect(await ko.text()).toMatch(/^알 수 없는 보고서 언어 "de": en 또는 ko/);
  });

  it('answers 400 for a ref that is no store reference (no file paths, no bad escapes)', async () => {
    for (const ref of ['..%2F..%2Fetc%2Fpasswd', '%2Ftmp%2Fsnap.json', '%E0%A4%A', 'not-a-ref', '']) {
      const res = await get(`ais-report://snapshot/${ref}?lang=en`);
      expect(res.status, ref).toBe(400);
      expect(await res.text()).toMatch(/^This is not a snapshot reference: use latest, latest~N/);
    }
    const ko = await get('ais-report://snapshot/nope?lang=ko');
    expect(await ko.text()).toMatch(/^스냅샷 참조가 아닙니다/);
  });

  it('answers 405 with Allow: GET for any other method', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      const res = await handleReportRequest(new Request(`ais-report://snapshot/${id}`, { method }), deps());
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
      expect(await res.text()).toMatch(/^Only GET is answered here/);
    }
  });

  it('turns an unexpected failure into a generic 500 and logs one line, never the detail in the body', async () => {
    const broken = deps({
      snapshots: {
        export: () => Promise.reject(new Error(`EACCES: permission denied, open '${dir}/store/x'\n    at y`)),
      },
    });
    const res = await get('ais-report://snapshot/latest?lang=en', broken);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toMatch(/^The report could not be produced/);
    expect(body).not.toContain(dir);
    expect(logged.at(-1)).toBe(`report view failed: EACCES: permission denied, open '${dir}/store/x'`);
  });
});

describe('report-view URLs and navigation', () => {
  it('recognises only ais-report://snapshot/… as a report-view URL', () => {
    expect(isReportViewUrl(`ais-report://snapshot/${id}?lang=en`)).toBe(true);
    expect(isReportViewUrl('ais-report://other/x')).toBe(false);
    expect(isReportViewUrl('https://snapshot/x')).toBe(false);
    expect(isReportViewUrl('file:///etc/passwd')).toBe(false);
    expect(isReportViewUrl('not a url')).toBe(false);
  });

  it('lets a subframe load the report view and nothing else; the main frame never navigates', () => {
    expect(isAllowedFrameNavigation('ais-report://snapshot/latest?lang=en', false)).toBe(true);
    expect(isAllowedFrameNavigation('ais-report://snapshot/latest?lang=en', true)).toBe(false);
    expect(isAllowedFrameNavigation('https://example.com/', false)).toBe(false);
    expect(isAllowedFrameNavigation('file:///etc/passwd', false)).toBe(false);
    expect(isAllowedFrameNavigation('javascript:alert(1)', false)).toBe(false);
  });

  it('derives frame-ancestors from where the dashboard is loaded', () => {
    expect(frameAncestorsFor('file:///opt/app/out/renderer/dashboard/index.html')).toBe('file:');
    expect(frameAncestorsFor('http://localhost:5173/dashboard/index.html')).toBe('http://localhost:5173');
    expect(frameAncestorsFor('about:blank')).toBe("'none'");
    expect(frameAncestorsFor('nonsense')).toBe("'none'");
  });
});

describe('registration (FAKE Electron protocol: Electron cannot run here)', () => {
  it('registers the scheme with exactly standard + secure, nothing else', () => {
    const calls: unknown[] = [];
    registerReportScheme({ registerSchemesAsPrivileged: (schemes) => void calls.push(schemes) });
    expect(calls).toEqual([
      [
        {
          scheme: 'ais-report',
          privileges: {
            standard: true,
            secure: true,
            bypassCSP: false,
            allowServiceWorkers: false,
            supportFetchAPI: false,
            corsEnabled: false,
            stream: false,
            codeCache: false,
            allowExtensions: false,
          },
        },
      ],
    ]);
    expect(Object.isFrozen(REPORT_SCHEME_REGISTRATION.privileges)).toBe(true);
  });

  it('handles ais-report with the real handler, and removes it again', async () => {
    const handlers = new Map<string, (r: Request) => Promise<Response> | Response>();
    const fakeProtocol = {
      handle: (scheme: string, h: (r: Request) => Promise<Response> | Response) =>
        void handlers.set(scheme, h),
      unhandle: (scheme: string) => void handlers.delete(scheme),
    } as unknown as ProtocolLike;
    const dispose = registerReportProtocol(fakeProtocol, deps());
    expect([...handlers.keys()]).toEqual(['ais-report']);
    const res = await handlers.get('ais-report')!(new Request(`ais-report://snapshot/${id}?lang=ko`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe((await ops.export(id, 'html', 'ko')).content);
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe.skipIf(chromiumMissing !== undefined)(
  `the handler's headers in real Chromium${chromiumMissing ? ` (${chromiumMissing})` : ''}`,
  () => {
    it('let a file: dashboard frame the report, sandboxed with its script running; another origin may not', async () => {
      // The handler's responses, byte for byte, carried over loopback HTTP (plain Chromium has no
      // ais-report: scheme): /ok framed by file: as in the built app, /other for some other page only.
      const bridge = createServer((req, res) => {
        const frameAncestors = req.url === '/ok' ? 'file:' : 'http://localhost:1';
        void get(`ais-report://snapshot/${id}?lang=en`, deps({ frameAncestors })).then(async (r) => {
          res.writeHead(r.status, Object.fromEntries(r.headers));
          res.end(await r.text());
        });
      });
      await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`;
      const page = join(dir, 'dashboard.html');
      writeFileSync(
        page,
        `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-src 'self' ${origin}">` +
          `<iframe sandbox="allow-scripts" src="${origin}/ok"></iframe>` +
          `<iframe sandbox="allow-scripts" src="${origin}/other"></iframe>`,
      );
      const browser = await launchChromium();
      try {
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(page).href);
        const frame = (path: string) => tab.frames().find((f) => f.url() === `${origin}${path}`);
        const title = /<title>([^<]+)<\/title>/.exec((await ops.export(id, 'html', 'en')).content)![1]!;
        await expect.poll(async () => frame('/ok')?.title()).toBe(title.replace(/&amp;/g, '&'));
        const ok = frame('/ok')!;
        // Its inline script ran under the hash CSP (the sort buttons are the script's), at an opaque origin.
        await expect.poll(() => ok.locator('thead th button').count()).toBeGreaterThan(0);
        expect(await ok.evaluate('self.origin')).toBe('null');
        await expect.poll(() => tab.frames().some((f) => f.url().startsWith('chrome-error:'))).toBe(true);
        expect(frame('/other')).toBeUndefined();
      } finally {
        await browser.close();
        await new Promise<void>((resolve) => bridge.close(() => resolve()));
      }
    });
  },
);
