// Pure parts of the fleet view: the tray's worst status, host validation and the settings fragment.
import { describe, expect, it } from 'vitest';
import type { FleetHostState } from '../../../shared/contract/fleet.js';
import { worstStatus, type LocalStatus } from '../../../shared/fleet/status.js';
import {
  caProblem,
  hostNameProblem,
  hostUrlProblem,
  normalizeHostUrl,
} from '../../../shared/fleet/validate.js';
import { Settings } from '../../../shared/settings/schema.js';

function remote(name: string, state: FleetHostState['state'], firing = 0): FleetHostState {
  return {
    name,
    url: `https://${name}:8780`,
    state,
    since: 0,
    problem: state === 'unreachable' ? { code: 'network', message: 'refused' } : null,
    hostname: name,
    now: null,
    spark: { cpu: [], memory: [], disk: [] },
    firing,
    alerts: [],
    tls: true,
    has_key: true,
    ca: 'file',
  };
}

const local = (status: LocalStatus['status'], firing = 0): LocalStatus => ({
  status,
  firing,
  host: 'laptop',
});

describe('worstStatus', () => {
  it('is this machine when nothing is worse, and counts firing alerts everywhere', () => {
    expect(worstStatus(local('ok', 1), [remote('a', 'ok', 2), remote('b', 'connecting')])).toEqual({
      level: 'ok',
      state: 'ok',
      host: 'laptop',
      remote: false,
      firing: 3,
      unreachable: [],
    });
  });

  it('names the remote host that is worst: critical beats unreachable beats warning', () => {
    const hosts = [remote('a', 'warning'), remote('b', 'unreachable'), remote('c', 'critical')];
    expect(worstStatus(local('warning'), hosts)).toMatchObject({
      level: 'critical',
      host: 'c',
      remote: true,
    });
    expect(worstStatus(local('warning'), hosts.slice(0, 2))).toMatchObject({
      level: 'warning',
      state: 'unreachable',
      host: 'b',
      unreachable: ['b'],
    });
    expect(worstStatus(local('ok'), hosts.slice(0, 1))).toMatchObject({ level: 'warning', host: 'a' });
  });

  it('lets this machine win ties, and stays paused only when nothing else is worse', () => {
    expect(worstStatus(local('critical'), [remote('a', 'critical')])).toMatchObject({
      host: 'laptop',
      remote: false,
    });
    expect(worstStatus(local('paused'), [remote('a', 'ok')])).toMatchObject({
      level: 'paused',
      host: 'laptop',
    });
    expect(worstStatus(local('paused'), [remote('a', 'unreachable')])).toMatchObject({
      level: 'warning',
      host: 'a',
    });
    expect(worstStatus(local('paused'), [])).toMatchObject({ level: 'paused' });
  });
});

describe('host validation', () => {
  it('accepts http(s) URLs and refuses other schemes, credentials, queries and garbage', () => {
    expect(hostUrlProblem('https://db-1.example:8780')).toBeNull();
    expect(hostUrlProblem('http://127.0.0.1:8780/prefix')).toBeNull();
    expect(hostUrlProblem('ftp://x')).toBe('url_scheme');
    expect(hostUrlProblem('https://me:secret@x')).toBe('url_credentials');
    expect(hostUrlProblem('https://x/?key=1')).toBe('url');
    expect(hostUrlProblem('not a url')).toBe('url');
    expect(normalizeHostUrl('https://x:1//')).toBe('https://x:1');
  });

  it('checks names and CA values', () => {
    expect(hostNameProblem('db-1.prod')).toBeNull();
    expect(hostNameProblem('')).toBe('name');
    expect(hostNameProblem('has space')).toBe('name');
    expect(caProblem('/etc/ssl/ca.pem')).toBeNull();
    expect(caProblem('C:\\certs\\ca.pem')).toBeNull();
    expect(caProblem('ca.pem')).toBe('ca');
    expect(caProblem('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBeNull();
    expect(caProblem('-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----')).toBe('ca');
  });
});

describe('fleet settings', () => {
  it('defaults to no hosts and has no place for a key', () => {
    expect(Settings.parse({}).fleet).toEqual({ hosts: [] });
    const r = Settings.safeParse({ fleet: { hosts: [{ name: 'a', url: 'https://a:1', key: 'secret' }] } });
    expect(r.success).toBe(false);
  });

  it('fills defaults and refuses duplicate names and bad URLs, naming the field', () => {
    expect(Settings.parse({ fleet: { hosts: [{ name: 'a', url: 'https://a:1' }] } }).fleet.hosts).toEqual([
      { name: 'a', url: 'https://a:1', ca: null, keyFile: null },
    ]);
    const dup = Settings.safeParse({
      fleet: {
        hosts: [
          { name: 'a', url: 'https://a:1' },
          { name: 'a', url: 'https://b:1' },
        ],
      },
    });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.path).toEqual(['fleet', 'hosts', 1, 'name']);
    const bad = Settings.safeParse({ fleet: { hosts: [{ name: 'a', url: 'https://u:p@a:1' }] } });
    expect(bad.error?.issues[0]?.path).toEqual(['fleet', 'hosts', 0, 'url']);
  });
});
