// The tray popover (~360×520): status light, CPU/memory/disk/network now with sparklines, top 5
// processes, containers, firing alerts, and the Snapshot / Share / Open dashboard buttons.
import { useState } from 'react';
import type { MouseEvent } from 'react';
import type { SnapshotEntry } from '../../shared/contract/api';
import { useApi } from '../app/api-context';
import { exportLatest, type ExportAction } from '../app/create-client';
import { useT } from '../app/prefs-context';
import { useAlerts, useSampleHistory, useStatus } from '../app/use-live';
import { Sparkline } from '../components/charts';
import { ShareButton } from '../components/share-dialog';
import { StatusLight } from '../components/status-light';
import { alertText, formatRate, shortId } from '../lib/format';
import { mainDisk, sampleValue } from '../lib/history';

interface TileProps {
  label: string;
  value: string;
  detail: string;
  values: (number | null)[];
  line: string;
  percent: boolean;
  testId: string;
}

function Tile({ label, value, detail, values, line, percent, testId }: TileProps) {
  return (
    <div className="tile card" data-testid={testId}>
      <div className="tile-head">
        <span className="tile-label">{label}</span>
        <span className="tile-value">{value}</span>
      </div>
      <Sparkline
        values={values}
        label={`${label} ${value}`}
        className={line}
        {...(percent ? { min: 0, max: 100 } : { min: 0 })}
      />
      <div className="tile-detail muted">{detail}</div>
    </div>
  );
}

/** The Snapshot button's action and its last result. */
function useTakeSnapshot() {
  const { client } = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ entry?: SnapshotEntry; error?: string } | null>(null);
  const take = () => {
    setBusy(true);
    client
      .call('snapshot:take', {})
      .then(
        (entry) => setResult({ entry }),
        (e: unknown) => setResult({ error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => setBusy(false));
  };
  return { take, busy, result };
}

/** The whole popover page. */
export function Popover() {
  const t = useT();
  const status = useStatus();
  const samples = useSampleHistory(60);
  const alerts = useAlerts();
  const snap = useTakeSnapshot();
  const { client } = useApi();
  const [exported, setExported] = useState('');
  const runExport = (action: ExportAction) =>
    void exportLatest(client, action, t).then(setExported, (e: unknown) =>
      setExported(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  const s = samples[samples.length - 1];
  const disk = mainDisk(s);
  const series = (metric: string) => samples.map((x) => sampleValue(x, metric));
  const d = s?.disks.find((x) => x.mountpoint === disk);
  const rx = s ? sampleValue(s, 'net_rx') : null;
  const tx = s ? sampleValue(s, 'net_tx') : null;
  const net = samples.map((x) => (sampleValue(x, 'net_rx') ?? 0) + (sampleValue(x, 'net_tx') ?? 0));
  const openDashboard = (e: MouseEvent) => {
    const open = window.autoinfrasnap?.openDashboard;
    if (open) {
      e.preventDefault();
      open();
    }
  };
  return (
    <main className="popover" data-sample-ts={s?.t}>
      <header className="pop-head">
        <StatusLight status={status} />
        <span className="muted host">{status?.host ?? s?.host ?? ''}</span>
      </header>
      <h2 className="sr-only">{t.t('ui.popover.now')}</h2>
      <div className="tiles">
        <Tile
          label={t.t('ui.metric.cpu')}
          value={t.percent(s?.cpu.usage_percent)}
          detail={`${t.t('ui.metric.load')} ${s?.cpu.load_1 === null || !s ? '–' : t.number(s.cpu.load_1, 2)}`}
          values={series('cpu')}
          line="line-cpu"
          percent
          testId="tile-cpu"
        />
        <Tile
          label={t.t('ui.metric.memory')}
          value={t.percent(s?.memory.used_percent)}
          detail={
            s
              ? t.t('ui.metric.of', {
                  used: t.bytes(s.memory.used_bytes),
                  total: t.bytes(s.memory.total_bytes),
                })
              : ''
          }
          values={series('memory')}
          line="line-memory"
          percent
          testId="tile-memory"
        />
        <Tile
          label={`${t.t('ui.metric.disk')} ${disk ?? ''}`}
          value={t.percent(d?.used_percent)}
          detail={
            d ? t.t('ui.metric.of', { used: t.bytes(d.used_bytes), total: t.bytes(d.total_bytes) }) : ''
          }
          values={disk ? series(`disk:${disk}`) : []}
          line="line-disk"
          percent
          testId="tile-disk"
        />
        <Tile
          label={t.t('ui.metric.network')}
          value={formatRate(t, rx === null && tx === null ? null : (rx ?? 0) + (tx ?? 0))}
          detail={t.t('ui.metric.rate_in_out', { rx: formatRate(t, rx), tx: formatRate(t, tx) })}
          values={net}
          line="line-rx"
          percent={false}
          testId="tile-network"
        />
      </div>
      <section className="pop-section">
        <h2>{t.t('ui.popover.top_processes')}</h2>
        <ol className="top-list" data-testid="top-processes">
          {[...(s?.processes.top ?? [])]
            .sort((a, b) => b.cpu_percent - a.cpu_percent)
            .slice(0, 5)
            .map((p) => (
              <li key={p.pid} title={p.command}>
                <span className="proc-name">{p.name}</span>
                <span className="num">{t.percent(p.cpu_percent)}</span>
                <span className="num muted">{t.bytes(p.rss_bytes)}</span>
              </li>
            ))}
        </ol>
      </section>
      <section className="pop-section">
        <h2>{t.t('ui.popover.containers')}</h2>
        <p className="muted" data-testid="containers">
          {s?.containers
            ? t.t('ui.popover.containers_summary', {
                running: s.containers.running,
                total: s.containers.total,
              })
            : t.t('ui.popover.no_engine')}
        </p>
      </section>
      <section className="pop-section">
        <h2>{t.t('ui.popover.alerts')}</h2>
        {alerts.active.length === 0 ? (
          <p className="muted">{t.t('ui.popover.no_alerts')}</p>
        ) : (
          <ul className="alert-list" data-testid="popover-alerts">
            {alerts.active.slice(0, 4).map((a) => (
              <li key={`${a.rule_id}/${a.subject}`} className={`sev-${a.severity}`} data-rule={a.rule_id}>
                {alertText(t, a)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="pop-actions">
        <div className="row nowrap">
          <button type="button" className="primary grow" onClick={snap.take} disabled={snap.busy}>
            {snap.busy ? t.t('ui.popover.taking') : t.t('ui.popover.snapshot')}
          </button>
          <ShareButton snapshotRef="latest" />
          <a className="button" href="/" target="_blank" rel="noreferrer" onClick={openDashboard}>
            {t.t('ui.popover.open_dashboard')}
          </a>
        </div>
        <div className="row nowrap" role="group" aria-label={t.t('tray.export.label')}>
          <button type="button" className="grow" onClick={() => runExport('save-html')}>
            {t.t('tray.export.save_html')}
          </button>
          <button type="button" className="grow" onClick={() => runExport('copy-markdown')}>
            {t.t('tray.export.copy_markdown')}
          </button>
        </div>
        <p className="snap-result" role="status" data-testid="snap-result">
          {exported}
          {snap.result?.entry &&
            t.t('ui.popover.taken', {
              id: shortId(snap.result.entry.id),
              size: t.bytes(snap.result.entry.bytes),
            })}
          {snap.result?.error && (
            <span className="error-text">{t.t('ui.app.error', { message: snap.result.error })}</span>
          )}
        </p>
      </footer>
    </main>
  );
}
