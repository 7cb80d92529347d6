import { appendFile, readFile, readdir } from '../os/fs-async.js';
import { join } from 'node:path';
import { ensureDir, FILE_MODE, removeFile, writeFileAtomic } from '../store/atomic.js';
import { RAW_SPAN_MS, ROLLUP_SPAN_MS, RollupStore, type MinuteRollup, type Values } from './history.js';

/**
 * On-disk history under `<dataDir>/history`: one append-only NDJSON file of minute rollups per UTC day
 * (`rollups-YYYY-MM-DD.ndjson`, one `{"t":…,"v":{"cpu":[min,avg,max,n]}}` per line), and `recent.ndjson`,
 * the last hour at full resolution, rewritten atomically on stop so a restart keeps the short charts.
 * Appends are one small write each; a line torn by a crash is skipped on load and the day's file is then
 * compacted (rewritten atomically). Files older than seven days are deleted. Files are 0600, the folder 0700.
 */
export class HistoryFiles {
  readonly dir: string;
  private chain: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'history');
  }

  private dayFile(t: number): string {
    return join(this.dir, `rollups-${new Date(t).toISOString().slice(0, 10)}.ndjson`);
  }

  /** Loads the minute rollups of the last seven days; deletes older day files and compacts damaged ones. */
  async loadRollups(now: number): Promise<MinuteRollup[]> {
    await ensureDir(this.dir);
    const cut = now - ROLLUP_SPAN_MS;
    const names = (await readdir(this.dir))
      .filter((n) => /^rollups-\d{4}-\d{2}-\d{2}\.ndjson$/.test(n))
      .sort();
    const out: MinuteRollup[] = [];
    for (const name of names) {
      const path = join(this.dir, name);
      // A day file ends at its day's last minute: wholly older than the cut means nothing to keep.
      const dayEnd = Date.parse(`${name.slice(8, 18)}T00:00:00Z`) + 86_400_000;
      if (!(dayEnd > cut)) {
        await removeFile(path);
        continue;
      }
      const kept = await this.compact(path, cut);
      out.push(...kept);
    }
    return out;
  }

  /**
   * Reads one day file and rewrites it atomically when it holds torn lines, minutes older than `cut` or
   * one minute twice (a minute flushed at stop and continued after a restart: merged exactly).
   */
  async compact(path: string, cut = -Infinity): Promise<MinuteRollup[]> {
    const text = await readFile(path, 'utf8').catch(() => '');
    const store = new RollupStore();
    let lines = 0;
    let dirty = false;
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines++;
      const r = parseRollupLine(line);
      if (r === null || r.t < cut) dirty = true;
      else store.put(r);
    }
    const kept = store.since(-Infinity);
    if (dirty || kept.length !== lines) await writeFileAtomic(path, kept.map(rollupLine).join(''));
    return kept;
  }

  /** Compacts the day file that holds `t` (called once that day is over). */
  async compactDay(t: number): Promise<void> {
    await this.chain; // after the day's last append
    await this.compact(this.dayFile(t));
  }

  /** Deletes day files wholly older than seven days (called when a new day's file starts). */
  async pruneOld(now: number): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!/^rollups-\d{4}-\d{2}-\d{2}\.ndjson$/.test(name)) continue;
      const dayEnd = Date.parse(`${name.slice(8, 18)}T00:00:00Z`) + 86_400_000;
      if (dayEnd <= now - ROLLUP_SPAN_MS) await removeFile(join(this.dir, name));
    }
  }

  /** Appends one finished (or, at stop, partial) minute to its day's file; writes are serialised. */
  appendRollup(r: MinuteRollup): Promise<void> {
    const line = rollupLine(r);
    const path = this.dayFile(r.t);
    const write = this.chain.then(async () => {
      await ensureDir(this.dir);
      await appendFile(path, line, { mode: FILE_MODE });
    });
    this.chain = write.catch(() => undefined);
    return write;
  }

  /** Waits for pending appends. */
  flush(): Promise<void> {
    return this.chain;
  }

  /** Writes the full-resolution points of the last hour atomically. */
  async saveRecent(points: ReadonlyArray<{ t: number; values: Record<string, number> }>): Promise<void> {
    await ensureDir(this.dir);
    const text = points.map((p) => JSON.stringify({ t: p.t, v: p.values }) + '\n').join('');
    await writeFileAtomic(join(this.dir, 'recent.ndjson'), text);
  }

  /** The saved full-resolution points younger than one hour, oldest first; none when the file is absent or bad. */
  async loadRecent(now: number): Promise<Array<{ t: number; values: Values }>> {
    const text = await readFile(join(this.dir, 'recent.ndjson'), 'utf8').catch(() => '');
    const out: Array<{ t: number; values: Values }> = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const o = JSON.parse(line) as { t?: unknown; v?: unknown };
        if (typeof o.t !== 'number' || o.t < now - RAW_SPAN_MS || o.t > now || !isRecord(o.v)) continue;
        const values = new Map<string, number>();
        for (const [k, v] of Object.entries(o.v))
          if (typeof v === 'number' && Number.isFinite(v)) values.set(k, v);
        out.push({ t: o.t, values });
      } catch {
        // A damaged line loses one point, not the file.
      }
    }
    return out.sort((a, b) => a.t - b.t);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One rollup as an NDJSON line, newline included. */
export function rollupLine(r: MinuteRollup): string {
  const v: Record<string, number[]> = {};
  r.keys.forEach((k, i) => (v[k] = Array.from(r.data.subarray(i * 4, i * 4 + 4))));
  return JSON.stringify({ t: r.t, v }) + '\n';
}

/** Parses one NDJSON line; null when it is torn or not a rollup. */
export function parseRollupLine(line: string): MinuteRollup | null {
  let o: { t?: unknown; v?: unknown };
  try {
    o = JSON.parse(line) as typeof o;
  } catch {
    return null;
  }
  if (typeof o.t !== 'number' || !Number.isInteger(o.t) || !isRecord(o.v)) return null;
  const entries = Object.entries(o.v);
  const data = new Float64Array(entries.length * 4);
  for (let i = 0; i < entries.length; i++) {
    const q = entries[i]![1];
    if (!Array.isArray(q) || q.length !== 4 || !q.every((x) => typeof x === 'number' && Number.isFinite(x)))
      return null;
    data.set(q as number[], i * 4);
  }
  return { t: o.t, keys: entries.map((e) => e[0]), data };
}
