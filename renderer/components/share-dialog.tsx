// One-click S3 share: a Share button (disabled until s3.bucket is set) that opens a dialog with the
// redacted report's preview one click away, the link lifetime, and after the upload the link with a
// Copy button. Shared objects are never client-side encrypted (a link must open in a browser): the
// dialog says so. The same component runs in the tray app (IPC) and the browser (HTTP).
import { useEffect, useId, useRef, useState } from 'react';
import type { CommandResponse } from '../../shared/contract/api';
import { useApi } from '../app/api-context';
import { useStatus } from '../app/use-live';
import { usePrefs } from '../app/prefs-context';
import { formatTime, shortId } from '../lib/format';
import './share-dialog.css';

type Shared = CommandResponse<'snapshot:share'>;
const LIFETIMES = [
  ['1h', 'hours_1'],
  ['24h', 'hours_24'],
  ['7d', 'days_7'],
] as const;

/** The Share button; `snapshotRef` is an id or `latest`. */
export function ShareButton({ snapshotRef, className }: { snapshotRef: string; className?: string }) {
  const { t } = usePrefs();
  // From the status the popover watches anyway: settings:get would pull the full schemas (zod) in.
  const status = useStatus();
  const [open, setOpen] = useState(false);
  const configured = status?.share === true;
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={!configured}
        title={configured ? undefined : t.t('s3.ui.share_needs_s3')}
        data-testid="share-button"
        onClick={() => setOpen(true)}
      >
        {t.t('s3.ui.share')}
      </button>
      {open && <ShareDialog snapshotRef={snapshotRef} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The share dialog (modal): preview, lifetime, upload, link, copy. */
export function ShareDialog({ snapshotRef, onClose }: { snapshotRef: string; onClose: () => void }) {
  const { client } = useApi();
  const { t, lang } = usePrefs();
  const ids = { title: useId(), expires: useId(), link: useId(), note: useId() };
  const [expires, setExpires] = useState<string>('24h');
  const [preview, setPreview] = useState<{ url?: string; text?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shared, setShared] = useState<Shared | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const togglePreview = () => {
    if (preview) return setPreview(null);
    const url = client.reportUrl?.(snapshotRef, lang);
    if (url) return setPreview({ url });
    client
      .call('snapshot:export', { ref: snapshotRef, format: 'text', lang })
      .then((r) => setPreview({ text: r.content }), fail);
  };
  const share = () => {
    setBusy(true);
    setError(null);
    client
      .call('snapshot:share', { ref: snapshotRef, expires, lang })
      .then(setShared, fail)
      .finally(() => setBusy(false));
  };
  const copy = () => {
    if (!shared) return;
    navigator.clipboard.writeText(shared.url).then(
      () => setNote(t.t('s3.ui.copied')),
      () => setNote(t.t('s3.ui.copy_failed')),
    );
  };

  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <section
        className="card share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.note}
        data-testid="share-dialog"
      >
        <div className="row between">
          <h2 id={ids.title}>
            {t.t('s3.ui.share_title', { id: snapshotRef === 'latest' ? 'latest' : shortId(snapshotRef) })}
          </h2>
          <button type="button" ref={first} onClick={onClose}>
            {t.t('s3.ui.close')}
          </button>
        </div>
        <p id={ids.note} className="muted" data-testid="share-encryption-note">
          {t.t('s3.note.encryption_backups')}
        </p>
        <button
          type="button"
          onClick={togglePreview}
          aria-expanded={preview !== null}
          data-testid="share-preview"
        >
          {preview ? t.t('s3.ui.preview_hide') : t.t('s3.ui.preview')}
        </button>
        {preview?.url && (
          <iframe
            className="report-frame"
            src={preview.url}
            title={t.t('s3.ui.preview_title')}
            sandbox="allow-scripts"
            data-testid="share-preview-frame"
          />
        )}
        {preview?.text !== undefined && <pre className="report-text">{preview.text}</pre>}
        {!shared && (
          <div className="row">
            <label htmlFor={ids.expires}>{t.t('s3.ui.expires')}</label>
            <select id={ids.expires} value={expires} onChange={(e) => setExpires(e.target.value)}>
              {LIFETIMES.map(([v, k]) => (
                <option key={v} value={v}>
                  {t.t(`s3.ui.${k}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              onClick={share}
              disabled={busy}
              data-testid="share-send"
            >
              {busy ? t.t('s3.ui.sending') : t.t('s3.ui.send')}
            </button>
          </div>
        )}
        {shared && (
          <div className="stack" data-testid="share-result">
            <label htmlFor={ids.link}>{t.t('s3.ui.link')}</label>
            <div className="row nowrap">
              <input
                id={ids.link}
                className="grow"
                readOnly
                value={shared.url}
                onFocus={(e) => e.target.select()}
              />
              <button type="button" className="primary" onClick={copy} data-testid="share-copy">
                {t.t('s3.ui.copy')}
              </button>
            </div>
            <p className="muted">{t.t('s3.ui.valid_until', { until: formatTime(t, shared.expires_at) })}</p>
            <p className="muted">
              {t.t('s3.ui.sha256')}: <code>{shared.sha256}</code>
            </p>
          </div>
        )}
        <p role="status">{note}</p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
