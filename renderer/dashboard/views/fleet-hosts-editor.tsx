// The hosts editor in Settings: add, edit and remove the fleet's remote hosts. A key is sent only when
// typed (the stored one is never shown or sent back); every field is checked here with the same rules
// the server applies, and the server's refusal is shown as it comes.
import { useEffect, useId, useState } from 'react';
import type { FleetHostInput } from '../../../shared/contract/fleet';
import { caProblem, hostNameProblem, hostUrlProblem, normalizeHostUrl } from '../../../shared/fleet/validate';
import { useApi, useCommand } from '../../app/api-context';
import { usePrefs } from '../../app/prefs-context';
import { useFleet } from './fleet-scope';

interface Row {
  id: number;
  name: string;
  url: string;
  key: string;
  ca: string;
  keyFile: string | null;
  /** The server holds a key for this host (under this name and origin). */
  stored: boolean;
  /** The name and origin the stored key was given for: a rename or a new address needs the key again. */
  origName: string | null;
  origin: string | null;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

let nextId = 1;

/** The first problem of `rows`, as a catalog key and its parameters, or null. */
function firstProblem(rows: readonly Row[]): { key: string; index: number; host: string } | null {
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const name = r.name.trim();
    const url = r.url.trim();
    const p =
      hostNameProblem(name) ??
      hostUrlProblem(url) ??
      (r.ca.trim() ? caProblem(r.ca.trim()) : null) ??
      (seen.has(name) ? 'duplicate' : null) ??
      (!r.key && !r.keyFile && !(r.stored && name === r.origName && originOf(url) === r.origin)
        ? 'key'
        : null);
    if (p) return { key: `fleet.invalid.${p}`, index: i + 1, host: name };
    seen.add(name);
  }
  return null;
}

/** The hosts editor (this machine's settings: always the local backend). */
export function FleetHostsEditor() {
  const { t } = usePrefs();
  const fleet = useFleet();
  const api = useApi();
  const client = fleet?.local ?? api.client;
  const settings = useCommand('settings:get', {});
  const ids = useId();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const hosts = settings.data?.fleet?.hosts;
    if (!hosts || rows) return;
    const known = new Map((fleet?.hosts ?? []).map((h) => [h.name, h.has_key]));
    setRows(
      hosts.map((h) => ({
        id: nextId++,
        name: h.name,
        url: h.url,
        key: '',
        ca: h.ca ?? '',
        keyFile: h.keyFile,
        stored: h.keyFile === null && (known.get(h.name) ?? true),
        origName: h.name,
        origin: originOf(h.url),
      })),
    );
  }, [settings.data, fleet?.hosts, rows]);
  if (fleet && !fleet.available) return null;
  if (!rows) return null;
  const problem = firstProblem(rows);
  const edit = (id: number, patch: Partial<Row>) =>
    setRows((rs) => (rs ?? []).map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const save = async () => {
    setBusy(true);
    const hosts: FleetHostInput[] = rows.map((r) => ({
      name: r.name.trim(),
      url: normalizeHostUrl(r.url.trim()),
      ca: r.ca.trim() || null,
      ...(r.keyFile && { keyFile: r.keyFile }),
      ...(r.key && { key: r.key }),
    }));
    try {
      const saved = await client.call('fleet:hosts:set', { hosts });
      const byName = new Map(saved.map((h) => [h.name, h]));
      setRows((rs) =>
        (rs ?? []).map((r) => ({
          ...r,
          key: '',
          stored: byName.get(r.name.trim())?.has_key ?? r.stored,
          origName: r.name.trim(),
          origin: originOf(r.url.trim()),
        })),
      );
      setNote({ text: t.t('fleet.editor.saved'), error: false });
      fleet?.reload();
    } catch (e) {
      setNote({
        text: t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stack fleet-editor" aria-labelledby={`${ids}-title`} data-testid="fleet-editor">
      <h2 id={`${ids}-title`}>{t.t('fleet.editor.title')}</h2>
      <p className="muted">{t.t('fleet.editor.help')}</p>
      {rows.map((r, i) => {
        const id = `${ids}-${r.id}`;
        const plain =
          r.url.trim().startsWith('http://') && !/^http:\/\/(127\.|localhost|\[::1\])/.test(r.url.trim());
        return (
          <fieldset key={r.id} className="fleet-editor-row" data-testid={`fleet-row-${i}`}>
            <div>
              <label htmlFor={`${id}-name`}>{t.t('fleet.editor.name')}</label>
              <input
                id={`${id}-name`}
                value={r.name}
                onChange={(e) => edit(r.id, { name: e.target.value })}
              />
            </div>
            <div>
              <label htmlFor={`${id}-url`}>{t.t('fleet.editor.url')}</label>
              <input
                id={`${id}-url`}
                type="url"
                placeholder="https://host:8780"
                value={r.url}
                onChange={(e) => edit(r.id, { url: e.target.value })}
              />
              {plain && <div className="muted">{t.t('fleet.editor.plain_http')}</div>}
            </div>
            <div>
              <label htmlFor={`${id}-key`}>{t.t('fleet.editor.key')}</label>
              <input
                id={`${id}-key`}
                type="password"
                autoComplete="off"
                placeholder={r.stored || r.keyFile ? t.t('fleet.editor.key_kept') : ''}
                value={r.key}
                onChange={(e) => edit(r.id, { key: e.target.value })}
              />
            </div>
            <div>
              <label htmlFor={`${id}-ca`}>{t.t('fleet.editor.ca')}</label>
              <textarea
                id={`${id}-ca`}
                rows={1}
                value={r.ca}
                onChange={(e) => edit(r.id, { ca: e.target.value })}
              />
            </div>
            <button
              type="button"
              onClick={() => setRows((rs) => (rs ?? []).filter((x) => x.id !== r.id))}
              aria-label={t.t('fleet.editor.remove', { host: r.name || String(i + 1) })}
            >
              ×
            </button>
          </fieldset>
        );
      })}
      <div className="row">
        <button
          type="button"
          data-testid="fleet-add"
          onClick={() =>
            setRows((rs) => [
              ...(rs ?? []),
              {
                id: nextId++,
                name: '',
                url: '',
                key: '',
                ca: '',
                keyFile: null,
                stored: false,
                origName: null,
                origin: null,
              },
            ])
          }
        >
          {t.t('fleet.editor.add')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="fleet-save"
          disabled={busy || problem !== null}
          onClick={() => void save()}
        >
          {t.t('fleet.editor.save')}
        </button>
        {problem && (
          <span className="error-text" data-testid="fleet-invalid">
            {t.t(problem.key as Parameters<typeof t.t>[0], { index: problem.index, host: problem.host })}
          </span>
        )}
        <span role="status" className={note?.error ? 'error-text' : undefined}>
          {note?.text}
        </span>
      </div>
    </section>
  );
}
