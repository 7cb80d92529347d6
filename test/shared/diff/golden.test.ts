import { describe, expect, it } from 'vitest';
import { diffSnapshots, renderDiff, type DiffFormat } from '../../../shared/diff/index.js';
import { createTranslator, LANGUAGES } from '../../../shared/i18n/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { container, snap } from './fixtures.js';
import { expectGolden, normaliseTimes } from './golden.js';
import { scenarioA, scenarioB } from './scenario.js';

const EXT: Record<Exclude<DiffFormat, 'json'>, string> = { text: 'txt', markdown: 'md', html: 'html' };

/** Two hosts, a section neither could read and an engine that went away: the warnings and notes. */
function partialPair(): [Snapshot, Snapshot] {
  const a = snap({ id: '0196b7c4-8f3a-7cde-9abc-0123456789ab', taken_at: '2026-11-26T12:00:00.000Z' });
  a.containers!.items = [container('web')];
  const b = snap({ id: '0196b7c4-9000-7cde-9abc-0123456789ab', taken_at: '2026-11-26T12:00:42.000Z' });
  b.host = { ...b.host!, hostname: 'db-1' };
  b.containers = { ...b.containers!, available: false, reason: 'no engine', engine: null };
  delete a.users;
  delete b.users;
  a.services = { ...a.services!, available: false, reason: 'no systemd' };
  return [a, b];
}

const PAIRS: Record<string, () => [Snapshot, Snapshot]> = {
  scenario: () => [scenarioA(), scenarioB()],
  same: () => [scenarioA(), scenarioA()],
  partial: partialPair,
};

describe('diff golden files', () => {
  for (const [name, pair] of Object.entries(PAIRS)) {
    const diff = diffSnapshots(...pair());
    for (const lang of LANGUAGES) {
      const t = createTranslator(lang);
      for (const [format, ext] of Object.entries(EXT) as [keyof typeof EXT, string][]) {
        it(`${name}: ${format} in ${lang}`, () => {
          const out = renderDiff(diff, format, { t, color: false });
          expectGolden(`${name}.${lang}.${ext}`, normaliseTimes(out, diff, t));
        });
      }
    }
    it(`${name}: json (the same in every language)`, () => {
      const en = renderDiff(diff, 'json', { t: createTranslator('en'), color: true });
      expect(renderDiff(diff, 'json', { t: createTranslator('ko'), color: false })).toBe(en);
      expectGolden(`${name}.json`, en);
    });
  }

  it('scenario: coloured text in both languages', () => {
    const diff = diffSnapshots(scenarioA(), scenarioB());
    for (const lang of LANGUAGES) {
      const t = createTranslator(lang);
      const out = renderDiff(diff, 'text', { t, color: true });
      expectGolden(`scenario.${lang}.color.txt`, normaliseTimes(out, diff, t));
    }
  });

  it('keeps the input snapshots beside the goldens, for the CLI test and for review', () => {
    expectGolden('scenario-a.json', `${JSON.stringify(scenarioA(), null, 2)}\n`);
    expectGolden('scenario-b.json', `${JSON.stringify(scenarioB(), null, 2)}\n`);
  });
});
