// Network & ports, disks, containers and services: tables over the latest stored snapshot.
import type { ReactNode } from 'react';
import type { Snapshot } from '../../../shared/snapshot/schema';
import { useCommand } from '../../app/api-context';
import { useT } from '../../app/prefs-context';
import { DataTable } from '../../components/data-table';

type Net = NonNullable<Snapshot['network']>['interfaces'][number];
type Port = NonNullable<Snapshot['ports']>['listening'][number];
type Fs = NonNullable<Snapshot['disks']>['filesystems'][number];
type Ctr = NonNullable<Snapshot['containers']>['items'][number];
type Unit = NonNullable<Snapshot['services']>['units'][number];

/** Loads snapshot:get latest and renders `body` with it, or loading / error / not available text. */
function WithSnapshot({ body }: { body: (s: Snapshot) => ReactNode }) {
  const t = useT();
  const snap = useCommand('snapshot:get', { ref: 'latest' });
  if (snap.error) return <p className="error-text">{t.t('ui.app.error', { message: snap.error.message })}</p>;
  if (!snap.data)
    return (
      <p className="muted" role="status" aria-busy="true">
        {t.t('ui.app.loading')}
      </p>
    );
  return (
    <>
      <p className="muted">{t.t('ui.table.from_snapshot', { time: t.dateTime(snap.data.taken_at) })}</p>
      {body(snap.data)}
    </>
  );
}

/** Interfaces and listening ports of the latest snapshot. */
export function NetworkView() {
  const t = useT();
  return (
    <WithSnapshot
      body={(s) => (
        <>
          <section className="card">
            <h2>{t.t('ui.inventory.interfaces')}</h2>
            <DataTable<Net>
              label={t.t('ui.inventory.interfaces')}
              rows={s.network?.interfaces ?? []}
              rowKey={(n) => n.name}
              columns={[
                { key: 'name', label: t.t('ui.table.name'), value: (n) => n.name },
                {
                  key: 'up',
                  label: t.t('ui.inventory.status'),
                  value: (n) => t.t(n.up ? 'ui.inventory.up' : 'ui.inventory.down'),
                },
                { key: 'type', label: t.t('ui.inventory.type'), value: (n) => n.type },
                {
                  key: 'addr',
                  label: t.t('ui.inventory.addresses'),
                  value: (n) => n.addresses.map((a) => a.cidr ?? a.address).join(', '),
                },
                {
                  key: 'rx',
                  label: t.t('ui.metric.rx'),
                  value: (n) => n.rx_bytes,
                  render: (n) => t.bytes(n.rx_bytes),
                  numeric: true,
                },
                {
                  key: 'tx',
                  label: t.t('ui.metric.tx'),
                  value: (n) => n.tx_bytes,
                  render: (n) => t.bytes(n.tx_bytes),
                  numeric: true,
                },
              ]}
            />
          </section>
          <section className="card">
            <h2>{t.t('ui.inventory.ports')}</h2>
            <DataTable<Port>
              label={t.t('ui.inventory.ports')}
              rows={s.ports?.listening ?? []}
              rowKey={(p) => `${p.protocol}/${p.address}/${p.port}`}
              initialSort={{ key: 'port', dir: 'asc' }}
              searchText={(p) => `${p.port} ${p.process ?? ''} ${p.address}`}
              columns={[
                {
                  key: 'port',
                  label: t.t('ui.inventory.port'),
                  value: (p) => p.port,
                  numeric: true,
                  firstDir: 'asc',
                },
                { key: 'proto', label: t.t('ui.inventory.protocol'), value: (p) => p.protocol },
                { key: 'addr', label: t.t('ui.inventory.address'), value: (p) => p.address },
                { key: 'proc', label: t.t('ui.inventory.process'), value: (p) => p.process },
                { key: 'pid', label: t.t('ui.table.pid'), value: (p) => p.pid, numeric: true },
              ]}
            />
          </section>
        </>
      )}
    />
  );
}

/** Filesystems of the latest snapshot. */
export function DisksView() {
  const t = useT();
  return (
    <WithSnapshot
      body={(s) => (
        <section className="card">
          <DataTable<Fs>
            label={t.t('ui.inventory.filesystems')}
            rows={s.disks?.filesystems ?? []}
            rowKey={(f) => f.mountpoint}
            initialSort={{ key: 'pct', dir: 'desc' }}
            columns={[
              { key: 'mount', label: t.t('ui.inventory.mountpoint'), value: (f) => f.mountpoint },
              { key: 'dev', label: t.t('ui.inventory.device'), value: (f) => f.device },
              { key: 'type', label: t.t('ui.inventory.type'), value: (f) => f.fstype },
              {
                key: 'size',
                label: t.t('ui.inventory.size'),
                value: (f) => f.total_bytes,
                render: (f) => t.bytes(f.total_bytes),
                numeric: true,
              },
              {
                key: 'avail',
                label: t.t('ui.inventory.available'),
                value: (f) => f.available_bytes,
                render: (f) => t.bytes(f.available_bytes),
                numeric: true,
              },
              {
                key: 'pct',
                label: t.t('ui.inventory.used'),
                value: (f) => f.used_percent,
                render: (f) => t.percent(f.used_percent),
                numeric: true,
              },
            ]}
          />
        </section>
      )}
    />
  );
}

/** Containers of the latest snapshot. */
export function ContainersView() {
  const t = useT();
  return (
    <WithSnapshot
      body={(s) =>
        !s.containers?.available ? (
          <p className="muted">{s.containers?.reason ?? t.t('ui.popover.no_engine')}</p>
        ) : (
          <section className="card">
            <DataTable<Ctr>
              label={t.t('ui.nav.containers')}
              rows={s.containers.items}
              rowKey={(c) => c.id}
              searchText={(c) => `${c.name} ${c.image} ${c.state}`}
              columns={[
                { key: 'name', label: t.t('ui.table.name'), value: (c) => c.name },
                { key: 'image', label: t.t('ui.inventory.image'), value: (c) => c.image },
                { key: 'state', label: t.t('ui.inventory.status'), value: (c) => c.status },
                { key: 'health', label: t.t('ui.inventory.health'), value: (c) => c.health },
                {
                  key: 'restarts',
                  label: t.t('ui.inventory.restarts'),
                  value: (c) => c.restart_count,
                  numeric: true,
                },
                {
                  key: 'cpu',
                  label: t.t('ui.table.cpu'),
                  value: (c) => c.cpu_percent,
                  render: (c) => t.percent(c.cpu_percent),
                  numeric: true,
                },
                {
                  key: 'mem',
                  label: t.t('ui.table.memory'),
                  value: (c) => c.memory_bytes,
                  render: (c) => t.bytes(c.memory_bytes),
                  numeric: true,
                },
              ]}
            />
          </section>
        )
      }
    />
  );
}

/** Services of the latest snapshot, failed ones first. */
export function ServicesView() {
  const t = useT();
  const boot = (b: boolean | null) => (b === null ? '–' : t.t(b ? 'ui.inventory.yes' : 'ui.inventory.no'));
  return (
    <WithSnapshot
      body={(s) =>
        !s.services?.available ? (
          <p className="muted">{s.services?.reason ?? t.t('ui.app.not_available')}</p>
        ) : (
          <section className="card">
            <DataTable<Unit>
              label={t.t('ui.nav.services')}
              rows={s.services.units}
              rowKey={(u) => u.name}
              initialSort={{ key: 'state', dir: 'asc' }}
              searchText={(u) => `${u.name} ${u.description ?? ''} ${u.native_state}`}
              columns={[
                { key: 'name', label: t.t('ui.table.name'), value: (u) => u.name },
                { key: 'state', label: t.t('ui.table.state'), value: (u) => u.state },
                { key: 'native', label: t.t('ui.inventory.status'), value: (u) => u.native_state },
                { key: 'boot', label: t.t('ui.inventory.enabled'), value: (u) => boot(u.enabled) },
                { key: 'desc', label: t.t('ui.inventory.description'), value: (u) => u.description },
              ]}
            />
          </section>
        )
      }
    />
  );
}
