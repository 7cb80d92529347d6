import { v7 as uuidv7 } from 'uuid';
import { randomFill } from '../os/random.js';

// uuid's v7() without options draws its random bytes through WebCrypto, whose first use loads ~9 ms
// of Node internals on every CLI start; os/random.ts gives the same kind of bytes without loading
// node:crypto at all. With bytes passed in, v7() keeps no state, so its same-millisecond ordering is kept here:
// a 31-bit counter seeded at random on each new millisecond and incremented within one, as uuid does.
const state = { msecs: -Infinity, seq: 0 };

/** A new time-sortable UUIDv7; ids made by one process sort in creation order. */
export function newSnapshotId(now: number = Date.now()): string {
  const random = randomFill(new Uint8Array(16));
  if (now > state.msecs) {
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}
