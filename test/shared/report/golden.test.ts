// Golden files: the text, Markdown and HTML reports of one fixed rich snapshot, in English and Korean,
// compared byte for byte. After an intended change, regenerate them with `UPDATE_GOLDEN=1 npx vitest run
// test/shared/report` and review the diff like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, createTranslator } from '../../../shared/i18n/index.js';
import { renderSnapshot, type SnapshotFormat } from '../../../shared/report/index.js';
import { richSnapshot } from './rich-snapshot.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'report');
const update = process.env.UPDATE_GOLDEN === '1';
const EXT: Partial<Record<SnapshotFormat, string>> = { text: 'txt', markdown: 'md', html: 'html' };

describe.each(LANGUAGES)('report goldens (%s)', (lang) => {
  const t = createTranslator(lang);
  it.each(Object.keys(EXT) as SnapshotFormat[])('%s matches its golden file', async (format) => {
    const out = await renderSnapshot(richSnapshot(), format, { t, color: false });
    const file = join(dir, `report.${lang}.${EXT[format]}`);
    if (update || !existsSync(file)) {
      if (!update && process.env.CI)
        throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 and commit it`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, out);
    }
    expect(out).toBe(readFileSync(file, 'utf8'));
  });
});
