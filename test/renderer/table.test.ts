// Sorting and searching of the UI's tables, picking snapshots to compare, and the IPC client.
import { describe, expect, it } from 'vitest';
import { createIpcClient, ipcBridge } from '../../renderer/app/create-client';
import { processSearchText } from '../../renderer/dashboard/views/processes-view';
import { togglePick } from '../../renderer/dashboard/views/snapshots-view';
import { ariaSort, compareValues, nextSort, searchRows, sortRows } from '../../renderer/lib/table';

const rows = [
  { name: 'node', cpu: 41.5, user: 'app' },
  { name: 'cron', cpu: 0, user: null },
  { name: 'java', cpu: 18.9, user: 'app' },
  { name: 'nginx', cpu: null, user: 'www-data' },
  { name: 'node10', cpu: 2, user: 'app' },
  { name: 'node9', cpu: 2, user: 'app' },
];
const get = (r: (typeof rows)[number], k: 'name' | 'cpu' | 'user') => r[k];

describe('sortRows', () => {
  it('sorts numbers numerically both ways, nulls last, ties in input order', () => {
    expect(sortRows(rows, { key: 'cpu', dir: 'desc' }, get).map((r) => r.name)).toEqual([
      'node',
      'java',
      'node10',
      'node9',
      'cron',
      'nginx',
    ]);
    expect(sortRows(rows, { key: 'cpu', dir: 'asc' }, get).map((r) => r.name)).toEqual([
      'cron',
      'node10',
      'node9',
      'java',
      'node',
      'nginx',
    ]);
  });

  it('sorts text with numeric collation and leaves the input alone', () => {
    const copy = [...rows];
    expect(sortRows(rows, { key: 'name', dir: 'asc' }, get).map((r) => r.name)).toEqual([
      'cron',
      'java',
      'nginx',
      'node',
      'node9',
      'node10',
    ]);
    expect(rows).toEqual(copy);
  });

  it('compares mixed values without throwing', () => {
    expect(compareValues(null, 1)).toBeGreaterThan(0);
    expect(compareValues('a', 'B')).toBeLessThan(0);
    expect(compareValues(undefined, null)).toBe(0);
  });
});

describe('nextSort and ariaSort', () => {
  it('flips the same column, starts a new one with its first direction', () => {
    expect(nextSort({ key: 'cpu', dir: 'desc' }, 'cpu')).toEqual({ key: 'cpu', dir: 'asc' });
    expect(nextSort({ key: 'cpu', dir: 'asc' }, 'name', 'asc')).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'cpu', dir: 'asc' }, 'rss')).toEqual({ key: 'rss', dir: 'desc' });
    expect(ariaSort({ key: 'cpu', dir: 'asc' }, 'cpu')).toBe('ascending');
    expect(ariaSort({ key: 'cpu', dir: 'desc' }, 'name')).toBe('none');
  });
});

describe('searchRows', () => {
  const text = (r: (typeof rows)[number]) => `${r.name} ${r.user ?? ''}`;
  it('keeps rows containing every word, in any order and case', () => {
    expect(searchRows(rows, 'APP java', text).map((r) => r.name)).toEqual(['java']);
    expect(searchRows(rows, 'www', text).map((r) => r.name)).toEqual(['nginx']);
    expect(searchRows(rows, '  ', text)).toHaveLength(rows.length);
    expect(searchRows(rows, 'zzz', text)).toEqual([]);
  });

  it('matches processes by name, redacted command, user or pid', () => {
    const p = {
      pid: 4242,
      name: 'node',
      command: 'node app.js --token=[REDACTED]',
      user: 'svc',
      cpu_percent: 1,
      rss_bytes: 1,
    };
    for (const q of ['4242', 'app.js', 'svc', 'REDACTED'])
      expect(searchRows([p], q, processSearchText)).toHaveLength(1);
  });
});

describe('togglePick', () => {
  it('keeps at most two picks, dropping the oldest, and unpicks on a second click', () => {
    expect(togglePick([], 'a')).toEqual(['a']);
    expect(togglePick(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('the IPC client', () => {
  it('forwards commands, events and connection changes to the preload bridge', async () => {
    const sent: unknown[] = [];
    const client = createIpcClient({
      call: async (c, r) => {
        sent.push([c, r]);
        return { status: 'ok', firing: 0, host: 'h' };
      },
      on: (e, l) => {
        l({ event: e });
        return () => undefined;
      },
    });
    expect(await client.call('status:get', {})).toEqual({ status: 'ok', firing: 0, host: 'h' });
    expect(sent).toEqual([['status:get', {}]]);
    const got: unknown[] = [];
    client.subscribe('status:changed', (p) => got.push(p));
    expect(got).toEqual([{ event: 'status:changed' }]);
    expect(typeof client.onConnection(() => undefined)).toBe('function');
    expect(ipcBridge({ autoinfrasnap: { version: '1' } })).toBeUndefined();
    expect(ipcBridge({ autoinfrasnap: { version: '1', call: async () => null } })?.call).toBeTypeOf(
      'function',
    );
  });
});
