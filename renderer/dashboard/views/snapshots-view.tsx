// Snapshots: take one, list the store, view a report, download the HTML report, diff two picked ones.
// The HTML report is shown in a sandboxed iframe loaded from the URL the ApiClient gives (served with
// the report's own hash-based CSP and `sandbox`): `/report/<ref>` over HTTP, `ais-report://snapshot/<ref>`
// in the tray app (electron/main/report-protocol.ts). srcdoc or blob: would inherit this page's CSP,
// which blocks the report's inline style and script. A transport without reportUrl shows the text report.
import { useState } from 'react';
import type { SnapshotEntry } from '../../../shared/contract/api';
import { renderDiffText } from '../../../shared/diff/render-text';
import type { SnapshotDiff } from '../../../shared/diff/schema';
import { useApi, useCommand } from '../../app/api-context';
import { usePrefs } from '../../app/prefs-context';
import { DataTable } from '../../components/data-table';
import { ShareButton } from '../../components/share-dialog';
import { shortId } from '../../lib/format';

/** Picks an id for comparison: keeps at most two, the newest pick replacing the older one. */
export function togglePick(picked: readonly string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return [...picked, id].slice(-2);
}

/** Saves text as a file through a temporary blob link (a download, not a navigation: CSP allows it). */
function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Shown = { title: string; text: string; url?: undefined } | { title: string; url: string } | null;

/** The snapshots page. */
export function SnapshotsView() {
  const { client } = useApi();
  const { t, lang } = usePrefs();
  const list = useCommand('snapshot:list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [shown, setShown] = useState<Shown>(null);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const take = () => {
    setBusy(true);
    setError(null);
    client
      .call('snapshot:take', {})
      .then(() => list.reload(), fail)
      .finally(() => setBusy(false));
  };
  const view = (id: string) => {
    const url = client.reportUrl?.(id, lang);
    if (url) return setShown({ title: t.t('ui.snapshots.report', { id: shortId(id) }), url });
    return client
      .call('snapshot:export', { ref: id, format: 'text', lang })
      .then(
        (r) => setShown({ title: t.t('ui.snapshots.report', { id: shortId(id) }), text: r.content }),
        fail,
      );
  };
  const saveHtml = (id: string) =>
    client
      .call('snapshot:export', { ref: id, format: 'html', lang })
      .then((r) => download(r.filename, r.content, 'text/html'), fail);
  const diff = () => {
    // UUIDv7 ids sort by time: the older snapshot is A.
    const [a, b] = [...picked].sort();
    if (!a || !b) return;
    client.call('snapshot:diff', { a, b }).then((d) => {
      const text = renderDiffText(d as unknown as SnapshotDiff, { t, color: false });
      setShown({ title: t.t('ui.snapshots.diff_title', { a: shortId(a), b: shortId(b) }), text });
    }, fail);
  };
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="primary" onClick={take} disabled={busy} data-testid="take-snapshot">
          {busy ? t.t('ui.snapshots.taking') : t.t('ui.snapshots.take')}
        </button>
        <button type="button" onClick={diff} disabled={picked.length !== 2} data-testid="diff">
          {t.t('ui.snapshots.diff')}
        </button>
        <ShareButton snapshotRef={picked[picked.length - 1] ?? 'latest'} />
        <span className="muted">{picked.length !== 2 && t.t('ui.snapshots.diff_hint')}</span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {t.t('ui.app.error', { message: error })}
        </p>
      )}
      <section className="card">
        <h2>{t.t('ui.snapshots.list')}</h2>
        {list.data && list.data.length === 0 && <p className="muted">{t.t('ui.snapshots.empty')}</p>}
        {list.error && <p className="error-text">{t.t('ui.app.error', { message: list.error.message })}</p>}
        <DataTable<SnapshotEntry>
          label={t.t('ui.snapshots.list')}
          rows={list.data ?? []}
          rowKey={(e) => e.id}
          initialSort={{ key: 'taken', dir: 'desc' }}
          testId="snapshot-table"
          columns={[
            {
              key: 'pick',
              label: t.t('ui.snapshots.pick'),
              sortable: false,
              value: (e) => (picked.includes(e.id) ? 0 : 1),
              render: (e) => (
                <input
                  type="checkbox"
                  checked={picked.includes(e.id)}
                  aria-label={t.t('ui.snapshots.pick_label', { id: shortId(e.id) })}
                  onChange={() => setPicked((p) => togglePick(p, e.id))}
                />
              ),
            },
            {
              key: 'taken',
              label: t.t('ui.snapshots.taken_at'),
              value: (e) => e.taken_at,
              render: (e) => t.dateTime(e.taken_at),
            },
            { key: 'id', label: 'ID', value: (e) => e.id, render: (e) => <code>{shortId(e.id)}</code> },
            { key: 'host', label: t.t('ui.snapshots.host'), value: (e) => e.hostname },
            {
              key: 'size',
              label: t.t('ui.snapshots.size'),
              value: (e) => e.bytes,
              render: (e) => t.bytes(e.bytes),
              numeric: true,
            },
            { key: 'errors', label: t.t('ui.snapshots.errors'), value: (e) => e.errors, numeric: true },
            {
              key: 'actions',
              label: t.t('ui.snapshots.actions'),
              sortable: false,
              value: () => null,
              render: (e) => (
                <span className="row nowrap">
                  <button type="button" onClick={() => void view(e.id)}>
                    {t.t('ui.snapshots.view')}
                  </button>
                  <button type="button" onClick={() => void saveHtml(e.id)}>
                    {t.t('ui.snapshots.download')}
                  </button>
                </span>
              ),
            },
          ]}
        />
      </section>
      {shown && (
        <section className="card" aria-label={shown.title} data-testid="report-view">
          <div className="row between">
            <h2>{shown.title}</h2>
            <button type="button" onClick={() => setShown(null)}>
              {t.t('ui.snapshots.close')}
            </button>
          </div>
          {shown.url !== undefined ? (
            <iframe
              className="report-frame"
              src={shown.url}
              title={shown.title}
              sandbox="allow-scripts"
              data-testid="report-frame"
            />
          ) : (
            <pre className="report-text">{shown.text}</pre>
          )}
        </section>
      )}
    </div>
  );
}
