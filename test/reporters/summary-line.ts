import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader understands. */
export default class SummaryLine implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const n = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') n[state]++;
      }
      if (m.state() === 'failed' && m.children.size === 0) n.failed++; // a file that failed to load
    }
    console.log(`\n${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`);
  }
}
