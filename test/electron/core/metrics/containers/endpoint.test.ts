import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UNIX_SOCKET,
  planConnection,
  socketsToCheck,
  withoutUserinfo,
} from '../../../../../electron/core/metrics/containers/endpoint.js';

const none = new Set<string>();

describe('planConnection without DOCKER_HOST', () => {
  const env = { HOME: '/home/ann', XDG_RUNTIME_DIR: '/run/user/1000' };

  it('skips, naming the default socket, when no socket exists', () => {
    expect(planConnection(env, 'linux', none)).toEqual({
      connect: false,
      reason: 'no container engine at /var/run/docker.sock (set DOCKER_HOST)',
    });
  });

  it('checks the system socket, then Docker Desktop, rootless Docker and Podman sockets', () => {
    expect(socketsToCheck(env, 'linux')).toEqual([
      DEFAULT_UNIX_SOCKET,
      '/home/ann/.docker/run/docker.sock',
      '/run/user/1000/docker.sock',
      '/run/user/1000/podman/podman.sock',
      '/run/podman/podman.sock',
    ]);
    const present = new Set(['/run/user/1000/podman/podman.sock', '/run/podman/podman.sock']);
    expect(planConnection(env, 'darwin', present)).toEqual({
      connect: true,
      endpoint: {
        kind: 'socket',
        path: '/run/user/1000/podman/podman.sock',
        url: 'unix:///run/user/1000/podman/podman.sock',
      },
    });
  });

  it('uses the named pipe on Windows without checking the disk', () => {
    expect(socketsToCheck({}, 'win32')).toEqual([]);
    expect(planConnection({}, 'win32', none)).toEqual({
      connect: true,
      endpoint: { kind: 'socket', path: '//./pipe/docker_engine', url: 'npipe:////./pipe/docker_engine' },
    });
  });
});

describe('planConnection with DOCKER_HOST', () => {
  it('honours unix:// and says where it looked when the socket is missing', () => {
    const env = { DOCKER_HOST: 'unix:///tmp/e/docker.sock' };
    expect(socketsToCheck(env, 'linux')).toEqual(['/tmp/e/docker.sock']);
    expect(planConnection(env, 'linux', none)).toEqual({
      connect: false,
      reason: 'no container engine at /tmp/e/docker.sock (from DOCKER_HOST)',
    });
    expect(planConnection(env, 'linux', new Set(['/tmp/e/docker.sock']))).toMatchObject({
      connect: true,
      endpoint: { kind: 'socket', path: '/tmp/e/docker.sock', url: 'unix:///tmp/e/docker.sock' },
    });
  });

  it('honours npipe://', () => {
    expect(planConnection({ DOCKER_HOST: 'npipe:////./pipe/podman-machine-default' }, 'win32', none)).toEqual(
      {
        connect: true,
        endpoint: {
          kind: 'socket',
          path: '//./pipe/podman-machine-default',
          url: 'npipe:////./pipe/podman-machine-default',
        },
      },
    );
  });

  it('honours tcp:// with TLS by port or DOCKER_TLS_VERIFY, and strips credentials', () => {
    expect(planConnection({ DOCKER_HOST: 'tcp://user:s3cret@10.0.0.5:2375' }, 'linux', none)).toEqual({
      connect: true,
      endpoint: { kind: 'tcp', host: '10.0.0.5', port: 2375, protocol: 'http', url: 'tcp://10.0.0.5:2375' },
    });
    expect(planConnection({ DOCKER_HOST: 'tcp://docker.example:2376' }, 'linux', none)).toMatchObject({
      endpoint: { protocol: 'https', port: 2376 },
    });
    expect(
      planConnection({ DOCKER_HOST: 'tcp://[::1]:2375', DOCKER_TLS_VERIFY: '1' }, 'linux', none),
    ).toMatchObject({
      endpoint: { host: '::1', protocol: 'https', url: 'tcp://[::1]:2375' },
    });
    expect(planConnection({ DOCKER_HOST: 'localhost:2375' }, 'linux', none)).toMatchObject({
      endpoint: { kind: 'tcp', host: 'localhost', port: 2375 },
    });
  });

  it('honours ssh:// and keeps the user out of the url', () => {
    expect(planConnection({ DOCKER_HOST: 'ssh://deploy@build.example' }, 'linux', none)).toEqual({
      connect: true,
      endpoint: {
        kind: 'ssh',
        host: 'build.example',
        port: 22,
        username: 'deploy',
        url: 'ssh://build.example',
      },
    });
  });

  it('skips an address it cannot understand without echoing credentials', () => {
    const plan = planConnection({ DOCKER_HOST: 'ftp://u:pw@x' }, 'linux', none);
    expect(plan).toEqual({ connect: false, reason: 'DOCKER_HOST is not an engine address: ftp://x' });
  });
});

describe('withoutUserinfo', () => {
  it('removes user[:password]@ only', () => {
    expect(withoutUserinfo('tcp://a:b@h:1')).toBe('tcp://h:1');
    expect(withoutUserinfo('tcp://h:1/p@x')).toBe('tcp://h:1/p@x');
    expect(withoutUserinfo('unix:///var/run/docker.sock')).toBe('unix:///var/run/docker.sock');
  });
});
