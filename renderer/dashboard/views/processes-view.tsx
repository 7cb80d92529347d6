// Processes: the live top list of the newest sample, sortable and searchable, commands as redacted.
import { useMemo } from 'react';
import type { Sample } from '../../../shared/contract/sample';
import { useLatestSample } from '../../app/api-context';
import { useT } from '../../app/prefs-context';
import { DataTable, type Column } from '../../components/data-table';

type Proc = Sample['processes']['top'][number];

/** Text a process search matches against: name, command, user and pid. */
export function processSearchText(p: Proc): string {
  return `${p.name} ${p.command} ${p.user ?? ''} ${p.pid}`;
}

/** The processes page. */
export function ProcessesView() {
  const t = useT();
  const sample = useLatestSample();
  const columns = useMemo<Column<Proc>[]>(
    () => [
      { key: 'pid', label: t.t('ui.table.pid'), value: (p) => p.pid, numeric: true, firstDir: 'asc' },
      { key: 'name', label: t.t('ui.table.name'), value: (p) => p.name },
      { key: 'user', label: t.t('ui.table.user'), value: (p) => p.user },
      {
        key: 'cpu',
        label: t.t('ui.table.cpu'),
        value: (p) => p.cpu_percent,
        render: (p) => t.percent(p.cpu_percent),
        numeric: true,
      },
      {
        key: 'rss',
        label: t.t('ui.table.memory'),
        value: (p) => p.rss_bytes,
        render: (p) => t.bytes(p.rss_bytes),
        numeric: true,
      },
      {
        key: 'command',
        label: t.t('ui.table.command'),
        value: (p) => p.command,
        render: (p) => <code className="cmd-text">{p.command}</code>,
      },
    ],
    [t],
  );
  if (!sample)
    return (
      <p className="muted" role="status" aria-busy="true">
        {t.t('ui.app.loading')}
      </p>
    );
  return (
    <section className="card">
      <p className="muted">
        {t.t('ui.table.top_of', { shown: sample.processes.top.length, total: sample.processes.total })}
      </p>
      <DataTable
        columns={columns}
        rows={sample.processes.top}
        rowKey={(p) => String(p.pid)}
        label={t.t('ui.nav.processes')}
        initialSort={{ key: 'cpu', dir: 'desc' }}
        searchText={processSearchText}
        testId="process-table"
      />
    </section>
  );
}
