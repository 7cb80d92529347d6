// The composite GitHub Action (action.yml) and the CI guide (docs/ci.md): the YAML parses and has
// what GitHub requires, and the action's check script really runs against the built CLI.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

describe('action.yml', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    expect(action.runs.using).toBe('composite');
    for (const input of ['rules', 'baseline', 'strict', 'format', 'node-version']) {
      expect(action.inputs[input]?.description, input).toBeTruthy();
      expect(typeof action.inputs[input]?.default, input).toBe('string');
    }
    for (const out of ['passed', 'failed', 'report', 'snapshot'])
      expect(action.outputs[out]?.value).toBe(`\${{ steps.check.outputs.${out} }}`);
  });

  it('sets up Node, gives every script step a shell, and splices no expression into a script', () => {
    expect(action.runs.steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    for (const s of action.runs.steps.filter((x) => x.run !== undefined)) {
      expect(s.shell, s.name).toBe('bash');
      expect(s.run, s.name).not.toContain('${{');
    }
    expect(checkStep.run).toContain('--format github');
    expect(checkStep.run).toContain('GITHUB_STEP_SUMMARY');
    expect(checkStep.env).toMatchObject({ INPUT_RULES: '${{ inputs.rules }}' });
  });
});

describe('docs/ci.md', () => {
  const md = readFileSync(join(root, 'docs/ci.md'), 'utf8');
  const blocks = [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map(
    (m) => load(m[1]!) as Record<string, unknown>,
  );

  it('has a GitHub workflow that gates a deploy and uploads the reports, and a GitLab job', () => {
    const gh = blocks.find((b) => 'jobs' in b) as { jobs: { deploy: { steps: Step[] } } };
    const steps = gh.jobs.deploy.steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    for (const cmd of [
      'snap',
      'baseline create',
      'diff before.json after.json --format markdown',
      'check',
      'show latest --format html',
    ])
      expect(runs).toContain(`autoinfrasnap ${cmd}`);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
    const gl = blocks.find((b) => 'deploy' in b && !('jobs' in b)) as {
      deploy: { script: string[]; artifacts: { reports: { junit: string } } };
    };
    expect(gl.deploy.artifacts.reports.junit).toBe('check.xml');
    expect(gl.deploy.script.join('\n')).toContain('--format junit -o check.xml');
  });
});

describe.skipIf(process.platform === 'win32')('the action check script', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ais-action-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function runStep(inputs: Record<string, string>, name: string) {
    const out = join(dir, `${name}.out`);
    const summary = join(dir, `${name}.md`);
    writeFileSync(out, '');
    writeFileSync(summary, '');
    const env = {
      ...process.env,
      NO_COLOR: '1',
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      RUNNER_TEMP: join(dir, name),
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      AIS_BIN: join(root, 'bin/autoinfrasnap.js'),
      INPUT_RULES: '',
      INPUT_BASELINE: '',
      INPUT_STRICT: 'false',
      INPUT_FORMAT: 'junit',
      ...inputs,
    };
    type Run = { code: number | null; stdout: string; stderr: string; outputs: string; summary: string };
    return new Promise<Run>((resolve) => {
      const child = spawn('bash', ['-c', checkStep.run!], {
        env,
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) =>
        resolve({
          code,
          stdout,
          stderr,
          outputs: readFileSync(out, 'utf8'),
          summary: readFileSync(summary, 'utf8'),
        }),
      );
    });
  }

  it('passes, writes the summary table and the outputs', async () => {
    const r = await runStep(
      { INPUT_RULES: '# memory first\n  memory.used_percent < 100\n\nmemory.used_percent >= 0\n' },
      'pass',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::group::autoinfrasnap check: all 2 rules passed$/m);
    expect(r.summary).toContain('### ✅ autoinfrasnap check: all 2 rules passed');
    expect(r.outputs).toContain('passed=2\nfailed=0\n');
    expect(r.outputs).toMatch(/^report=.*check\.xml$/m);
    expect(r.outputs).toMatch(/^snapshot=.*snapshot\.json$/m);
  }, 60_000);

  it('fails the step with an annotation when a rule fails, and exits 2 on a bad rule', async () => {
    const r = await runStep({ INPUT_RULES: 'memory.used_percent < 0', INPUT_FORMAT: 'none' }, 'fail');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=memory\.used_percent < 0::\d+(\.\d+)? is not < 0$/m);
    expect(r.outputs).toContain('failed=1');
    expect(r.summary).toContain('❌');
    const bad = await runStep({ INPUT_RULES: 'memory.used_percent <' }, 'bad');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rule 1 "memory.used_percent <": expected a value');
  }, 60_000);
});
