import { describe, expect, it } from 'vitest';
import { describeReason, englishReason } from '../../../shared/check/errors.js';
import { evaluateRule, runCheck } from '../../../shared/check/evaluate.js';
import { parseRule } from '../../../shared/check/parse.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';
import { webServer } from './fixtures.js';

function check(rule: string, s: Snapshot = webServer()) {
  const o = evaluateRule(s, parseRule(rule));
  return { passed: o.passed, actual: o.actual, reason: o.reason ? englishReason(o.reason) : null };
}

describe('comparisons', () => {
  it.each([
    ['memory.used_percent < 90', true, 25],
    ['memory.used_percent < 25', false, 25],
    ['memory.used_percent <= 25', true, 25],
    ['memory.used_percent > 25', false, 25],
    ['memory.used_percent >= 25%', true, 25],
    ['memory.used_bytes < 4GiB', true, 2 * 2 ** 30],
    ['cpu.load_1 < 4', true, 0.21],
    ['disks["/"].used_percent < 85', true, 40],
    ['disks[0].mountpoint == "/"', true, '/'],
    ['network["eth0"].rx_errors == 0', false, 3],
    ['network["lo"].rx_errors == 0', true, 0],
    ['network.interfaces["eth0"].addresses["10.0.0.5"].cidr == "10.0.0.5/24"', true, '10.0.0.5/24'],
    ['containers["web"].state == "running"', true, 'running'],
    ['containers["worker"].state != "exited"', false, 'exited'],
    ['services["nginx"].state == "running"', true, 'running'],
    ['services["nginx.service"].state == "running"', true, 'running'],
    ['services.units["mysql.service"].state != "failed"', false, 'failed'],
    ['ports["443/tcp"].process == "nginx"', true, 'nginx'],
    ['ports["53/udp"].address == "127.0.0.53"', true, '127.0.0.53'],
    ['ports["5432"].address == "127.0.0.1"', true, '127.0.0.1'],
    ['processes["postgres"].rss_bytes < 1GiB', true, 50 * 2 ** 20],
    ['processes["my-very-long-daemon"].pid == 1500', true, 1500],
    ['processes.zombies.length == 0', true, 0],
    ['network.dns_servers.length > 0', true, 1],
    ['host.fqdn != null', true, 'web-1.example.org'],
    ['swap.total_bytes == 0', true, 0],
    ['errors.length == 0', true, 0],
    ['host.virtualization == "kvm"', true, 'kvm'],
  ])('%s', (rule, passed, actual) => {
    expect(check(rule)).toMatchObject({ passed, actual });
  });

  it('says why a failed comparison failed, with the value it found', () => {
    expect(check('memory.used_percent < 20').reason).toBe('25 is not < 20');
    expect(check('network["eth0"].rx_errors == 0').reason).toBe('is 3, expected 0');
    expect(check('containers["worker"].state != "exited"').reason).toBe(
      'is "exited", expected anything else',
    );
    expect(check('containers["worker"].state == "running"').reason).toBe('is "exited", expected "running"');
  });
});

describe('paths that lead nowhere fail with a reason instead of throwing', () => {
  const partial = sampleSnapshot({
    sections: ['host', 'memory', 'sensors'],
    cpu: undefined,
    disks: undefined,
    errors: [{ section: 'sensors', code: 'timeout', message: 'no answer within 2000 ms' }],
  });

  it.each([
    ['cpu.load_1 < 4', partial, 'the cpu section was not collected in this snapshot'],
    ['sensors.fans.length == 0', partial, 'the sensors section could not be read: no answer within 2000 ms'],
    ['port 443', partial, 'the ports section was not collected in this snapshot'],
    ['!port 23', partial, 'the ports section was not collected in this snapshot'],
    ['memroy.used_percent < 90', webServer(), 'the snapshot has no field "memroy"; did you mean "memory"?'],
    [
      'memory.used_precent < 90',
      webServer(),
      'no field "used_precent" in memory; did you mean "used_percent"?',
    ],
    ['memory.zzz < 90', webServer(), 'no field "zzz" in memory'],
    ['disks["/data"].used_percent < 90', webServer(), 'no item "/data" in disks (has: "/")'],
    ['containers["db"].state == "running"', webServer(), 'no item "db" in containers (has: "web", "worker")'],
    ['disks.io["sda"].busy_percent < 90', webServer(), 'no item "sda" in disks.io: the list is empty'],
    ['cpu.per_core_percent[7] < 90', webServer(), 'cpu.per_core_percent has 2 items: there is no [7]'],
    ['memory["x"].y < 1', webServer(), 'memory is not a list: ["x"] selects nothing'],
    [
      'disks.filesystems.used_percent < 1',
      webServer(),
      'disks.filesystems is a list: pick an item with ["key"] or [0] before .used_percent',
    ],
    ['memory.used_percent.x < 1', webServer(), 'no field "x" in memory.used_percent'],
    ['cpu.times < 1', webServer(), 'cpu.times is a group of fields, not one value'],
    [
      'disks.filesystems == 1',
      webServer(),
      'disks.filesystems is a list, not one value (try disks.filesystems.length)',
    ],
    ['host.hostname > 3', webServer(), 'host.hostname is "web-1", not a number'],
  ])('%s', (rule, s, reason) => {
    expect(check(rule, s)).toMatchObject({ passed: false, reason });
  });

  it('fails a rate measured over no window (null) and containers when no engine answers', () => {
    const s = webServer({
      cpu: { ...sampleSnapshot().cpu!, usage_percent: null },
      containers: {
        available: false,
        reason: 'no engine at /var/run/docker.sock',
        engine: null,
        total: 0,
        running: 0,
        items: [],
      },
    });
    expect(check('cpu.usage_percent < 90', s).reason).toBe(
      'cpu.usage_percent has no value (null) in this snapshot',
    );
    expect(check('containers["web"].state == "running"', s).reason).toBe(
      'containers not available: no engine at /var/run/docker.sock',
    );
    expect(check('container web', s).reason).toBe(
      'containers not available: no engine at /var/run/docker.sock',
    );
    expect(check('!container web', s).passed).toBe(false);
    expect(check('containers.available == false', s).passed).toBe(true);
  });
});

describe('presence rules', () => {
  it.each([
    ['port 443', true, '0.0.0.0 (nginx)', null],
    ['port 22', true, '0.0.0.0, :: (sshd)', null],
    ['port 53/udp', true, '127.0.0.53 (systemd-resolve)', null],
    ['port 53', false, null, 'nothing listens on 53/tcp'],
    ['port 8080', false, null, 'nothing listens on 8080/tcp'],
    ['!port 23', true, null, null],
    ['!port 80', false, '0.0.0.0 (nginx)', '80/tcp is listening on 0.0.0.0 (nginx)'],
    ['container web', true, 'running', null],
    ['container worker', false, 'exited', 'container worker is exited'],
    ['container db', false, null, 'no container named db'],
    ['!container worker', true, 'exited', null],
    ['!container web', false, 'running', 'container web is running'],
    ['service nginx', true, 'running', null],
    ['service nginx.service', true, 'running', null],
    ['service mysql', false, 'failed', 'service mysql.service is failed'],
    ['service apache2', false, null, 'no service named apache2'],
    ['!service ssh', false, 'running', 'service ssh.service is running'],
    ['process postgres', true, 'postgres (900)', null],
    ['process my-very-long-daemon', true, 'my-very-long-da (1500)', null],
    ['process systemd-resolve', true, 'systemd-resolve (600)', null], // a port owner off the top lists
    [
      'process mongod',
      false,
      null,
      'no process named mongod among the top 15 by CPU and memory or the port owners',
    ],
    ['!process telnetd', true, null, null],
    ['!process java', false, 'java (1200)', 'process java is running (pid 1200)'],
  ])('%s', (rule, passed, actual, reason) => {
    expect(check(rule)).toEqual({ passed, actual, reason });
  });

  it('says when a process cannot be looked for', () => {
    const s = webServer({ processes: undefined, ports: undefined, sections: ['host'] });
    expect(check('process postgres', s).reason).toBe(
      'the processes section was not collected in this snapshot',
    );
    expect(check('!process postgres', s).passed).toBe(false);
  });
});

describe('runCheck', () => {
  const rules = ['memory.used_percent < 90', 'port 443', 'port 8080', 'container worker'].map((text) => ({
    rule: parseRule(text),
    source: 'flag' as const,
  }));

  it('keeps the rules in order and counts verdicts', () => {
    const r = runCheck(webServer(), rules);
    expect(r.rules.map((x) => [x.rule, x.passed])).toEqual([
      ['memory.used_percent < 90', true],
      ['port 443', true],
      ['port 8080', false],
      ['container worker', false],
    ]);
    expect(r).toMatchObject({ passed: 2, failed: 2, strict: false, baseline: null });
    expect(r.snapshot).toEqual({
      id: webServer().id,
      taken_at: '2026-11-26T12:00:00.000Z',
      hostname: 'web-1',
      redactions: webServer().redactions,
    });
  });

  it('in strict mode fails every listening port no rule names, except UDP client ports', () => {
    const r = runCheck(webServer(), rules, { strict: true });
    const extra = r.rules.slice(rules.length);
    expect(extra.map((x) => x.rule)).toEqual(['!port 22', '!port 53/udp', '!port 80', '!port 5432']);
    expect(extra.every((x) => !x.passed && x.source === 'baseline')).toBe(true);
    expect(englishReason(extra[3]!.reason!)).toBe(
      '5432/tcp is listening on 127.0.0.1 (postgres), but no rule or baseline expects it',
    );
    expect(r.failed).toBe(6);
  });

  it('words reasons in Korean, with section names translated', () => {
    const ko = createTranslator('ko');
    const o = evaluateRule(sampleSnapshot(), parseRule('port 443'));
    expect(describeReason(o.reason!, ko)).toBe('이 스냅샷에서 포트 섹션을 수집하지 않았습니다');
  });
});
