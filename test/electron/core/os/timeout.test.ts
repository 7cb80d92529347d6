import { describe, expect, it } from 'vitest';
import { sleep } from '../../../../electron/core/os/timeout.js';

describe('sleep', () => {
  it('resolves after the delay', async () => {
    let done = false;
    const p = sleep(5).then(() => (done = true));
    expect(done).toBe(false);
    await p;
    expect(done).toBe(true);
  });

  it('rejects with the abort reason, before the delay or at once when already aborted', async () => {
    const ac = new AbortController();
    const p = sleep(60_000, ac.signal);
    ac.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
    await expect(sleep(60_000, ac.signal)).rejects.toThrow('stop');
  });
});
