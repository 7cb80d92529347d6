import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Cryptographically strong random bytes without loading node:crypto where the kernel offers them as a
 * file. The first use of node:crypto costs every process ~3-6 ms of Node internals (ciphers, keys,
 * X.509...), which `snap` would pay only for a snapshot id and temp-file names. On Linux, macOS and
 * the BSDs /dev/urandom is the kernel's CSPRNG (the same source OpenSSL seeds from); bytes are read
 * in blocks and handed out without reuse. Windows, or a sandbox without /dev/urandom, falls back to
 * node:crypto.
 */

const BLOCK = 256;
let block = new Uint8Array(0);
let used = 0;
let urandomWorks = process.platform !== 'win32';

function fromUrandom(): boolean {
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    return false;
  }
  try {
    const next = new Uint8Array(BLOCK);
    let filled = 0;
    while (filled < BLOCK) {
      const n = readSync(fd, next, filled, BLOCK - filled, null);
      if (n <= 0) return false;
      filled += n;
    }
    block = next;
    used = 0;
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Fills `out` with random bytes and returns it. */
export function randomFill<T extends Uint8Array>(out: T): T {
  let offset = 0;
  while (urandomWorks && offset < out.length) {
    if (used === block.length && !fromUrandom()) {
      urandomWorks = false;
      break;
    }
    const n = Math.min(out.length - offset, block.length - used);
    out.set(block.subarray(used, used + n), offset);
    // Handed-out bytes are wiped so that they can never be handed out twice.
    block.fill(0, used, used + n);
    used += n;
    offset += n;
  }
  if (offset < out.length) process.getBuiltinModule('node:crypto').randomFillSync(out, offset);
  return out;
}

/** `n` random bytes as lowercase hex (temp-file names, lock tokens). */
export function randomHex(n: number): string {
  return Buffer.from(randomFill(new Uint8Array(n))).toString('hex');
}
