import { z } from 'zod';

const Pct = z.number().min(0).max(100);
const Bytes = z.number().nonnegative();
const Rate = z.number().nonnegative().nullable();

/**
 * One tick of the live sampler: the light metric set the tray, popover, dashboard, alerts and /metrics
 * read. Plain JSON with epoch-ms times (it crosses IPC, HTTP and SSE); the full snapshot stays separate.
 */
export const Sample = z.object({
  t: z.number().int().describe('Epoch ms when the tick was taken'),
  interval_ms: z.number().int().positive(),
  host: z.string(),
  cpu: z.object({
    usage_percent: Pct.nullable(),
    per_core_percent: z.array(Pct),
    load_1: z.number().nonnegative().nullable(),
    load_5: z.number().nonnegative().nullable(),
    load_15: z.number().nonnegative().nullable(),
  }),
  memory: z.object({ used_percent: Pct, used_bytes: Bytes, total_bytes: Bytes }),
  swap: z.object({ used_percent: Pct, used_bytes: Bytes, total_bytes: Bytes }),
  disks: z.array(
    z.object({
      mountpoint: z.string(),
      used_percent: Pct,
      used_bytes: Bytes,
      total_bytes: Bytes,
    }),
  ),
  disk_io: z.array(z.object({ device: z.string(), read_bytes_per_s: Rate, write_bytes_per_s: Rate })),
  network: z.array(
    z.object({ name: z.string(), up: z.boolean(), rx_bytes_per_s: Rate, tx_bytes_per_s: Rate }),
  ),
  processes: z.object({
    total: z.number().int().nonnegative(),
    zombies: z.number().int().nonnegative(),
    top: z.array(
      z.object({
        pid: z.number().int(),
        name: z.string(),
        command: z.string().describe('Redacted'),
        user: z.string().nullable(),
        cpu_percent: z.number().nonnegative(),
        rss_bytes: Bytes,
      }),
    ),
  }),
  containers: z
    .object({
      running: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      items: z.array(
        z.object({
          name: z.string(),
          image: z.string(),
          state: z.string(),
          health: z.enum(['healthy', 'unhealthy', 'starting', 'none']),
          restart_count: z.number().int().nonnegative(),
          cpu_percent: z.number().nonnegative().nullable(),
          memory_bytes: Bytes.nullable(),
        }),
      ),
    })
    .nullable()
    .describe('null when no container engine answers'),
  sensors: z.object({
    max_celsius: z.number().nullable(),
    battery_percent: Pct.nullable(),
    charging: z.boolean().nullable(),
  }),
});
/** One tick of the live sampler. */
export type Sample = z.infer<typeof Sample>;

/** A min/avg/max rollup of one metric over a bucket (1 minute in the 7-day history). */
export const Rollup = z.object({ min: z.number(), avg: z.number(), max: z.number() });

/** One history point: full resolution (a sample's scalar metrics) or a 1-minute rollup. */
export const HistoryPoint = z.object({
  t: z.number().int(),
  /** Metric id → value (raw points) or rollup (minute points): `cpu`, `memory`, `swap`, `disk:/`, `net_rx:eth0`… */
  values: z.record(z.string(), z.union([z.number(), Rollup])),
});
/** One history point. */
export type HistoryPoint = z.infer<typeof HistoryPoint>;

/** Ranges the dashboard asks for; 5m/1h come from full resolution, 24h/7d from minute rollups. */
export const HistoryRange = z.enum(['5m', '1h', '24h', '7d']);
/** A history range. */
export type HistoryRange = z.infer<typeof HistoryRange>;
