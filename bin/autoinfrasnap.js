#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: require() is how it loads */
// The installed command: checks the Node version, then runs the bundled CLI.
// CommonJS (bin/package.json says so), not an ES module: an ES entry point starts Node's ES module
// loader, ~6-10 ms before the first line runs, which `snap` does not need. Builtins come through
// require() for the same reason (an ES import of node:fs also builds its facade, loading streams).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`autoinfrasnap: Node ${process.versions.node} is too old; install Node 20.19 or newer`);
  process.exit(2);
}
// Plain paths, not URL objects: ~1 ms less on every start.
const dist = join(__dirname, '..', 'dist', 'cli');

const argv = process.argv.slice(2);
// NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns every code cache off.
const useCache = !process.env.NODE_DISABLE_COMPILE_CACHE;
// The fast path's files loaded so far, and which of its requires are its own on-demand files.
const loaded = new Map();
const ON_DEMAND = /^\.\/((?:zod|i18n-ko)-[0-9a-f]{16}\.cjs)$/;
if (argv[0] !== 'snap' || !runSnapFastPath()) {
  const entry = join(dist, 'index.js');
  if (!existsSync(entry)) {
    console.error('autoinfrasnap: the CLI is not built yet; run: npm run build:cli');
    process.exit(70);
  }
  // Node ≥ 22.1 caches compiled ES modules itself; point it at our cache folder.
  const { enableCompileCache } = require('node:module');
  if (useCache && typeof enableCompileCache === 'function') {
    try {
      enableCompileCache(join(cacheBase(), 'node-compile-cache'));
    } catch {
      // Only a speed-up.
    }
  }
  // The other commands are ES modules: import() runs them (and starts the ES loader only for them).
  import(require('node:url').pathToFileURL(entry).href).catch((err) => {
    console.error(err);
    process.exit(70);
  });
}

/**
 * `snap` runs from one CommonJS bundle compiled through node:vm with a V8 code cache (Node 20 has no
 * compile cache for ES modules; from 22.1 module.enableCompileCache would do for the module graph).
 * The files it requires on demand (zod, the Korean catalog) load the same way. The cache is only
 * ever an accelerator: if anything about it is off, the code compiles as usual.
 * Returns false when there is no fast-path bundle (the regular module graph runs instead).
 */
function runSnapFastPath() {
  let name;
  try {
    name = JSON.parse(readFileSync(join(dist, 'fast-path.json'), 'utf8')).snap;
  } catch {
    return false;
  }
  if (typeof name !== 'string' || !/^snap-[0-9a-f]{16}\.cjs$/.test(name)) return false;
  let exports;
  try {
    exports = loadCached(name);
  } catch (err) {
    if (err && err.code === 'ENOENT') return false; // mid-rebuild: the module graph says what is missing
    throw err;
  }
  // As dist/cli/index.js: exit once output is written (run waits for that), whatever a reader left
  // pending (a DNS lookup).
  void exports.run(argv).then((code) => process.exit(code));
  return true;
}

/** Runs one of the fast path's CommonJS files (in dist/cli) through node:vm with its code cache. */
function loadCached(name) {
  if (loaded.has(name)) return loaded.get(name).exports;
  const file = join(dist, name);
  // The build checks these files are ASCII (esbuild escapes the rest): latin1 reads them without
  // UTF-8 decoding, into the one-byte strings V8 scans fastest.
  const source = readFileSync(file, 'latin1');
  const cache = useCache ? codeCache(name) : { read: () => undefined, write: () => {} };
  const cachedData = cache.read();
  const vm = require('node:vm');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  // Written at exit, after the run, so the cache also holds the functions compiled lazily during it.
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => cache.write(script));
  const mod = { exports: {} };
  loaded.set(name, mod);
  const base = require('node:module').createRequire(file);
  const req = Object.assign((id) => {
    const m = ON_DEMAND.exec(id);
    return m ? loadCached(m[1]) : base(id);
  }, base);
  script.runInThisContext()(mod.exports, req, mod, file, dist);
  return mod.exports;
}

/**
 * The code cache of one bundle for this Node version and architecture, in the user's cache folder
 * (XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%). A cache holds compiled code, so one that another
 * user could have written is never read: the folder is created 0700, the file written 0600 and
 * renamed into place, and a file not owned by this user or writable by others is ignored.
 */
function codeCache(bundle) {
  const {
    chmodSync,
    mkdirSync,
    readdirSync,
    renameSync,
    rmSync,
    statSync,
    writeFileSync,
  } = require('node:fs');
  let dir;
  try {
    dir = join(cacheBase(), 'code-cache');
  } catch {
    dir = null;
  }
  const file = dir && join(dir, `${bundle}.${process.version}.${process.arch}.v8`);
  const trusted = (st) =>
    process.platform === 'win32' || (st.uid === process.getuid() && (st.mode & 0o022) === 0 && st.isFile());
  return {
    read() {
      if (!file) return undefined;
      try {
        return trusted(statSync(file)) ? readFileSync(file) : undefined;
      } catch {
        return undefined;
      }
    },
    write(script) {
      if (!file) return;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (process.platform !== 'win32') chmodSync(dir, 0o700);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, file);
        // Caches of older builds and Node versions are dead weight: keep only this one of its kind
        // (snap-, zod-, i18n-ko-).
        const kind = bundle.slice(0, bundle.lastIndexOf('-') + 1);
        for (const f of readdirSync(dir))
          if (
            f.startsWith(kind) &&
            f.endsWith('.v8') &&
            f !== `${bundle}.${process.version}.${process.arch}.v8`
          )
            rmSync(join(dir, f), { force: true });
      } catch {
        // A read-only or full home only costs the speed-up.
      }
    },
  };
}

/** autoinfrasnap's folder in the user's cache folder (XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%). */
function cacheBase() {
  const { homedir } = require('node:os');
  const env = process.env;
  const base =
    process.platform === 'win32'
      ? env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'autoinfrasnap');
}
