import { execFileSync } from 'node:child_process';

/** Builds the CLI bundle once per test run: the CLI tests run the real command, as a user would. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
