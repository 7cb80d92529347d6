import { describe, expect, it } from 'vitest';
import { fqdnOf, pickFqdn } from '../../../../../electron/core/metrics/host/fqdn.js';

describe('fqdnOf', () => {
  it('keeps a hostname that is already qualified', async () => {
    expect(await fqdnOf('web01.example.com', null)).toBe('web01.example.com');
  });

  it('answers from /etc/hosts without asking the resolver', async () => {
    // No resolver knows this name, so only the hosts text can produce this answer.
    const hosts = '127.0.0.1 localhost\n10.1.2.3 zz-no-dns-1.corp.example zz-no-dns-1\n';
    expect(await fqdnOf('zz-no-dns-1', hosts)).toBe('zz-no-dns-1.corp.example');
  });

  it('does not take "localhost" from a misconfigured hosts line as the domain name', async () => {
    expect(await fqdnOf('zz-no-dns-2', '127.0.0.1 localhost zz-no-dns-2\n')).toBe('zz-no-dns-2');
  });

  it('gives the plain name when it resolves but no domain is configured', async () => {
    expect(await fqdnOf('localhost', null, 5000)).toBe('localhost');
  });

  it('gives null, within the bound, for a name nothing resolves', async () => {
    // Single-label and absent from the hosts text: the resolver fails or times out, both give null.
    expect(await fqdnOf('zz-no-such-host-for-ais', '', 2000)).toBeNull();
  });
});

describe('pickFqdn', () => {
  it('prefers a name extending the hostname, then any dotted name, never an address or localhost', () => {
    expect(pickFqdn('web01', ['localhost', 'lb.example.net', 'web01.corp.example'])).toBe(
      'web01.corp.example',
    );
    expect(pickFqdn('web01', ['10.0.0.5', 'lb.example.net'])).toBe('lb.example.net');
    expect(pickFqdn('web01', ['10.0.0.5', 'fe80::1', 'localhost.localdomain', null])).toBe('web01');
  });
});
