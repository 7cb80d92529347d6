// `npm start`: builds what is missing, then runs the tray app. Where Electron cannot start (no binary
// and none can be fetched, or no display), says so in one line and runs the headless CLI instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'dist/cli/index.js')) || !existsSync(join(root, 'out/main/index.js'))) {
  const b = run(npm, ['run', '--silent', 'build'], { shell: process.platform === 'win32' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

/** Path of the Electron binary, or null when it is not installed. */
function electronBinary() {
  const dir = join(root, 'node_modules/electron');
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

let reason = null;
let bin = electronBinary();
if (!bin && existsSync(join(root, 'node_modules/electron/install.js'))) {
  // npm 11 does not run electron's install script (it is not in allowScripts): fetch the binary now.
  const r = run(process.execPath, ['node_modules/electron/install.js'], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  bin = electronBinary();
  if (!bin) reason = `the Electron binary could not be downloaded (exit ${r.status ?? r.signal})`;
}
if (!bin && !reason) reason = 'the electron package is not installed';
if (bin && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  reason = 'no desktop display (DISPLAY/WAYLAND_DISPLAY unset)';
  bin = null;
}

if (bin) {
  const child = spawn(bin, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(
    `AutoInfraSnap: Electron cannot start here: ${reason}; serving the same dashboard headless instead (autoinfrasnap serve).`,
  );
  // The server prints its URL and where the API key is; Ctrl-C stops it.
  const child = spawn(process.execPath, ['bin/autoinfrasnap.js', 'serve', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
