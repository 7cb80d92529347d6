import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/ports/reader.js';
import { PortsSection } from '../../../../../shared/snapshot/metrics/ports.js';
import { testContext } from '../../../../helpers/context.js';

const FIXTURE = fileURLToPath(new URL('../../../../fixtures/ports/proc', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ais-ports-'));
const proc = join(tmp, 'proc');

/** The fd links the kernel would show; made here because a checkout may not keep symlinks. */
const FDS: Record<number, string[]> = {
  10: ['/dev/null', 'pipe:[5]', 'socket:[22222]', 'socket:[22223]'], // sshd, two SO_REUSEPORT sockets
  20: ['socket:[11111]', 'socket:[55555]', 'anon_inode:[eventpoll]'],
  30: ['socket:[66666]'],
  31: ['socket:[66666]'], // nginx worker holding the master's socket
  40: ['socket:[13131]'], // a kernel thread (PF_KTHREAD): never scanned
  50: ['socket:[88888]', 'socket:[77777]'],
  60: ['socket:[99999]', 'socket:[12121]'],
};

beforeAll(() => {
  cpSync(FIXTURE, proc, { recursive: true });
  for (const [pid, targets] of Object.entries(FDS)) {
    mkdirSync(join(proc, pid, 'fd'));
    targets.forEach((t, i) => symlinkSync(t, join(proc, pid, 'fd', String(i))));
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const row = (
  protocol: 'tcp' | 'udp',
  address: string,
  port: number,
  pid: number | null,
  process: string | null,
) => ({ protocol, family: address.includes(':') ? 'IPv6' : 'IPv4', address, port, pid, process });

describe('ports reader on a fixture /proc', () => {
  it('lists listening sockets with owners, deduped and sorted', async () => {
    const s = PortsSection.parse(
      await reader.collect(testContext({ platform: 'linux', procRoot: proc }), undefined),
    );
    expect(s.listening).toEqual([
      row('tcp', '0.0.0.0', 22, 10, 'sshd'),
      row('tcp', '192.168.0.11', 80, null, null), // no process holds 44444
      row('tcp', '::1', 631, 30, 'nginx'),
      row('tcp', 'fe80::20c:29ff:fe4b:a01', 7000, null, null),
      row('tcp', '127.0.0.1', 8080, 20, 'python3'),
      row('tcp', '::', 8081, 20, 'python3'),
      row('tcp', '::ffff:127.0.0.1', 9090, 50, 'systemd-resolve'),
      row('udp', '127.0.0.53', 53, 50, 'systemd-resolve'),
      row('udp', '0.0.0.0', 5353, 60, 'avahi-daemon'),
      row('udp', '::', 5353, 60, 'avahi-daemon'),
    ]);
    // Every fd directory could be read: the unowned sockets simply have no process here.
    expect(s.owners_visible).toBe(true);
  });

  it('says owners are hidden when a process it had to look into could not be read', async () => {
    const denied = join(tmp, 'proc-denied');
    cpSync(proc, denied, { recursive: true, verbatimSymlinks: true });
    mkdirSync(join(denied, '70'));
    writeFileSync(
      join(denied, '70', 'stat'),
      '70 (secretd) S 1 70 70 0 -1 4194560 0 0 0 0 1 1 0 0 20 0 1 0 1 1 1 0 0\n',
    );
    writeFileSync(join(denied, '70', 'fd'), ''); // readdir fails: stands for another user's process
    const s = await reader.collect(testContext({ platform: 'linux', procRoot: denied }), undefined);
    expect(s.owners_visible).toBe(false);
    expect(s.listening.find((p) => p.port === 22)?.pid).toBe(10);
  });

  it('still says owners are visible when every socket was attributed despite an unreadable process', async () => {
    const root = join(tmp, 'proc-all-found');
    cpSync(proc, root, { recursive: true, verbatimSymlinks: true });
    const tcp = readFileSync(join(root, 'net', 'tcp'), 'utf8').split('\n');
    writeFileSync(join(root, 'net', 'tcp'), `${tcp[0]}\n${tcp.find((l) => l.includes(' 22222 '))}\n`);
    for (const f of ['tcp6', 'udp', 'udp6']) writeFileSync(join(root, 'net', f), 'header\n');
    mkdirSync(join(root, '5'));
    writeFileSync(
      join(root, '5', 'stat'),
      '5 (secretd) S 1 5 5 0 -1 4194560 0 0 0 0 1 1 0 0 20 0 1 0 1 1 1 0 0\n',
    );
    writeFileSync(join(root, '5', 'fd'), ''); // scanned before sshd (pid 10), and unreadable
    const s = await reader.collect(testContext({ platform: 'linux', procRoot: root }), undefined);
    expect(s).toEqual({ listening: [row('tcp', '0.0.0.0', 22, 10, 'sshd')], owners_visible: true });
  });

  it('is empty when there is no /proc/net', async () => {
    const s = await reader.collect(
      testContext({ platform: 'linux', procRoot: join(tmp, 'none') }),
      undefined,
    );
    expect(s).toEqual({ listening: [], owners_visible: true });
  });
});
