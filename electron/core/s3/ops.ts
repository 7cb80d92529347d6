import { posix, win32 } from 'node:path';
import { createTranslator } from '../../../shared/i18n/index.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { AlertEvent } from '../../../shared/contract/alerts.js';
import { BackupScheduler } from '../backup/scheduler.js';
import { userDataDir } from '../paths.js';
import { defaultStoreDir } from '../store/paths.js';
import { SnapshotStore } from '../store/store.js';
import { UploadQueue, type UploadJob } from '../uploads/queue.js';
import type { S3Remote } from './client.js';
import { testConnection, type ConnectionResult } from './connection.js';
import { FileCredentialStore, type CredentialStore, type S3Keys } from './credentials.js';
import { parseExpires } from './duration.js';
import {
  backupKey,
  credentialStoreFor,
  defaultQueueDir,
  hostEnvOf,
  openRemote,
  storeUploader,
  type HostEnv,
} from './session.js';

/** What S3Ops needs of its host (the server's backend or the tray app). */
export interface S3OpsParts {
  settings: () => Settings;
  store: () => SnapshotStore;
  /** Takes a snapshot with the effective settings, keeps it, returns its id. */
  take: () => Promise<string>;
  /** The app's keychain (safeStorage) or, headless, a 0600 file; `s3.credentialsFile` wins over both. */
  credentials: CredentialStore;
  /** Which of the two `credentials` is, for the status the UI shows. */
  credentialsKind: 'keychain' | 'file';
  host: HostEnv;
  queueDir?: string;
  /** One line per failed background upload (never with secrets). */
  log?: (line: string) => void;
  /** How long an alert burst may last before its one backup (default 30 s). */
  alertDebounceMs?: number;
}

/** A share's answer, as the contract carries it. */
export interface ShareResponse {
  url: string;
  expires_at: number;
  report_key: string;
  sha256: string;
}

/**
 * The S3 features behind the contract: share, test connection, pending uploads, typed-in keys, and the
 * backup scheduler (every N hours and on alert firings). The AWS SDK is loaded on first use only.
 */
export class S3Ops {
  private scheduler: BackupScheduler | undefined;
  private backupRemote: Promise<S3Remote> | undefined;
  private readonly queue: UploadQueue;
  private running = false;

  constructor(private readonly parts: S3OpsParts) {
    this.queue = new UploadQueue(parts.queueDir ?? defaultQueueDir(parts.host));
  }

  private creds(): CredentialStore {
    return credentialStoreFor(this.parts.settings(), this.parts.credentials);
  }

  /** Uploads a stored snapshot's report and JSON and returns a presigned link to the report. */
  async share(
    ref: string,
    expires: string | undefined,
    lang: 'en' | 'ko' | undefined,
  ): Promise<ShareResponse> {
    const settings = this.parts.settings();
    const expiresIn = expires ? parseExpires(expires) : Math.round(settings.s3.shareExpiresHours * 3600);
    const remote = await openRemote(settings, this.creds());
    try {
      const snapshot = await this.parts.store().get(ref);
      const { shareSnapshot } = await import('./share.js');
      const t = createTranslator(lang ?? (settings.language === 'ko' ? 'ko' : 'en'));
      const r = await shareSnapshot(remote, snapshot, { expiresIn, t });
      return { url: r.url, expires_at: r.expiresAt, report_key: r.reportKey, sha256: r.sha256 };
    } finally {
      await remote.close();
    }
  }

  /** "Test connection": exactly what is wrong, or ok. */
  test(): Promise<ConnectionResult> {
    return testConnection(this.parts.settings(), this.creds());
  }

  /** The uploads still waiting (failed ones with their error and next try). */
  async uploads(): Promise<{ configured: boolean; pending: UploadJob[] }> {
    return { configured: this.parts.settings().s3.bucket !== null, pending: await this.queue.pending() };
  }

  /** Where the keys come from; never the secret. */
  async credentialsStatus(): Promise<{
    source: 'keychain' | 'file' | 'chain';
    stored: boolean;
    weak: boolean;
    access_key_id: string | null;
  }> {
    const settings = this.parts.settings();
    const store = this.creds();
    const keys = await store.get().catch(() => null);
    const source = settings.s3.credentialsFile ? 'file' : keys ? this.parts.credentialsKind : 'chain';
    return {
      source,
      stored: keys !== null,
      weak: keys !== null && (await store.weak()),
      access_key_id: keys?.accessKeyId ?? null,
    };
  }

  /** Stores typed-in keys (or clears them with null) in the app's keychain or the private file. */
  async setCredentials(keys: S3Keys | null): Promise<Awaited<ReturnType<S3Ops['credentialsStatus']>>> {
    if (keys) await this.parts.credentials.set(keys);
    else await this.parts.credentials.clear();
    return this.credentialsStatus();
  }

  /** An alert event: a firing starts a backup when backup.onAlert is on. */
  alertEvent(e: AlertEvent): void {
    if (e.alert.state === 'firing' && e.previous !== 'firing') this.scheduler?.alertFired();
  }

  /** Starts automatic backups when S3 and a schedule or onAlert are configured. */
  start(): void {
    this.running = true;
    const s = this.parts.settings();
    if (!s.s3.bucket || (s.backup.everyHours <= 0 && !s.backup.onAlert)) return;
    this.scheduler = new BackupScheduler({
      everyHours: s.backup.everyHours,
      onAlert: s.backup.onAlert,
      take: this.parts.take,
      queue: this.queue,
      uploader: async () => {
        const settings = this.parts.settings();
        // One client while the scheduler runs (its sockets are reused), closed on stop.
        this.backupRemote ??= openRemote(settings, this.creds());
        const remote = await this.backupRemote.catch((err: unknown) => {
          this.backupRemote = undefined;
          throw err;
        });
        return storeUploader(this.parts.store(), remote, await backupKey(settings, this.parts.host));
      },
      ...(this.parts.log ? { onError: this.parts.log } : {}),
      ...(this.parts.alertDebounceMs !== undefined ? { alertDebounceMs: this.parts.alertDebounceMs } : {}),
    });
    this.scheduler.start();
  }

  /** Stops automatic backups (waits for an upload in flight). */
  async stop(): Promise<void> {
    this.running = false;
    const s = this.scheduler;
    this.scheduler = undefined;
    await s?.stop();
    const remote = this.backupRemote;
    this.backupRemote = undefined;
    await (await remote?.catch(() => undefined))?.close();
  }

  /** Settings changed: restart the scheduler with the new ones. */
  async reconfigure(): Promise<void> {
    if (!this.running) return;
    await this.stop();
    this.start();
  }
}

/**
 * S3Ops for a headless process (the server): typed-in keys go to a 0600 file in the app's data folder,
 * since there is no keychain without Electron. `take` is the host's snapshot taker.
 */
export function headlessS3Ops(
  settings: () => Settings,
  take: () => Promise<string>,
  log?: (line: string) => void,
): S3Ops {
  const host = hostEnvOf(process.env);
  const p = host.platform === 'win32' ? win32 : posix;
  return new S3Ops({
    settings,
    take,
    store: () => {
      const s = settings().store;
      return new SnapshotStore(s.dir ?? defaultStoreDir(host.env, host.platform, host.home), {
        retention: { maxCount: s.maxCount, maxAgeDays: s.maxAgeDays },
      });
    },
    credentials: new FileCredentialStore(
      p.join(userDataDir(host.env, host.platform, host.home), 's3-credentials.json'),
      true,
    ),
    credentialsKind: 'file',
    host,
    ...(log ? { log } : {}),
  });
}
