import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultSettingsCopy,
  settingsFromFlags,
} from '../../../../electron/core/config/defaults.js';
import { Settings, defaultSettings } from '../../../../shared/settings/schema.js';
import { SECTION_NAMES } from '../../../../shared/snapshot/sections.js';

// The CLI's zod-free configuration path must give exactly what the zod model gives, or decline.

describe('precomputed defaults', () => {
  it('equal Settings.parse({}) key for key, in the same order', () => {
    expect(DEFAULT_SETTINGS).toStrictEqual(Settings.parse({}));
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(JSON.stringify(defaultSettings()));
  });

  it('hand out copies a caller may change without changing the next one', () => {
    const a = defaultSettingsCopy();
    a.snapshot.only.push('cpu');
    a.store.maxCount = 1;
    expect(defaultSettingsCopy()).toStrictEqual(Settings.parse({}));
  });
});

describe('settingsFromFlags', () => {
  it('gives Settings.parse(flags) for the flags snap passes', () => {
    const flags = {
      language: 'ko',
      store: { dir: '/tmp/x' },
      snapshot: { windowSeconds: 0, topN: 5, only: ['cpu', 'memory'], skip: ['ports'] },
      redaction: { enabled: false },
    };
    expect(settingsFromFlags(flags)).toStrictEqual(Settings.parse(flags));
    expect(settingsFromFlags({})).toStrictEqual(Settings.parse({}));
    expect(settingsFromFlags({ snapshot: {} })).toStrictEqual(Settings.parse({ snapshot: {} }));
  });

  it('declines what zod rejects and what it does not know, leaving zod to word the error', () => {
    for (const flags of [
      { language: 'fr' },
      { snapshot: { windowSeconds: 61 } },
      { snapshot: { topN: 2.5 } },
      { snapshot: { only: ['cpu', 'gpu'] } },
      { store: { dir: '' } },
      { redaction: { enabled: 'no' } },
      { monitor: { intervalSeconds: 5 } },
      { snapshot: { topN: undefined } },
      { $schema: 'x' },
    ]) {
      expect(settingsFromFlags(flags), JSON.stringify(flags)).toBeNull();
    }
  });

  it('never disagrees with zod over thousands of generated flag sets', () => {
    const any = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.constantFrom(...SECTION_NAMES, 'gpu')),
    );
    const w = <T>(arb: fc.Arbitrary<T>, weight: number) => ({ arbitrary: arb, weight });
    const flags = fc.record(
      {
        language: fc.oneof(
          w(fc.constantFrom('auto', 'en', 'ko'), 4),
          w(fc.constantFrom('fr', ''), 1),
          w(any, 1),
        ),
        store: fc.oneof(
          w(
            fc.record(
              { dir: fc.oneof(w(fc.string(), 4), w(fc.constant(null), 1), w(any, 1)) },
              { requiredKeys: [] },
            ),
            6,
          ),
          w(fc.record({ maxCount: any }), 1),
          w(any, 1),
        ),
        snapshot: fc.oneof(
          w(
            fc.record(
              {
                windowSeconds: fc.oneof(
                  fc.double({ min: -1, max: 61 }),
                  fc.integer({ min: -1, max: 61 }),
                  any,
                ),
                topN: fc.oneof(fc.integer({ min: -1, max: 501 }), fc.double({ min: 0, max: 501 }), any),
                only: fc.oneof(fc.array(fc.constantFrom(...SECTION_NAMES)), any),
                skip: fc.oneof(fc.array(fc.constantFrom(...SECTION_NAMES, 'gpu')), any),
              },
              { requiredKeys: [] },
            ),
            6,
          ),
          w(any, 1),
        ),
        redaction: fc.oneof(
          w(fc.record({ enabled: fc.oneof(fc.boolean(), any) }, { requiredKeys: [] }), 6),
          w(any, 1),
        ),
      },
      { requiredKeys: [] },
    );
    const withOther = fc.oneof(
      w(flags, 8),
      w(
        fc
          .tuple(flags, fc.record({ theme: fc.constantFrom('light', 'blue') }))
          .map(([f, ui]) => ({ ...f, ui })),
        1,
      ),
    );
    let fast = 0;
    fc.assert(
      fc.property(withOther, (f) => {
        const mine = settingsFromFlags(f);
        const zod = Settings.safeParse(f);
        if (mine === null) return;
        fast++;
        expect(zod.success).toBe(true);
        expect(mine).toStrictEqual(zod.data);
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(20); // the generator does reach the fast path
  });
});
