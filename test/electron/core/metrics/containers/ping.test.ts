// The Podman headers were recorded from Podman 4.3's /_ping on this machine; the Docker ones are
// constructed from what dockerd's version middleware sets on every response (Server, Api-Version).
import { describe, expect, it } from 'vitest';
import { planConnection } from '../../../../../electron/core/metrics/containers/endpoint.js';
import { engineFromPing, ping } from '../../../../../electron/core/metrics/containers/ping.js';

describe('engineFromPing', () => {
  it('names Podman from Libpod-Api-Version', () => {
    const headers = {
      'api-version': '1.41',
      'libpod-api-version': '4.3.1',
      server: 'Libpod/4.3.1 (linux)',
      'docker-experimental': 'true',
    };
    expect(engineFromPing(headers, 'unix:///run/podman/podman.sock')).toEqual({
      name: 'Podman Engine',
      version: '4.3.1',
      api_version: '1.41',
      endpoint: 'unix:///run/podman/podman.sock',
    });
  });

  it('names Docker from its Server header', () => {
    const headers = { 'api-version': '1.47', server: 'Docker/27.3.1 (linux)', ostype: 'linux' };
    expect(engineFromPing(headers, 'tcp://h:2375')).toEqual({
      name: 'Docker Engine',
      version: '27.3.1',
      api_version: '1.47',
      endpoint: 'tcp://h:2375',
    });
  });

  it('is null when the headers do not say (then /version is asked)', () => {
    expect(engineFromPing({ server: 'nginx/1.27.0' }, 'tcp://h:2375')).toBeNull();
    expect(engineFromPing({}, 'tcp://h:2375')).toBeNull();
  });
});

const host = process.env.DOCKER_HOST;

describe.skipIf(!host)('ping against the real engine (skipped: DOCKER_HOST is not set)', () => {
  it('answers with headers that name the engine', async () => {
    const plan = planConnection(
      process.env,
      process.platform,
      new Set([host?.replace(/^unix:\/\//, '') ?? '']),
    );
    if (!plan.connect) throw new Error(plan.reason);
    const headers = await ping(plan.endpoint, process.env, new AbortController().signal);
    expect(engineFromPing(headers ?? {}, plan.endpoint.url)?.name).toMatch(/podman|docker/i);
  });
});
