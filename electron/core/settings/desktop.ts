// The tray app's own state, kept apart from the shared settings: window bounds, whether monitoring is
// paused, whether alert notifications show. Stored next to config.json as desktop.json (the CLI never
// reads it, so the shared settings schema stays strict). Same Conf store, same format, mode 0600.
import { z } from 'zod';
import type { ConfFactory, ConfLike } from './conf-store.js';
import { settingsOptions } from './conf-store.js';

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** The tray app's state. */
export const DesktopState = z.object({
  dashboard: z
    .object({ bounds: Bounds.nullable().default(null), maximized: z.boolean().default(false) })
    .prefault({}),
  paused: z.boolean().default(false),
  notifications: z.object({ enabled: z.boolean().default(true) }).prefault({}),
});
/** The tray app's state. */
export type DesktopState = z.infer<typeof DesktopState>;

/** The desktop state file's name (without `.json`). */
export const DESKTOP_FILE_NAME = 'desktop';

/**
 * The desktop state over a Conf instance. A damaged or hand-edited file never stops the app: what does
 * not validate falls back to the defaults (window state is not worth an error dialog).
 */
export class DesktopStateStore {
  constructor(private readonly conf: ConfLike) {}

  /** Opens desktop.json in `dir` (default Conf factory: `conf`, loaded lazily). */
  static async open(dir: string, factory?: ConfFactory): Promise<DesktopStateStore> {
    let make = factory;
    if (!make) {
      const { default: Conf } = await import('conf');
      make = (o) => new Conf(o);
    }
    // Unlike config.json, a damaged desktop.json is simply started over (clearInvalidConfig).
    return new DesktopStateStore(
      make({ ...settingsOptions(dir), configName: DESKTOP_FILE_NAME, clearInvalidConfig: true }),
    );
  }

  /** The current state (defaults where the file has nothing valid). */
  get(): DesktopState {
    let raw: unknown;
    try {
      raw = this.conf.store;
    } catch {
      raw = {};
    }
    const r = DesktopState.safeParse(raw);
    return r.success ? r.data : DesktopState.parse({});
  }

  /** Changes part of the state and writes it. */
  update(change: (s: DesktopState) => DesktopState): DesktopState {
    const next = DesktopState.parse(change(this.get()));
    this.conf.store = next as unknown as Record<string, unknown>;
    return next;
  }
}
