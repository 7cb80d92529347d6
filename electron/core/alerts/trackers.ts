import { z } from 'zod';
import type { Sample } from '../../../shared/contract/sample.js';

/** A restart loop: this many restarts… */
export const RESTART_LOOP_COUNT = 3;
/** …within this window. */
export const RESTART_LOOP_WINDOW_MS = 10 * 60_000;
/** One trend point per mount per minute: enough resolution for hours-ahead forecasts, 1440 points a day. */
export const FORECAST_STEP_MS = 60_000;
/** The ring keeps 24 h of points per mount. */
export const FORECAST_RING = 24 * 60;
/** The trend is fitted over the last 6 h, so a disk that started filling recently is not diluted by a flat day. */
export const FORECAST_WINDOW_MS = 6 * 3600_000;
/** No forecast before 30 min of data: a few minutes of log burst is not a trend. */
export const FORECAST_MIN_SPAN_MS = 30 * 60_000;

const Point = z.tuple([z.number(), z.number()]);
/** The trackers' persisted form (part of the engine's JSON). */
export const TrackerState = z.object({
  restarts: z.record(z.string(), z.object({ seen: z.number(), points: z.array(Point) })),
  ran: z.array(z.string()),
  disks: z.record(z.string(), z.object({ total: z.number(), points: z.array(Point) })),
});
/** The trackers' persisted form. */
export type TrackerState = z.infer<typeof TrackerState>;

/**
 * What the rules need to remember across ticks, updated once per sample (not once per rule): restart
 * counts per container, which containers were seen running, and a ring of (t, used bytes) per mount.
 */
export class Trackers {
  /**
   * Container name → when it was last seen, and [t, restart_count] at each change, oldest first; the
   * first point is the window's baseline.
   */
  private restarts = new Map<string, { seen: number; points: [number, number][] }>();
  /** Containers seen in a state other than exited: only those count as "exited" for `*` rules. */
  private ran = new Set<string>();
  private disks = new Map<string, { total: number; points: [number, number][] }>();

  /** Records one sample at time `now`. */
  update(sample: Sample, now: number): void {
    if (sample.containers) {
      const names = new Set<string>();
      for (const c of sample.containers.items) {
        names.add(c.name);
        if (!isExited(c.state)) this.ran.add(c.name);
        const prev = this.restarts.get(c.name);
        const last = prev?.points[prev.points.length - 1];
        // Start over when the count drops (the container was recreated) or after a gap longer than the
        // window (app stopped, engine down): restarts in a gap cannot be placed in time, so none count.
        if (!prev || !last || c.restart_count < last[1] || now - prev.seen > RESTART_LOOP_WINDOW_MS)
          this.restarts.set(c.name, { seen: now, points: [[now, c.restart_count]] });
        else if (c.restart_count > last[1]) prev.points.push([now, c.restart_count]);
        const track = this.restarts.get(c.name)!;
        track.seen = now;
        const kept = track.points;
        // Drop the baseline once the next change is itself older than the window.
        while (kept.length > 1 && kept[1]![0] <= now - RESTART_LOOP_WINDOW_MS) kept.shift();
      }
      for (const name of this.restarts.keys()) if (!names.has(name)) this.restarts.delete(name);
      for (const name of this.ran) if (!names.has(name)) this.ran.delete(name);
    }
    const mounts = new Set<string>();
    for (const d of sample.disks) {
      mounts.add(d.mountpoint);
      let ring = this.disks.get(d.mountpoint);
      if (!ring) this.disks.set(d.mountpoint, (ring = { total: d.total_bytes, points: [] }));
      ring.total = d.total_bytes;
      const last = ring.points[ring.points.length - 1];
      if (!last || now - last[0] >= FORECAST_STEP_MS) ring.points.push([now, d.used_bytes]);
      if (ring.points.length > FORECAST_RING) ring.points.shift();
    }
    for (const m of this.disks.keys()) if (!mounts.has(m)) this.disks.delete(m);
  }

  /** Restarts of `name` within the last 10 minutes. */
  restartsInWindow(name: string): number {
    const pts = this.restarts.get(name)?.points;
    if (!pts || pts.length === 0) return 0;
    return pts[pts.length - 1]![1] - pts[0]![1];
  }

  /** True once `name` has been seen not exited since tracking began. */
  hasRun(name: string): boolean {
    return this.ran.has(name);
  }

  /**
   * Hours until `mountpoint` is full on the least-squares trend of used bytes over the last 6 h:
   * null when there is too little data, Infinity when the trend is flat or shrinking.
   */
  hoursToFull(mountpoint: string, now: number): number | null {
    const ring = this.disks.get(mountpoint);
    if (!ring || ring.total <= 0) return null;
    const pts = ring.points.filter(([t]) => t >= now - FORECAST_WINDOW_MS);
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (!first || !last || pts.length < 5 || last[0] - first[0] < FORECAST_MIN_SPAN_MS) return null;
    const meanT = pts.reduce((s, [t]) => s + t, 0) / pts.length;
    const meanU = pts.reduce((s, [, u]) => s + u, 0) / pts.length;
    let num = 0;
    let den = 0;
    for (const [t, u] of pts) {
      num += (t - meanT) * (u - meanU);
      den += (t - meanT) ** 2;
    }
    const slope = den > 0 ? num / den : 0; // bytes per ms
    if (!(slope > 0)) return Infinity;
    const free = Math.max(0, ring.total - last[1]);
    return free / slope / 3600_000;
  }

  /** Plain JSON for a restart. */
  toJSON(): TrackerState {
    return {
      restarts: Object.fromEntries(this.restarts),
      ran: [...this.ran],
      disks: Object.fromEntries(this.disks),
    };
  }

  /** Restores what `toJSON` wrote. */
  static fromJSON(state: TrackerState): Trackers {
    const t = new Trackers();
    t.restarts = new Map(Object.entries(state.restarts));
    t.ran = new Set(state.ran);
    t.disks = new Map(Object.entries(state.disks));
    return t;
  }
}

/** Docker's and Podman's words for a container that stopped. */
export function isExited(state: string): boolean {
  return state === 'exited' || state === 'dead';
}
