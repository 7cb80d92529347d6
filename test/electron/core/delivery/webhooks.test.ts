// Webhooks over real HTTP on loopback: generic (signed), Slack, Discord and Teams payloads, English
// and Korean, and the secret kept out of everything the service reports.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryService } from '../../../../electron/core/delivery/service.js';
import { verifySignature } from '../../../../electron/core/delivery/sign.js';
import { DeliverySettings } from '../../../../shared/settings/delivery.js';
import { ManualScheduler, Receiver, firingEvent, signatureValid } from './helpers.js';

const SECRET = 'whsec-test-2b7e151628aed2a6abf7158809cf4f3c';

describe('webhook delivery', () => {
  const r = {
    generic: new Receiver(),
    slack: new Receiver(),
    discord: new Receiver(),
    teams: new Receiver(),
  };
  let dir: string;
  let secretFile: string;

  beforeAll(async () => {
    await Promise.all(Object.values(r).map((x) => x.start()));
    dir = await mkdtemp(join(tmpdir(), 'ais-delivery-'));
    secretFile = join(dir, 'hmac.secret');
    await writeFile(secretFile, `${SECRET}\n`, { mode: 0o600 });
  });
  afterAll(async () => {
    await Promise.all(Object.values(r).map((x) => x.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  function service(lang: 'en' | 'ko', scheduler = new ManualScheduler()) {
    const settings = DeliverySettings.parse({
      targets: [
        { kind: 'webhook', id: 'generic', url: r.generic.url, secret: `file:${secretFile}`, language: lang },
        { kind: 'slack', id: 'slack', url: 'env:SLACK_URL', language: lang },
        { kind: 'discord', id: 'discord', url: r.discord.url, language: lang },
        { kind: 'teams', id: 'teams', url: r.teams.url, language: lang },
      ],
    });
    return new DeliveryService({
      settings,
      env: { SLACK_URL: r.slack.url },
      host: 'web-1',
      scheduler,
      takeSnapshot: undefined,
    });
  }

  it('posts a signed generic payload every receiver can verify, and each chat format', async () => {
    const svc = service('en');
    svc.handle(firingEvent());
    await Promise.all(Object.values(r).map((x) => x.received(1)));
    await svc.idle();

    const g = r.generic.got[0]!;
    const sig = g.headers['x-autoinfrasnap-signature'] as string;
    expect(signatureValid(SECRET, sig, g.raw)).toBe(true);
    expect(signatureValid('another-secret', sig, g.raw)).toBe(false);
    // The exported verifier agrees, and refuses a replay five minutes and one second later.
    const t = Number(/t=(\d+)/.exec(sig)![1]) * 1000;
    expect(verifySignature(SECRET, sig, g.raw, t)).toBeNull();
    expect(verifySignature(SECRET, sig, `${g.raw} `, t)).toBe('mismatch');
    expect(verifySignature(SECRET, sig, g.raw, t + 301_000)).toBe('stale');
    expect(g.headers['x-autoinfrasnap-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.json).toMatchObject({
      version: 1,
      type: 'alert',
      host: 'web-1',
      lang: 'en',
      severity: 'critical',
      state: 'firing',
      text: 'CPU at 97% for 2 min',
      title: '[critical] web-1: CPU at 97% for 2 min',
      alert: { rule_id: 'cpu-high', subject: 'cpu', value: 97 },
    });

    const s = r.slack.got[0]!.json as { text: string; blocks: Array<{ type: string }> };
    expect(s.text).toBe('[critical] web-1: CPU at 97% for 2 min');
    expect(s.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(r.slack.got[0]!.headers['x-autoinfrasnap-signature']).toBeUndefined();

    const d = r.discord.got[0]!.json as {
      allowed_mentions: unknown;
      embeds: Array<{ title: string; color: number; fields: Array<{ name: string; value: string }> }>;
    };
    expect(d.allowed_mentions).toEqual({ parse: [] });
    expect(d.embeds[0]!.title).toBe('[critical] web-1: CPU at 97% for 2 min');
    expect(d.embeds[0]!.color).toBe(0xd13438);
    expect(d.embeds[0]!.fields).toContainEqual({ name: 'Host', value: 'web-1', inline: true });

    const tm = r.teams.got[0]!.json as {
      type: string;
      attachments: Array<{
        contentType: string;
        content: { type: string; version: string; body: unknown[] };
      }>;
    };
    expect(tm.type).toBe('message');
    expect(tm.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(tm.attachments[0]!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(JSON.stringify(tm.attachments[0]!.content.body)).toContain('CPU at 97% for 2 min');

    const st = svc.status();
    expect(st.map((x) => [x.id, x.sent, x.pending, x.last_error])).toEqual([
      ['generic', 1, 0, null],
      ['slack', 1, 0, null],
      ['discord', 1, 0, null],
      ['teams', 1, 0, null],
    ]);
    // What the dashboard sees: scheme and host only, never the path (Slack's token) or the secret.
    const shown = JSON.stringify(st);
    expect(shown).not.toContain('SECRETPATH');
    expect(shown).not.toContain(SECRET);
    expect(st.find((x) => x.id === 'slack')!.destination).toBe('env:SLACK_URL');
    await svc.stop();
  });

  it('speaks Korean when the target asks for it', async () => {
    const before = r.generic.got.length;
    const svc = service('ko');
    svc.handle(firingEvent({ severity: 'warning' }));
    await Promise.all(Object.values(r).map((x) => x.received(before + 1)));
    await svc.idle();
    const g = r.generic.got[before]!.json;
    expect(g).toMatchObject({ lang: 'ko', text: 'CPU 사용률 97%가 2분 동안 지속' });
    expect(String(g.title)).toMatch(/^\[경고\] web-1: /);
    const d = r.discord.got[before]!.json as { embeds: Array<{ fields: Array<{ name: string }> }> };
    expect(d.embeds[0]!.fields.map((f) => f.name)).toContain('호스트');
    await svc.stop();
  });

  it('follows the language setting when the target says auto', async () => {
    const before = r.discord.got.length;
    const svc = new DeliveryService({
      settings: DeliverySettings.parse({ targets: [{ kind: 'discord', id: 'd', url: r.discord.url }] }),
      language: 'ko',
      host: 'web-1',
      scheduler: new ManualScheduler(),
    });
    svc.handle(firingEvent());
    await r.discord.received(before + 1);
    await svc.idle();
    const d = r.discord.got[before]!.json as { embeds: Array<{ title: string }> };
    expect(d.embeds[0]!.title).toBe('[심각] web-1: CPU 사용률 97%가 2분 동안 지속');
    await svc.stop();
  });

  it('sends resolutions, skips repeats, quiet events and alerts below minSeverity', async () => {
    const before = r.generic.got.length;
    const settings = DeliverySettings.parse({
      targets: [
        { kind: 'webhook', id: 'crit-only', url: r.generic.url, minSeverity: 'critical', language: 'en' },
      ],
    });
    const svc = new DeliveryService({ settings, host: 'web-1', scheduler: new ManualScheduler() });
    svc.handle(firingEvent({ severity: 'warning' }));
    svc.handle({ ...firingEvent(), notify: false });
    svc.handle({ ...firingEvent(), previous: 'firing' });
    svc.handle({
      alert: { ...firingEvent().alert, state: 'resolved', value: 40 },
      previous: 'firing',
      notify: true,
    });
    await r.generic.received(before + 1);
    await svc.idle();
    expect(r.generic.got.length).toBe(before + 1);
    expect(r.generic.got[before]!.json).toMatchObject({
      state: 'resolved',
      title: '[resolved] web-1: CPU at 97% for 2 min',
    });
    await svc.stop();
  });

  it('refuses a secret file others can read, naming the fix, and sends nothing unsigned', async () => {
    const loose = join(dir, 'loose.secret');
    await writeFile(loose, SECRET);
    await chmod(loose, 0o644);
    const before = r.generic.got.length;
    const settings = DeliverySettings.parse({
      targets: [{ kind: 'webhook', id: 'loose', url: r.generic.url, secret: `file:${loose}` }],
    });
    const logs: string[] = [];
    const svc = new DeliveryService({ settings, scheduler: new ManualScheduler(), log: (l) => logs.push(l) });
    const [res] = await svc.test('loose');
    expect(res).toMatchObject({ id: 'loose', ok: false });
    expect(res!.error).toContain(`chmod 600 ${loose}`);
    const [ko] = await svc.test('loose', 'ko');
    expect(ko!.error).toContain(`다른 사용자가 ${loose}`);
    expect(r.generic.got.length).toBe(before);
    expect(JSON.stringify([res, svc.status(), logs])).not.toContain(SECRET);
    await svc.stop();
  });

  it('sends a test message to one target and names unknown ones', async () => {
    const before = r.teams.got.length;
    const svc = service('en');
    const res = await svc.test('teams');
    expect(res).toEqual([{ id: 'teams', ok: true, error: null }]);
    expect(r.teams.got.length).toBe(before + 1);
    expect(JSON.stringify(r.teams.got[before]!.json)).toContain('AutoInfraSnap test message from web-1');
    await expect(svc.test('nope')).rejects.toThrow(
      'no delivery target "nope" — known targets: generic, slack, discord, teams',
    );
    await svc.stop();
  });
});

describe('delivery settings', () => {
  it('accepts only http(s) URLs or references, and secrets only as references', () => {
    const bad = (target: Record<string, unknown>) =>
      DeliverySettings.safeParse({ targets: [target] }).success;
    expect(bad({ kind: 'slack', id: 's', url: 'https://hooks.slack.com/services/x' })).toBe(true);
    expect(bad({ kind: 'slack', id: 's', url: 'ftp://example.com/x' })).toBe(false);
    expect(bad({ kind: 'slack', id: 's', url: 'file:///etc/passwd' })).toBe(false);
    expect(bad({ kind: 'slack', id: 's', url: 'javascript:alert(1)' })).toBe(false);
    expect(bad({ kind: 'webhook', id: 'w', url: 'http://127.0.0.1/x', secret: 'env:HOOK_SECRET' })).toBe(
      true,
    );
    expect(bad({ kind: 'webhook', id: 'w', url: 'http://127.0.0.1/x', secret: 'hunter2' })).toBe(false);
    expect(
      bad({ kind: 'email', id: 'm', host: 'smtp.example.com', from: 'a@b.c', to: ['d@e.f'], password: 'pw' }),
    ).toBe(false);
    expect(
      DeliverySettings.safeParse({
        targets: [
          { kind: 'teams', id: 'x', url: 'https://a.example/x' },
          { kind: 'slack', id: 'x', url: 'https://b.example/x' },
        ],
      }).success,
    ).toBe(false);
  });
});
