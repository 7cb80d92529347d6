import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensureDir } from '../core/store/atomic.js';

/** File in the data folder where admin actions are recorded, one JSON object per line. */
export const AUDIT_FILE = 'audit.log';

/** One audit record. Never a key, a body or a cookie: who, from where, what, and how it ended. */
export interface AuditEntry {
  action: string;
  /** Key id (`env` for AUTOINFRASNAP_API_KEY), or null when no valid key was presented. */
  key: string | null;
  scope?: string;
  via?: string;
  addr: string;
  method?: string;
  path?: string;
  status: number;
  /** Action details without secrets (e.g. the id, name and scope of a key created). */
  detail?: Record<string, string | number | boolean | null>;
}

/** Where audit records go: a JSON-lines file, or anything else that takes a line (tests). */
export interface AuditSink {
  write(entry: AuditEntry): void;
  close(): Promise<void>;
}

/**
 * The audit log: JSON lines appended to `path` (mode 0600, also fixed on an existing file), written in
 * order without blocking requests; at `maxBytes` the file moves to `<path>.1` and a new one starts.
 */
export class AuditLog implements AuditSink {
  private handle: Promise<FileHandle> | null = null;
  private size = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly opts: { maxBytes?: number; now?: () => number; onError?: (e: Error) => void } = {},
  ) {}

  /** Queues one record; a failing disk is reported through `onError`, never thrown at a request. */
  write(entry: AuditEntry): void {
    const line = `${JSON.stringify({ t: (this.opts.now ?? Date.now)(), ...entry })}\n`;
    const run = async (): Promise<void> => {
      const fh = await this.file();
      if (this.size + line.length > (this.opts.maxBytes ?? 10 * 1024 * 1024) && this.size > 0) {
        await fh.close();
        this.handle = null;
        await rename(this.path, `${this.path}.1`);
        return run();
      }
      await fh.appendFile(line);
      this.size += Buffer.byteLength(line);
    };
    this.tail = this.tail.then(run).catch((e: unknown) => this.opts.onError?.(e as Error));
  }

  /** Waits for queued records and closes the file. */
  async close(): Promise<void> {
    await this.tail;
    const h = this.handle;
    this.handle = null;
    if (h) await (await h).close();
  }

  private file(): Promise<FileHandle> {
    this.handle ??= (async () => {
      await ensureDir(dirname(this.path));
      const fh = await open(this.path, 'a', 0o600);
      if (process.platform !== 'win32') await fh.chmod(0o600);
      this.size = (await fh.stat()).size;
      return fh;
    })().catch((e: unknown) => {
      this.handle = null;
      throw e;
    });
    return this.handle;
  }
}
