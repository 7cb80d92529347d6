// Email over a real SMTP server (smtp-server) on loopback with STARTTLS and AUTH. The certificate comes
// from a throwaway CA made here; nodemailer is given that CA and verifies as usual — nothing in this
// file turns verification off.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryService } from '../../../../electron/core/delivery/service.js';
import { DeliverySettings } from '../../../../shared/settings/delivery.js';
import { sampleSnapshot } from '../../../helpers/snapshot.js';
import { ManualScheduler, Smtp, firingEvent, makeCertificates } from './helpers.js';

const PASS = 'smtp-pass-9f86d081884c7d65';

describe('email delivery', () => {
  let dir: string;
  let caFile: string;
  let smtp: Smtp;
  let plain: Smtp;
  let certs: Awaited<ReturnType<typeof makeCertificates>>;

  beforeAll(async () => {
    certs = await makeCertificates();
    dir = await mkdtemp(join(tmpdir(), 'ais-mail-'));
    caFile = join(dir, 'ca.pem');
    await writeFile(caFile, certs.caPem);
    smtp = await new Smtp(certs, { user: 'alerts', pass: PASS }).start();
    plain = await new Smtp(certs, { user: 'alerts', pass: PASS, noStartTls: true }).start();
  });
  afterAll(async () => {
    await Promise.all([smtp?.stop(), plain?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  function target(id: string, over: Record<string, unknown> = {}) {
    return {
      kind: 'email',
      id,
      host: '127.0.0.1',
      port: smtp.port,
      user: 'alerts',
      password: 'env:SMTP_PASSWORD',
      caFile,
      from: 'autoinfrasnap@web-1.example',
      to: ['ops@example.com'],
      ...over,
    };
  }

  function service(targets: unknown[]) {
    const snapshot = sampleSnapshot();
    const proc = {
      pid: 4242,
      ppid: 1,
      user: 'app',
      name: 'stress',
      command: 'stress --cpu 8 --password=[REDACTED]',
      state: 'running',
      cpu_percent: 195,
      memory_percent: 2,
      rss_bytes: 50e6,
      threads: 8,
      started_at: null,
    };
    snapshot.processes = { ...snapshot.processes!, top_cpu: [proc], top_memory: [proc] };
    return new DeliveryService({
      settings: DeliverySettings.parse({ targets }),
      env: { SMTP_PASSWORD: PASS },
      host: 'web-1',
      scheduler: new ManualScheduler(),
      takeSnapshot: async () => snapshot,
    });
  }

  it('sends over STARTTLS with AUTH, in English and Korean, with what was running', async () => {
    const svc = service([target('mail-en', { language: 'en' }), target('mail-ko', { language: 'ko' })]);
    svc.handle(firingEvent());
    await smtp.received(2);
    await svc.idle();
    const en = smtp.mails.find((m) => m.subject.startsWith('[critical]'))!;
    const ko = smtp.mails.find((m) => m.subject.startsWith('[심각]'))!;
    for (const m of [en, ko]) {
      expect(m.secure).toBe(true);
      expect(m.user).toBe('alerts');
      expect(m.to).toEqual(['ops@example.com']);
      expect(m.text).toContain('stress --cpu 8 --password=[REDACTED]');
      expect(m.text).not.toContain(PASS);
    }
    expect(en.subject).toBe('[critical] web-1: CPU at 97% for 2 min');
    expect(en.text).toContain('What was running:');
    expect(en.text).toContain('Top processes by CPU:');
    expect(ko.subject).toBe('[심각] web-1: CPU 사용률 97%가 2분 동안 지속');
    expect(ko.text).toContain('호스트');
    expect(ko.text).toContain('CPU 사용량 상위 프로세스:');
    expect(svc.status().map((s) => [s.id, s.sent, s.destination])).toEqual([
      ['mail-en', 1, `smtp://127.0.0.1:${smtp.port}`],
      ['mail-ko', 1, `smtp://127.0.0.1:${smtp.port}`],
    ]);
    await svc.stop();
  });

  it('refuses a server that does not offer STARTTLS, and does not retry', async () => {
    const svc = service([target('no-tls', { port: plain.port })]);
    const [res] = await svc.test();
    expect(res!.ok).toBe(false);
    expect(res!.error).toContain('ETLS');
    expect(plain.mails).toHaveLength(0);
    svc.handle(firingEvent());
    await svc.idle();
    expect(svc.status()[0]).toMatchObject({ pending: 0, failed: 1 });
    await svc.stop();
  });

  it('refuses a certificate from a CA it was not given', async () => {
    const svc = service([target('no-ca', { caFile: undefined })]);
    const [res] = await svc.test();
    expect(res!.ok).toBe(false);
    expect(res!.error).toMatch(/certificate|CERT/i);
    await svc.stop();
  });

  it('reports a wrong password without echoing any secret', async () => {
    const before = smtp.mails.length;
    const svc = new DeliveryService({
      settings: DeliverySettings.parse({ targets: [target('bad-pass')] }),
      env: { SMTP_PASSWORD: 'wrong-password-value' },
      scheduler: new ManualScheduler(),
    });
    const [res] = await svc.test();
    expect(res!.ok).toBe(false);
    expect(res!.error).toContain('EAUTH');
    expect(JSON.stringify([res, svc.status()])).not.toContain('wrong-password-value');
    expect(smtp.mails.length).toBe(before);
    await svc.stop();
  });
});
