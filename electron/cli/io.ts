import { fstatSync, writeSync } from 'node:fs';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Standard output is a terminal (colours, progress). */
  readonly isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The real process's standard output and error, and a way to wait until all of it is written. */
export interface ProcessIo extends CliIo {
  /** Resolves once everything written so far has reached the file descriptors. */
  flush(): Promise<void>;
}

/**
 * Standard output or error. Direct mode writes to fd 1 or 2 with write(2), as C programs do, instead of
 * through process.stdout and process.stderr: creating those streams loads `net` and the stream
 * machinery for a pipe (~3 ms of every `snap`), and a one-shot command that writes nothing else gains
 * nothing from them. A descriptor someone made non-blocking (EAGAIN) falls back to the stream for the
 * rest of the run, keeping the order of output; a closed reader (EPIPE, `| head`) ends the output
 * quietly, as it ends other tools. Otherwise (long-running commands, whose logs go through the
 * streams too) it is the stream, created on first use.
 */
export class FdWriter {
  private stream: NodeJS.WriteStream | null = null;
  private closed = false;

  constructor(
    private readonly fd: 1 | 2,
    private readonly open: () => NodeJS.WriteStream,
    private readonly direct: boolean,
  ) {}

  write(s: string): void {
    if (this.closed || s === '') return;
    if (!this.direct && !this.stream) this.stream = this.open();
    if (this.stream) {
      this.stream.write(s);
      return;
    }
    const bytes = Buffer.from(s, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          this.stream = this.open();
          this.stream.write(bytes.subarray(offset));
          return;
        }
        if (code === 'EPIPE') this.closed = true;
        return; // EPIPE, or a descriptor that is gone: nothing more can be written there
      }
    }
  }

  flush(): Promise<void> {
    const stream = this.stream;
    if (!stream) return Promise.resolve();
    return new Promise((resolve) => stream.write('', () => resolve()));
  }
}

/**
 * The real process's standard output and error; `direct` for a command that nothing else writes to
 * them (the `snap` fast path: see FdWriter).
 */
export function processIo(opts: { direct?: boolean } = {}): ProcessIo {
  const direct = opts.direct === true;
  const out = new FdWriter(1, () => process.stdout, direct);
  const err = new FdWriter(2, () => process.stderr, direct);
  return {
    stdout: (s) => out.write(s),
    stderr: (s) => err.write(s),
    // Asked only when it matters (colours, progress). A terminal is a character device: anything else
    // (a pipe, a file) is known without creating the stdout stream, which loads `net` for a pipe.
    get isTTY() {
      return isCharacterDevice(1) && Boolean(process.stdout.isTTY);
    },
    env: process.env,
    cwd: process.cwd(),
    flush: () => Promise.all([out.flush(), err.flush()]).then(() => undefined),
  };
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** Colours on a terminal unless NO_COLOR is set (https://no-color.org), or forced with FORCE_COLOR. */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}
