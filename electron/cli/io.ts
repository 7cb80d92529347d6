/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Standard output is a terminal (colours, progress). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colours on a terminal unless NO_COLOR is set (https://no-color.org), or forced with FORCE_COLOR. */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}
