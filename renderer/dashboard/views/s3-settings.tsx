// Settings → S3: the bucket and upload options (settings:set), "Test connection" with the exact problem
// in the user's language, the credentials (typed-in keys go to the keychain and are never shown again;
// the Linux basic_text fallback is warned about), and the pending uploads list.
import { useEffect, useId, useState } from 'react';
import type { CommandResponse } from '../../../shared/contract/api';
import type { MessageKey } from '../../../shared/i18n/index';
import type { Settings } from '../../../shared/settings/schema';
import { SSE_MODES, STORAGE_CLASSES } from '../../../shared/settings/s3';
import { useApi, useCommand } from '../../app/api-context';
import { usePrefs } from '../../app/prefs-context';
import { formatTime, parseNumber, shortId } from '../../lib/format';
import '../../components/share-dialog.css';

type Form = {
  bucket: string;
  prefix: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  sse: (typeof SSE_MODES)[number];
  kmsKeyId: string;
  storageClass: (typeof STORAGE_CLASSES)[number];
  shareHours: string;
  everyHours: string;
  onAlert: boolean;
  encrypt: boolean;
};

/** The form's values from settings. */
export function s3Form(s: Settings): Form {
  return {
    bucket: s.s3.bucket ?? '',
    prefix: s.s3.prefix,
    region: s.s3.region,
    endpoint: s.s3.endpoint ?? '',
    forcePathStyle: s.s3.forcePathStyle,
    sse: s.s3.sse,
    kmsKeyId: s.s3.kmsKeyId ?? '',
    storageClass: s.s3.storageClass,
    shareHours: String(s.s3.shareExpiresHours),
    everyHours: String(s.backup.everyHours),
    onAlert: s.backup.onAlert,
    encrypt: s.backup.encrypt,
  };
}

/** The settings patch a form makes, or null when a value is out of range. */
export function s3Patch(f: Form): Record<string, unknown> | null {
  const share = parseNumber(f.shareHours);
  const every = parseNumber(f.everyHours);
  const bucket = f.bucket.trim();
  if (bucket !== '' && (bucket.length < 3 || bucket.length > 63)) return null;
  if (share === null || share <= 0 || share > 168 || every === null || every < 0 || every > 720) return null;
  return {
    s3: {
      bucket: bucket || null,
      prefix: f.prefix.trim().replace(/^\/+|\/+$/g, ''),
      region: f.region.trim() || 'us-east-1',
      endpoint: f.endpoint.trim() || null,
      forcePathStyle: f.forcePathStyle,
      sse: f.sse,
      kmsKeyId: f.kmsKeyId.trim() || null,
      storageClass: f.storageClass,
      shareExpiresHours: share,
    },
    backup: { everyHours: every, onAlert: f.onAlert, encrypt: f.encrypt },
  };
}

/** The S3 settings card. */
export function S3Settings({ settings, reload }: { settings: Settings | undefined; reload: () => void }) {
  const { client } = useApi();
  const { t } = usePrefs();
  const id = useId();
  const [form, setForm] = useState<Form | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [test, setTest] = useState<CommandResponse<'s3:test'> | 'busy' | null>(null);
  useEffect(() => {
    if (settings) setForm(s3Form(settings));
  }, [settings]);
  if (!form) return null;
  const patch = s3Patch(form);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const text = (k: keyof Form) => (e: { target: { value: string } }) => set(k, e.target.value as never);
  const save = () =>
    patch &&
    client.call('settings:set', { settings: patch }).then(
      () => {
        setNote(t.t('ui.settings.saved'));
        reload();
      },
      (e: unknown) => setNote(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  const runTest = () => {
    setTest('busy');
    client.call('s3:test', {}).then(setTest, (e: unknown) =>
      setTest({
        ok: false,
        problem: 'other',
        key: '',
        params: {},
        message: e instanceof Error ? e.message : String(e),
      }),
    );
  };
  const testLine =
    test && test !== 'busy' ? (test.key ? t.t(test.key as MessageKey, test.params) : test.message) : null;
  const field = (k: keyof Form, label: string, extra: Record<string, unknown> = {}) => (
    <>
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input id={`${id}-${k}`} value={String(form[k])} onChange={text(k)} {...extra} />
    </>
  );
  const check = (k: 'forcePathStyle' | 'onAlert' | 'encrypt', label: string) => (
    <>
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input id={`${id}-${k}`} type="checkbox" checked={form[k]} onChange={(e) => set(k, e.target.checked)} />
    </>
  );
  return (
    <section className="card form" aria-labelledby={`${id}-h`} data-testid="s3-settings">
      <h2 id={`${id}-h`} className="form-title">
        {t.t('s3.ui.settings_title')}
      </h2>
      {field('bucket', t.t('s3.ui.bucket'), { 'data-testid': 's3-bucket', spellCheck: false })}
      {field('prefix', t.t('s3.ui.prefix'), { spellCheck: false })}
      {field('region', t.t('s3.ui.region'), { spellCheck: false })}
      {field('endpoint', t.t('s3.ui.endpoint'), {
        type: 'url',
        spellCheck: false,
        'aria-describedby': `${id}-ep`,
      })}
      <span />
      <span className="muted" id={`${id}-ep`}>
        {t.t('s3.ui.endpoint_hint')}
      </span>
      {check('forcePathStyle', t.t('s3.ui.path_style'))}
      <label htmlFor={`${id}-sse`}>{t.t('s3.ui.sse')}</label>
      <select id={`${id}-sse`} value={form.sse} onChange={text('sse')}>
        {SSE_MODES.map((m) => (
          <option key={m} value={m}>
            {m === 'none' ? t.t('s3.ui.sse_none') : m}
          </option>
        ))}
      </select>
      {form.sse === 'aws:kms' && field('kmsKeyId', t.t('s3.ui.kms_key'), { spellCheck: false })}
      <label htmlFor={`${id}-sc`}>{t.t('s3.ui.storage_class')}</label>
      <select id={`${id}-sc`} value={form.storageClass} onChange={text('storageClass')}>
        {STORAGE_CLASSES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {field('shareHours', t.t('s3.ui.share_hours'), { type: 'number', min: 1, max: 168 })}
      {field('everyHours', t.t('s3.ui.backup_every'), { type: 'number', min: 0, max: 720 })}
      {check('onAlert', t.t('s3.ui.backup_on_alert'))}
      {check('encrypt', t.t('s3.ui.backup_encrypt'))}
      <span />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!patch}
          onClick={() => void save()}
          data-testid="s3-save"
        >
          {t.t('s3.ui.save')}
        </button>
        <button
          type="button"
          onClick={runTest}
          disabled={test === 'busy' || !settings?.s3.bucket}
          data-testid="s3-test"
        >
          {test === 'busy' ? t.t('s3.ui.testing') : t.t('s3.ui.test')}
        </button>
        <span role="status">{note}</span>
        {!patch && <span className="error-text">{t.t('s3.ui.invalid')}</span>}
      </div>
      <span />
      <p
        role="status"
        data-testid="s3-test-result"
        className={test && test !== 'busy' ? (test.ok ? '' : 'error-text') : 'muted'}
      >
        {testLine}
      </p>
      <Credentials />
      <PendingUploads />
    </section>
  );
}

/** Where the keys come from, and the write-only form for typed-in keys. */
function Credentials() {
  const { client } = useApi();
  const { t } = usePrefs();
  const id = useId();
  const status = useCommand('s3:credentials:get', {});
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const store = (keys: { accessKeyId: string; secretAccessKey: string } | null) =>
    client.call('s3:credentials:set', { keys }).then(
      () => {
        setSecret('');
        setNote(keys ? t.t('s3.ui.keys_stored') : null);
        status.reload();
      },
      (e: unknown) => setNote(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  const s = status.data;
  return (
    <>
      <h3 className="form-title">{t.t('s3.ui.credentials')}</h3>
      <span />
      <p data-testid="s3-credentials-source">
        {s && t.t(`s3.ui.source_${s.source}`)}
        {s?.access_key_id && <code> {s.access_key_id}</code>}
      </p>
      {s?.weak && (
        <>
          <span />
          <p className="s3-warning" role="alert" data-testid="s3-weak-warning">
            {t.t('s3.credentials.basic_text')}
          </p>
        </>
      )}
      <label htmlFor={`${id}-k`}>{t.t('s3.ui.access_key')}</label>
      <input
        id={`${id}-k`}
        value={keyId}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setKeyId(e.target.value)}
      />
      <label htmlFor={`${id}-s`}>{t.t('s3.ui.secret_key')}</label>
      <input
        id={`${id}-s`}
        type="password"
        value={secret}
        autoComplete="new-password"
        onChange={(e) => setSecret(e.target.value)}
      />
      <span />
      <div className="row">
        <button
          type="button"
          disabled={!keyId.trim() || !secret}
          onClick={() => void store({ accessKeyId: keyId.trim(), secretAccessKey: secret })}
        >
          {t.t('s3.ui.store_keys')}
        </button>
        {s?.stored && (
          <button type="button" onClick={() => void store(null)}>
            {t.t('s3.ui.forget_keys')}
          </button>
        )}
        <span role="status">{note}</span>
      </div>
    </>
  );
}

/** Uploads waiting for a retry, with why and when. */
function PendingUploads() {
  const { t } = usePrefs();
  const uploads = useCommand('uploads:list', {});
  const rows = uploads.data?.pending ?? [];
  return (
    <>
      <h3 className="form-title">{t.t('s3.ui.pending')}</h3>
      {rows.length === 0 ? (
        <>
          <span />
          <p className="muted" data-testid="s3-pending-none">
            {t.t('s3.ui.pending_none')}
          </p>
        </>
      ) : (
        <table className="form-title" data-testid="s3-pending">
          <thead>
            <tr>
              <th scope="col">{t.t('s3.ui.col_id')}</th>
              <th scope="col">{t.t('s3.ui.col_reason')}</th>
              <th scope="col">{t.t('s3.ui.col_attempts')}</th>
              <th scope="col">{t.t('s3.ui.col_next')}</th>
              <th scope="col">{t.t('s3.ui.col_error')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <code>{shortId(r.id)}</code>
                </td>
                <td>{t.t(`s3.ui.reason_${r.reason}`)}</td>
                <td>{r.attempts}</td>
                <td>{r.next_at ? formatTime(t, r.next_at) : '–'}</td>
                <td>{r.last_error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
