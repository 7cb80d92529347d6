import { homedir } from 'node:os';
import type { CommandResponse } from '../../shared/contract/api.js';
import { diffSnapshots } from '../../shared/diff/index.js';
import { createTranslator, resolveLang, type Lang } from '../../shared/i18n/index.js';
import { RedactionConfigError, createRedactor } from '../../shared/redact/index.js';
import { renderSnapshot, type SnapshotFormat } from '../../shared/report/index.js';
import type { Snapshot } from '../../shared/snapshot/schema.js';
import { SECTION_NAMES } from '../../shared/snapshot/sections.js';
import type { LoadedConfig } from '../core/config/load.js';
import { UserError } from '../core/errors.js';
import { takeSnapshot } from '../core/snapshot/build.js';
import type { StoreEntry } from '../core/store/index-file.js';
import { defaultStoreDir } from '../core/store/paths.js';
import { SnapshotStore } from '../core/store/store.js';
import { VERSION } from '../core/version.js';

type Entry = CommandResponse<'snapshot:take'>;
type Export = CommandResponse<'snapshot:export'>;

const EXTENSIONS: Record<SnapshotFormat, string> = {
  html: 'html',
  markdown: 'md',
  text: 'txt',
  json: 'json',
};

/** Store references only (latest, latest~N, an id or prefix): the server never reads arbitrary files. */
export function isStoreRef(ref: string): boolean {
  return /^latest(~\d{1,6})?$/.test(ref) || /^[0-9a-f]{4,8}(-?[0-9a-f]{0,4}){0,4}[0-9a-f]{0,12}$/i.test(ref);
}

function entry(e: StoreEntry): Entry {
  return {
    id: e.id,
    taken_at: e.taken_at,
    hostname: e.hostname,
    bytes: e.bytes,
    sections: e.sections,
    errors: e.errors,
  };
}

/** Snapshot commands over the store the settings point at (take, list, get, diff, export). */
export class SnapshotOps {
  private cfg: LoadedConfig;
  private store: SnapshotStore;

  constructor(cfg: LoadedConfig) {
    this.cfg = cfg;
    this.store = SnapshotOps.open(cfg);
  }

  private static open(cfg: LoadedConfig): SnapshotStore {
    const s = cfg.settings.store;
    const dir = s.dir ?? defaultStoreDir(process.env, process.platform, homedir());
    return new SnapshotStore(dir, { retention: { maxCount: s.maxCount, maxAgeDays: s.maxAgeDays } });
  }

  /** Follows changed settings (store folder, retention, redaction). */
  reconfigure(cfg: LoadedConfig): void {
    this.cfg = cfg;
    this.store = SnapshotOps.open(cfg);
  }

  /** Takes a snapshot with the effective settings and keeps it in the store. */
  async take(): Promise<Entry> {
    const s = this.cfg.settings;
    const sections = SECTION_NAMES.filter(
      (n) => (s.snapshot.only.length === 0 || s.snapshot.only.includes(n)) && !s.snapshot.skip.includes(n),
    );
    const snapshot = await takeSnapshot({
      sections,
      windowMs: Math.round(s.snapshot.windowSeconds * 1000),
      topN: s.snapshot.topN,
      redaction: { enabled: s.redaction.enabled, patterns: s.redaction.patterns },
      version: VERSION,
    });
    return entry(await this.store.save(snapshot));
  }

  /** Stored snapshots, newest first. */
  async list(): Promise<Entry[]> {
    return (await this.store.list()).map(entry);
  }

  /** One stored snapshot by reference. */
  async get(ref: string): Promise<Snapshot> {
    if (!isStoreRef(ref))
      throw new UserError('usage', `ref "${ref}": expected latest, latest~N, an id or an id prefix`);
    return this.store.get(ref);
  }

  /** What changed from snapshot `a` to `b`, command lines redacted as `autoinfrasnap diff` does. */
  async diff(a: string, b: string): Promise<Record<string, unknown>> {
    const sa = await this.get(a);
    const sb = await this.get(b);
    const r = this.cfg.settings.redaction;
    let redact: (s: string) => string = (s) => s;
    if (r.enabled) {
      try {
        const redactor = createRedactor({ extraPatterns: r.patterns });
        redact = (s) => redactor.redact(s);
      } catch (e) {
        if (e instanceof RedactionConfigError) throw new UserError('config', e.message);
        throw e;
      }
    }
    return diffSnapshots(sa, sb, { redact }) as unknown as Record<string, unknown>;
  }

  /** A stored snapshot rendered as a report, with a file name to save it under. */
  async export(ref: string, format: SnapshotFormat, lang?: Lang): Promise<Export> {
    const snapshot = await this.get(ref);
    const l = lang ?? resolveLang(this.cfg.settings.language, process.env);
    const content = await renderSnapshot(snapshot, format, { t: createTranslator(l), color: false });
    const stamp = snapshot.taken_at.replace(/[-:]/g, '').replace(/\.\d+/, '');
    return { format, filename: `autoinfrasnap-${stamp}.${EXTENSIONS[format]}`, content };
  }
}
