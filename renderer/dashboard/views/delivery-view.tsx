// Alert delivery: each webhook or mailbox with its last success, last failure and error, the retries
// waiting, and a "send test" button. It refreshes when an alert changes state (shortly after, once
// the send had time to finish) and when the next retry is due — no polling.
import { useEffect, useState } from 'react';
import type { DeliveryTargetStatus } from '../../../shared/settings/delivery';
import { useApi, useCommand, useEvent } from '../../app/api-context';
import { useT } from '../../app/prefs-context';
import { DataTable, type Column } from '../../components/data-table';
import { formatTime } from '../../lib/format';
import './delivery-view.css';

/** How long after an alert event the records are read again (sends take a moment). */
const AFTER_EVENT_MS = 2000;

type Note = { ok: boolean; text: string } | null;

/** The delivery card of the alerts page. */
export function DeliveryView() {
  const t = useT();
  const { client } = useApi();
  const status = useCommand('delivery:status', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<Note>(null);
  const { reload } = status;

  const [bump, setBump] = useState(0);
  useEvent('alerts:changed', () => setBump((n) => n + 1));
  useEffect(() => {
    if (bump === 0) return;
    const h = setTimeout(reload, AFTER_EVENT_MS);
    return () => clearTimeout(h);
  }, [bump, reload]);

  // One timer for the earliest pending retry, so the row updates when it has run.
  const next = (status.data ?? [])
    .map((s) => s.next_retry_at)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b)[0];
  useEffect(() => {
    if (next === undefined) return;
    const h = setTimeout(reload, Math.max(1000, next - Date.now() + 1000));
    return () => clearTimeout(h);
  }, [next, reload]);

  const test = (id: string) => {
    setBusy(id);
    setNote(null);
    client
      .call('delivery:test', { target: id, lang: t.lang })
      .then(
        (rs) => {
          const r = rs[0];
          setNote(
            r?.ok
              ? { ok: true, text: t.t('delivery.ui.test_ok', { id }) }
              : { ok: false, text: t.t('delivery.ui.test_failed', { id, error: r?.error ?? '' }) },
          );
        },
        (e: unknown) =>
          setNote({
            ok: false,
            text: t.t('delivery.ui.test_failed', { id, error: e instanceof Error ? e.message : String(e) }),
          }),
      )
      .finally(() => {
        setBusy(null);
        reload();
      });
  };

  const when = (ms: number | null) => (ms === null ? t.t('delivery.ui.never') : formatTime(t, ms));
  const columns: Column<DeliveryTargetStatus>[] = [
    {
      key: 'id',
      label: t.t('delivery.ui.target'),
      value: (s) => s.id,
      render: (s) => (
        <>
          <strong>{s.id}</strong>
          <br />
          <span className="muted">
            {s.kind}
            {!s.enabled && ` · ${t.t('delivery.ui.disabled')}`}
          </span>
        </>
      ),
    },
    { key: 'destination', label: t.t('delivery.ui.destination'), value: (s) => s.destination },
    {
      key: 'last_success',
      label: t.t('delivery.ui.last_success'),
      value: (s) => s.last_success_at,
      render: (s) => when(s.last_success_at),
    },
    {
      key: 'last_failure',
      label: t.t('delivery.ui.last_failure'),
      value: (s) => s.last_failure_at,
      render: (s) => (
        <>
          {when(s.last_failure_at)}
          {s.last_error && (
            <span className="delivery-error" data-testid={`delivery-error-${s.id}`}>
              {s.last_error}
            </span>
          )}
        </>
      ),
    },
    { key: 'pending', label: t.t('delivery.ui.pending'), value: (s) => s.pending, numeric: true },
    { key: 'sent', label: t.t('delivery.ui.sent'), value: (s) => s.sent, numeric: true },
    { key: 'failed', label: t.t('delivery.ui.failed'), value: (s) => s.failed, numeric: true },
    {
      key: 'test',
      label: t.t('delivery.ui.test'),
      value: () => null,
      sortable: false,
      render: (s) => (
        <button type="button" disabled={busy !== null} onClick={() => test(s.id)}>
          {busy === s.id ? t.t('delivery.ui.testing') : t.t('delivery.ui.test')}
        </button>
      ),
    },
  ];

  return (
    <section className="card delivery-view" data-testid="delivery">
      <div className="delivery-head">
        <h2>{t.t('delivery.ui.title')}</h2>
        <button type="button" onClick={reload}>
          {t.t('delivery.ui.refresh')}
        </button>
      </div>
      {status.error ? (
        <p className="error-text">{t.t('ui.app.error', { message: status.error.message })}</p>
      ) : (status.data ?? []).length === 0 ? (
        <p className="muted">{status.loading ? '…' : t.t('delivery.ui.none')}</p>
      ) : (
        <DataTable
          columns={columns}
          rows={status.data ?? []}
          rowKey={(s) => s.id}
          label={t.t('delivery.ui.title')}
        />
      )}
      <p className={note?.ok === false ? 'error-text' : 'muted'} role="status" aria-live="polite">
        {note?.text ?? ''}
      </p>
    </section>
  );
}
