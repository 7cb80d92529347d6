#!/usr/bin/env node
// The installed command: checks the Node version, then runs the bundled CLI.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`autoinfrasnap: Node ${process.versions.node} is too old; install Node 20.19 or newer`);
  process.exit(2);
}
const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('autoinfrasnap: the CLI is not built yet; run: npm run build:cli');
  process.exit(70);
}
await import(entry.href);
