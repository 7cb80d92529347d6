import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/processes/reader.js';
import { ProcessesSection } from '../../../../../shared/snapshot/metrics/processes.js';
import { testContext } from '../../../../helpers/context.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Starts a child this test owns (killed after each test) and waits until it has exec'd. */
async function start(cmd: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await once(child, 'spawn');
  return child;
}

/** Runs one snapshot's begin/collect pair the way the builder does. */
async function snapshot(windowMs: number, topN: number): Promise<ProcessesSection> {
  const ctx = testContext({ windowMs, topN });
  const begun = windowMs > 0 && reader.begin ? await reader.begin(ctx) : undefined;
  if (windowMs > 0) await new Promise((r) => setTimeout(r, windowMs));
  return ProcessesSection.parse(await reader.collect(ctx, begun));
}

/** The name `ps` would show for this process's user: passwd's, or the bare uid when passwd has none. */
function myUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.geteuid?.());
  }
}

/** Polls until `check` holds (bounded), for states the kernel reaches asynchronously. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe.skipIf(process.platform !== 'linux')('processes reader on this machine', () => {
  it('produces a schema-valid section with this process in it', async () => {
    const s = await snapshot(0, 10_000);
    expect(s.cpu_basis).toBe('lifetime');
    expect(s.total).toBeGreaterThan(1);
    expect(Object.values(s.by_state).reduce((a, b) => a + b, 0)).toBe(s.total);
    const me = s.top_memory.find((p) => p.pid === process.pid);
    expect(me?.ppid).toBe(process.ppid);
    expect(me?.rss_bytes).toBeGreaterThan(0);
    expect(me?.threads).toBeGreaterThan(0);
  });

  it('puts a busy child in top_cpu over a 500 ms window, with its pid and full command', async () => {
    const tag = `ais-busy-${process.pid}`;
    const busy = await start(process.execPath, ['-e', 'for(;;){}', tag]);
    const s = await snapshot(500, 15);
    expect(s.cpu_basis).toBe('window');
    const row = s.top_cpu.find((p) => p.pid === busy.pid);
    expect(row).toBeDefined();
    expect(row?.command).toBe(`${process.execPath} -e for(;;){} ${tag}`);
    expect(row?.name).toBe('node');
    expect(row?.ppid).toBe(process.pid);
    expect(row?.cpu_percent).toBeGreaterThan(10);
  });

  it('describes a sleeping child: user, state, memory, start time', async () => {
    const tag = `ais-sleepy-${process.pid}`;
    const before = Date.now();
    const sleepy = await start(process.execPath, ['-e', 'setInterval(()=>{},1000)', tag]);
    await until(() => readFileSync(`/proc/${sleepy.pid}/stat`, 'utf8').includes(') S '));
    const s = await snapshot(0, 10_000);
    const row = s.top_memory.find((p) => p.pid === sleepy.pid);
    expect(row?.command).toBe(`${process.execPath} -e setInterval(()=>{},1000) ${tag}`);
    expect(row?.state).toBe('sleeping');
    expect(row?.user).toBe(myUserName());
    expect(row?.rss_bytes).toBeGreaterThan(1024 * 1024);
    // Boot time has 1 s resolution and may drift from the wall clock by a little: a few seconds is
    // plenty, while a wrong unit (ms for ticks) would be off by hours or decades.
    const startedMs = Date.parse(row?.started_at ?? '');
    expect(Math.abs(startedMs - before)).toBeLessThan(5000);
  });

  it('counts and lists a real zombie', async () => {
    // sh forks `sleep 1` and replaces itself with `sleep 30`, which never reaps it: a zombie after ~1 s.
    const parent = await start('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30']);
    const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
    const zombiePid = Number(line.toString().trim());
    await until(() => {
      try {
        return readFileSync(`/proc/${zombiePid}/stat`, 'utf8').includes(') Z ');
      } catch {
        return false;
      }
    });
    const s = await snapshot(0, 15);
    expect(s.by_state.zombie).toBeGreaterThanOrEqual(1);
    expect(s.zombies).toContainEqual({ pid: zombiePid, ppid: parent.pid, name: 'sleep' });
  });
});
