import { z } from 'zod';

/** An RFC 3339 timestamp in UTC with a `Z` suffix, e.g. `2026-11-26T12:58:29.123Z`. */
export const Timestamp = z.iso.datetime({ offset: false });

/** A count of bytes. */
export const Bytes = z.number().int().nonnegative();

/** A percentage, 0–100 (a total over several cores is still normalised to 0–100). */
export const Percent = z.number().min(0).max(100);

/** A per-second rate measured over the sampling window; null when the window was 0. */
export const Rate = z.number().nonnegative().nullable();
