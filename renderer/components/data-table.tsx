// A sortable (click or Enter on a header button) and optionally searchable table, used by every list.
import { useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/prefs-context';
import { ariaSort, nextSort, searchRows, sortRows, type SortDir, type SortState } from '../lib/table';

/** One column: its header, the value it sorts by and how a cell renders. */
export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
  /** False for columns of controls: a plain header, no sort button. */
  sortable?: boolean;
  /** Direction of the first click (numbers start high-to-low). */
  firstDir?: SortDir;
}

/** Props of a data table. */
export interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  label: string;
  initialSort?: SortState<string>;
  /** When given, a search box filters rows on this text. */
  searchText?: (row: T) => string;
  testId?: string;
}

/** A table with sortable headers (buttons, aria-sort) and an optional search box with a row count. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, label, searchText, testId } = props;
  const t = useT();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState<string>>(
    props.initialSort ?? { key: columns[0]?.key ?? '', dir: 'asc' },
  );
  const shown = useMemo(() => {
    const found = searchText ? searchRows(rows, query, searchText) : rows;
    const col = columns.find((c) => c.key === sort.key);
    return col ? sortRows(found, sort, (r) => col.value(r)) : [...found];
  }, [rows, query, sort, columns, searchText]);
  return (
    <div className="table-block" data-testid={testId}>
      {searchText && (
        <div className="table-tools">
          <label htmlFor={searchId}>{t.t('ui.table.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t.t('ui.table.search_placeholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="muted" aria-live="polite">
            {t.t('ui.table.count', { shown: shown.length, total: rows.length })}
          </span>
        </div>
      )}
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              {columns.map((c) =>
                c.sortable === false ? (
                  <th key={c.key} scope="col" className="plain">
                    {c.label}
                  </th>
                ) : (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={ariaSort(sort, c.key)}
                    className={c.numeric ? 'num' : undefined}
                  >
                    <button
                      type="button"
                      className="sort"
                      title={t.t('ui.table.sort_by', { column: c.label })}
                      onClick={() =>
                        setSort((s) => nextSort(s, c.key, c.firstDir ?? (c.numeric ? 'desc' : 'asc')))
                      }
                    >
                      {c.label}
                      <span aria-hidden="true" className="sort-mark">
                        {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(r) : (c.value(r) ?? '–')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted empty">{t.t('ui.table.empty')}</p>}
      </div>
    </div>
  );
}
