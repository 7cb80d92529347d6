import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightReaders } from '../../../../electron/core/sampler/collect.js';
import type { AnyReader } from '../../../../electron/core/metrics/registry.js';

/** A fresh empty folder for a sampler's dataDir; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ais-sampler-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** What the fake readers report next; tests change it between ticks. */
export interface FakeState {
  cpu: number;
  memory: number;
  /** Calls of the containers reader's collect (to see the re-probe cadence). */
  containerCalls: number;
  /** Whether the fake engine answers. */
  engine: boolean;
  /** How many collects got a window start (rates are only computed with one). */
  withStart: number;
}

// The fakes return only the fields the sampler maps; the readers' full section types are not the point.
const reader = <K extends keyof LightReaders>(
  section: K,
  collect: (start: unknown) => unknown,
  begin = true,
): AnyReader<K> =>
  ({
    section,
    timeoutMs: 1000,
    ...(begin ? { begin: () => Promise.resolve({ counters: section }) } : {}),
    collect: (_ctx: unknown, start: unknown) => Promise.resolve(collect(start)),
  }) as unknown as AnyReader<K>;

/**
 * Readers with scripted values. Rates (cpu usage, disk and network bytes/s) are null without a window
 * start, as the real readers' are, so a test can see whether the sampler computed a rate across a gap.
 */
export function fakeReaders(): { state: FakeState; readers: LightReaders } {
  const state: FakeState = { cpu: 10, memory: 50, containerCalls: 0, engine: false, withStart: 0 };
  const rate = (start: unknown, v: number): number | null => (start === undefined ? null : v);
  const readers: LightReaders = {
    cpu: reader('cpu', (start) => {
      if (start !== undefined) state.withStart++;
      return {
        usage_percent: rate(start, state.cpu),
        per_core_percent: start === undefined ? [] : [state.cpu],
        load_1: 0.5,
        load_5: 0.4,
        load_15: 0.3,
      };
    }),
    memory: reader('memory', () => ({ used_percent: state.memory, used_bytes: 50, total_bytes: 100 }), false),
    swap: reader('swap', () => ({ used_percent: 0, used_bytes: 0, total_bytes: 0 }), false),
    disks: reader('disks', (start) => ({
      filesystems: [{ mountpoint: '/', used_percent: 40, used_bytes: 40, total_bytes: 100 }],
      io: [{ device: 'sda', read_bytes_per_s: rate(start, 100), write_bytes_per_s: rate(start, 200) }],
    })),
    network: reader('network', (start) => ({
      interfaces: [
        { name: 'lo', type: 'loopback', virtual: true, up: true, rx_bytes_per_s: 1, tx_bytes_per_s: 1 },
        {
          name: 'eth0',
          type: 'ethernet',
          virtual: false,
          up: true,
          rx_bytes_per_s: rate(start, 1000),
          tx_bytes_per_s: rate(start, 500),
        },
      ],
    })),
    processes: reader('processes', () => ({
      total: 3,
      zombies: [],
      top_cpu: [
        {
          pid: 42,
          name: 'mysql',
          command: 'mysql -uroot -pHUNTER2 --password=hunter2 db',
          user: 'root',
          cpu_percent: 12.5,
          rss_bytes: 1024,
        },
      ],
    })),
    sensors: reader(
      'sensors',
      () => ({ temperatures: [{ celsius: 41 }, { celsius: 55 }], battery: null }),
      false,
    ),
    containers: reader('containers', () => {
      state.containerCalls++;
      return state.engine
        ? {
            available: true,
            reason: null,
            engine: null,
            total: 1,
            running: 1,
            items: [
              {
                name: 'web',
                image: 'nginx',
                state: 'running',
                health: 'none',
                restart_count: 0,
                cpu_percent: 1,
                memory_bytes: 10,
              },
            ],
          }
        : { available: false, reason: 'no engine', engine: null, total: 0, running: 0, items: [] };
    }),
  };
  return { state, readers };
}
