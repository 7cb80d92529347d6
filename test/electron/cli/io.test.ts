// FdWriter writes with write(2); the EAGAIN and EPIPE cases cannot be produced on demand with a real
// descriptor here, so node:fs's writeSync is replaced by a scripted one (the stream is a real
// PassThrough standing in for process.stdout).
import type * as NodeFs from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';

const script = vi.hoisted(() => ({
  written: [] as string[],
  /** One entry per writeSync call: bytes it accepts, or an errno code it fails with. */
  steps: [] as Array<number | string>,
}));
vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<typeof NodeFs>();
  return {
    ...orig,
    writeSync: (_fd: number, buf: Buffer, offset: number, length: number) => {
      const step = script.steps.shift() ?? length;
      if (typeof step === 'string') throw Object.assign(new Error(step), { code: step });
      const n = Math.min(step, length);
      script.written.push(buf.subarray(offset, offset + n).toString());
      return n;
    },
  };
});

const { FdWriter } = await import('../../../electron/cli/io.js');

afterEach(() => {
  script.written = [];
  script.steps = [];
});

function streamed(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('FdWriter in direct mode', () => {
  it('finishes partial writes, and needs no stream', async () => {
    const open = vi.fn();
    const w = new FdWriter(1, open, true);
    script.steps = [3, 2];
    w.write('hello world');
    expect(script.written.join('')).toBe('hello world');
    expect(open).not.toHaveBeenCalled();
    await w.flush();
  });

  it('hands the rest to the stream on EAGAIN and keeps the order from then on', async () => {
    const s = streamed();
    const w = new FdWriter(1, () => s.stream as unknown as NodeJS.WriteStream, true);
    script.steps = [6, 'EAGAIN'];
    w.write('hello world');
    w.write('!');
    await w.flush();
    expect(script.written.join('')).toBe('hello ');
    expect(s.text()).toBe('world!');
  });

  it('stops quietly when the reader has gone (EPIPE)', () => {
    const w = new FdWriter(1, () => process.stdout, true);
    script.steps = ['EPIPE'];
    expect(() => w.write('x')).not.toThrow();
    w.write('more');
    expect(script.written).toEqual([]);
  });
});

describe('FdWriter in stream mode', () => {
  it('writes everything through the stream, for commands whose logs use it too', async () => {
    const s = streamed();
    const w = new FdWriter(2, () => s.stream as unknown as NodeJS.WriteStream, false);
    w.write('a');
    w.write('b');
    await w.flush();
    expect(s.text()).toBe('ab');
    expect(script.written).toEqual([]);
  });
});
