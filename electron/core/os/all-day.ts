import { setFlagsFromString } from 'node:v8';

/**
 * What the processes that sample all day (`serve`, the desktop app's main process) ask of V8, set once
 * at start-up, before any code is hot: no TurboFan, V8's optimising compiler. Ignition and Sparkplug
 * (the interpreter and the baseline compiler) still run everything.
 *
 * Why: at one tick a second, a function called once per tick takes many minutes to count as hot, so
 * TurboFan kept compiling for the whole first half-hour (2–12 functions a minute, `--trace-opt`). Each
 * compile runs on one of V8's worker threads in zone memory from that thread's own malloc arena, and
 * glibc keeps a freed arena's pages: four workers grew 4–5 MiB of arenas holding a few KiB in use
 * (`malloc_stats()`), plus ~0.9 MiB of optimised code and deopt data in the heap — most of the RSS
 * growth of a 30-minute run. Without TurboFan a tick costs about 0.1 % more of one core at a 1 s interval
 * (docs/performance.md has the numbers); for a monitor that stays up for weeks, flat memory is worth
 * more. The flag only stops future optimisations (V8 reads it each time it considers one), so setting
 * it at run time is safe; it is what `node --no-turbofan` would do from the start.
 */
export const ALL_DAY_V8_FLAGS = '--no-turbofan';

let applied = false;

/** Applies ALL_DAY_V8_FLAGS to this process (once; later calls do nothing). */
export function tuneForAllDay(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(ALL_DAY_V8_FLAGS);
}
