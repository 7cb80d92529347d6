// Overview: live charts over 5 min / 1 h / 24 h / 7 d — metrics:history for the range, live samples on top.
import { useState } from 'react';
import type { HistoryRange, Sample } from '../../../shared/contract/sample';
import { useCommand } from '../../app/api-context';
import { usePrefs } from '../../app/prefs-context';
import { useSampleHistory } from '../../app/use-live';
import { LineChart, type Series } from '../../components/charts';
import { clockLabel, formatLoad, formatRate } from '../../lib/format';
import { RANGES, historySeries, mainDisk, mergeSeries, rangeWindow, sampleValue } from '../../lib/history';
import { FleetSection } from './fleet-section';

/** The range picker: a group of toggle buttons (aria-pressed). */
export function RangePicker({
  value,
  onChange,
}: {
  value: HistoryRange;
  onChange: (r: HistoryRange) => void;
}) {
  const { t } = usePrefs();
  return (
    <div className="row range" role="group" aria-label={t.t('ui.range.label')}>
      {RANGES.map((r) => (
        <button
          key={r}
          type="button"
          aria-pressed={r === value}
          onClick={() => onChange(r)}
          data-testid={`range-${r}`}
        >
          {t.t(`ui.range.${r}`)}
        </button>
      ))}
    </div>
  );
}

function NowStrip({ s }: { s: Sample | undefined }) {
  const { t } = usePrefs();
  if (!s) return <p className="muted">{t.t('ui.overview.no_data')}</p>;
  const items: [string, string, string][] = [
    ['cpu', t.t('ui.metric.cpu'), t.percent(s.cpu.usage_percent)],
    ['memory', t.t('ui.metric.memory'), t.percent(s.memory.used_percent)],
    ['swap', t.t('ui.metric.swap'), t.percent(s.swap.used_percent)],
    ['load', t.t('ui.metric.load'), formatLoad(t, [s.cpu.load_1, s.cpu.load_5, s.cpu.load_15])],
    ['rx', t.t('ui.metric.rx'), formatRate(t, sampleValue(s, 'net_rx'))],
    ['tx', t.t('ui.metric.tx'), formatRate(t, sampleValue(s, 'net_tx'))],
  ];
  return (
    // data-sample-ts: the `t` of the sample on screen, for scripts/bench-ui.mjs (sample → screen delay).
    <dl className="now-strip" data-sample-ts={s.t}>
      {items.map(([key, label, value]) => (
        <div key={key} className="card" data-testid={`now-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The overview page. */
export function OverviewView() {
  const { t, lang } = usePrefs();
  const [range, setRange] = useState<HistoryRange>('5m');
  const history = useCommand('metrics:history', { range });
  const live = useSampleHistory(720);
  const latest = live[live.length - 1];
  const now = latest?.t ?? Date.now();
  const { from, to } = rangeWindow(range, now);
  const points = history.data ?? [];
  const line = (metric: string, name: string, className: string): Series => ({
    name,
    className,
    points: mergeSeries(historySeries(points, metric), live, metric, range, now),
  });
  const disk = mainDisk(latest) ?? '/';
  const nic = latest?.network.find((n) => n.up && n.name !== 'lo')?.name;
  const fmtTime = (ms: number) => clockLabel(lang, ms, range === '24h' || range === '7d');
  const pct = (v: number) => `${v}%`;
  const charts = [
    {
      key: 'cpu-mem',
      title: `${t.t('ui.metric.cpu')} · ${t.t('ui.metric.memory')}`,
      series: [
        line('cpu', t.t('ui.metric.cpu'), 'line-cpu'),
        line('memory', t.t('ui.metric.memory'), 'line-memory'),
        line('swap', t.t('ui.metric.swap'), 'line-swap'),
      ],
      max: 100,
      fmt: pct,
    },
    {
      key: 'disk',
      title: `${t.t('ui.metric.disk')} ${disk}`,
      series: [line(`disk:${disk}`, disk, 'line-disk')],
      max: 100,
      fmt: pct,
    },
    {
      key: 'net',
      title: `${t.t('ui.metric.network')} ${nic ?? ''}`,
      series: [
        line(nic ? `net_rx:${nic}` : 'net_rx', t.t('ui.metric.rx'), 'line-rx'),
        line(nic ? `net_tx:${nic}` : 'net_tx', t.t('ui.metric.tx'), 'line-tx'),
      ],
      max: undefined,
      fmt: (v: number) => formatRate(t, v),
    },
  ];
  return (
    <div className="overview">
      <NowStrip s={latest} />
      <div className="row between">
        <RangePicker value={range} onChange={setRange} />
        {history.error && (
          <span className="error-text">{t.t('ui.app.error', { message: history.error.message })}</span>
        )}
      </div>
      <div className="chart-grid-layout">
        {charts.map((c) => (
          <section key={c.key} className="card" data-testid={`chart-${c.key}`}>
            <h2>{c.title}</h2>
            <LineChart
              series={c.series}
              from={from}
              to={to}
              {...(c.max !== undefined && { max: c.max })}
              label={t.t('ui.overview.chart_label', { metric: c.title, range: t.t(`ui.range.${range}`) })}
              formatValue={c.fmt}
              formatTime={fmtTime}
            />
          </section>
        ))}
      </div>
      <FleetSection />
    </div>
  );
}
