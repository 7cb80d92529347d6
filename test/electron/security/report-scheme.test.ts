// The `ais-report:` scheme's security shape, checked on the sources Electron would run (Electron cannot
// run here): exactly the privileges chosen (standard + secure, never bypassCSP, CORS, fetch or service
// workers), registered once and before the app is ready, served only once it is, subframes limited to
// it, and the dashboard's and popover's CSP opening frame-src to it and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEME_REGISTRATION } from '../../../electron/main/report-protocol.js';

const root = join(import.meta.dirname, '..', '..', '..');
const mainDir = join(root, 'electron', 'main');
const index = readFileSync(join(mainDir, 'index.ts'), 'utf8');

/** The directives of a page's meta CSP, by name. */
function metaCsp(page: string): Map<string, string> {
  const html = readFileSync(join(root, 'renderer', page, 'index.html'), 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error(`no CSP meta in renderer/${page}/index.html`);
  const out = new Map<string, string>();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values.join(' '));
  }
  return out;
}

describe('ais-report: scheme', () => {
  it('has exactly the privileges standard + secure', () => {
    expect(REPORT_SCHEME_REGISTRATION.scheme).toBe('ais-report');
    const on = Object.entries(REPORT_SCHEME_REGISTRATION.privileges ?? {})
      .filter(([, v]) => v === true)
      .map(([k]) => k);
    expect(on.sort()).toEqual(['secure', 'standard']);
    expect(REPORT_SCHEME_REGISTRATION.privileges).toMatchObject({
      bypassCSP: false,
      corsEnabled: false,
      supportFetchAPI: false,
      allowServiceWorkers: false,
    });
  });

  it('is registered once in the shell, before ready, and served once ready', () => {
    const calls = readdirSync(mainDir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        (readFileSync(join(mainDir, f), 'utf8').match(/registerSchemesAsPrivileged\(/g) ?? []).map(() => f),
      );
    expect(calls).toEqual(['report-protocol.ts']);
    const scheme = index.indexOf('registerReportScheme(protocol)');
    const ready = index.indexOf('.whenReady()');
    const startFn = index.indexOf('async function start()');
    const topLevel = index.indexOf('if (!app.requestSingleInstanceLock())');
    expect(scheme).toBeGreaterThan(topLevel);
    expect(scheme).toBeLessThan(ready);
    const handler = index.indexOf('registerReportProtocol(protocol,');
    expect(handler).toBeGreaterThan(startFn);
    expect(handler).toBeLessThan(topLevel);
  });

  it('limits every frame’s navigation to the report view', () => {
    expect(index).toMatch(
      /contents\.on\('will-frame-navigate', \(event\) => \{\s+if \(!isAllowedFrameNavigation\(event\.url, event\.isMainFrame\)\) event\.preventDefault\(\);/,
    );
    expect(index).toMatch(/contents\.on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/);
    expect(index).toMatch(/contents\.setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
  });

  it.each(['dashboard', 'popover'] as const)(
    'opens the %s’s frame-src to ais-report: (the share preview) and no other directive',
    (page) => {
      const csp = metaCsp(page);
      expect(csp.get('frame-src')).toBe("'self' ais-report:");
      for (const [name, value] of csp)
        if (name !== 'frame-src') expect(value, name).not.toMatch(/ais-report/);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
    },
  );
});
