import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  reader,
  readSystemd,
  SYSTEMD_RUN_DIR,
} from '../../../../../electron/core/metrics/services/reader.js';
import { UnsupportedError } from '../../../../../electron/core/snapshot/reader.js';
import { ServicesSection } from '../../../../../shared/snapshot/metrics/services.js';
import { testContext } from '../../../../helpers/context.js';

const fixture = fileURLToPath(new URL('../../../../fixtures/services/systemctl-show.txt', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ais-services-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fake `systemctl` first on PATH, so the real child-process path runs without a booted systemd. */
function fakeSystemctl(name: string, body: string): NodeJS.ProcessEnv {
  const bin = join(tmp, name);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, 'systemctl'), 0o755);
  return { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
}

const booted = join(tmp, 'run-systemd-system');
mkdirSync(booted);

describe.runIf(process.platform !== 'win32')('systemd reader', () => {
  it('runs one `systemctl show` with the expected arguments and parses it', async () => {
    const expected =
      'show --no-pager --property=Id,Description,LoadState,ActiveState,SubState,MainPID,UnitFileState *.service';
    const env = fakeSystemctl(
      'ok',
      `[ "$*" = "${expected}" ] || { echo "unexpected args: $*" >&2; exit 2; }\ncat '${fixture}'`,
    );
    const s = ServicesSection.parse(await readSystemd(testContext({ platform: 'linux', env }), booted));
    expect(s).toMatchObject({ manager: 'systemd', available: true, total: 11, running: 2, failed: 2 });
    expect(s.units[0]?.name).toBe('nginx.service');
  });

  it('says why when the directory exists but no systemd answers', async () => {
    const env = fakeSystemctl(
      'nobus',
      'echo "System has not been booted with systemd as init system (PID 1). Can\'t operate." >&2\nexit 1',
    );
    expect(await readSystemd(testContext({ platform: 'linux', env }), booted)).toMatchObject({
      manager: 'systemd',
      available: false,
      reason: "System has not been booted with systemd as init system (PID 1). Can't operate.",
      units: [],
    });
  });

  it('fails loudly on an unexpected systemctl error', async () => {
    const env = fakeSystemctl('broken', 'echo "Segmentation fault" >&2\nexit 139');
    await expect(readSystemd(testContext({ platform: 'linux', env }), booted)).rejects.toThrow(
      /Segmentation/,
    );
  });

  it('reports no manager, not an error, without /run/systemd/system', async () => {
    expect(await readSystemd(testContext({ platform: 'linux' }), join(tmp, 'absent'))).toEqual({
      manager: 'none',
      available: false,
      reason: `systemd is not running (no ${join(tmp, 'absent')})`,
      total: 0,
      running: 0,
      failed: 0,
      units: [],
    });
  });
});

describe.runIf(process.platform === 'linux')('services reader on this machine', () => {
  it('returns a valid section', async () => {
    const s = ServicesSection.parse(await reader.collect(testContext(), undefined));
    if (existsSync(SYSTEMD_RUN_DIR)) {
      expect(s.manager).toBe('systemd');
    } else {
      expect(s).toMatchObject({
        manager: 'none',
        available: false,
        reason: 'systemd is not running (no /run/systemd/system)',
      });
    }
  });
});

describe('services reader elsewhere', () => {
  it('is unsupported on platforms without a known manager', async () => {
    await expect(reader.collect(testContext({ platform: 'freebsd' }), undefined)).rejects.toBeInstanceOf(
      UnsupportedError,
    );
  });
});
