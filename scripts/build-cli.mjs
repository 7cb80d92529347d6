// Bundles the headless CLI (electron/cli) for plain Node ≥ 20: one small entry chunk for --help and
// --version, and one lazily imported chunk per command, so the fast path parses as little as possible.
// Heavy or native-backed dependencies stay external and load only when a reader needs them.
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { build, transform } from 'esbuild';

// zod re-exports ~50 locale catalogs from its namespace, so no bundler can drop them; the CLI only
// ever uses English messages (ours are translated separately), and parsing them costs every start-up.
const zodLocales = join(dirname(createRequire(import.meta.url).resolve('zod/package.json')), 'v4/locales');
const englishOnlyZod = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(join('zod', 'v4')) ? { path: 'zod-locales', namespace: 'ais' } : undefined,
    );
    b.onLoad({ filter: /^zod-locales$/, namespace: 'ais' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(join(zodLocales, 'en.js'))};`,
      loader: 'js',
      resolveDir: zodLocales,
    }));
  },
};

const root = new URL('..', import.meta.url).pathname;
// The CLI validates reader output against the committed JSON Schema (generated from zod, drift-tested)
// instead of zod itself: snapshot/validate.js → validate-json.js (see docs/performance.md).
const jsonSchemaValidation = {
  name: 'json-schema-validation',
  setup(b) {
    b.onResolve({ filter: /^\.\/validate\.js$/ }, (args) =>
      args.importer.endsWith(join('electron', 'core', 'snapshot', 'build.ts'))
        ? { path: join(dirname(args.importer), 'validate-json.ts') }
        : undefined,
    );
  },
};

// Large data as JSON.parse of a string instead of object literals: V8 parses JSON much faster than it
// runs the bytecode of a literal, and the code cache then holds one string instead of that bytecode
// (https://v8.dev/blog/cost-of-javascript-2019#json). For the snap bundle: the English catalogs (data
// only; the build fails if one ever holds something JSON cannot) and the committed JSON Schema.
const dataAsJson = {
  name: 'data-as-json',
  setup(b) {
    const literal = (value, file) => {
      const json = JSON.stringify(value);
      if (JSON.stringify(JSON.parse(json)) !== json || !isPlainData(value))
        throw new Error(`${file}: not plain JSON data, cannot be inlined as JSON.parse`);
      return `JSON.parse(${JSON.stringify(json)})`;
    };
    b.onLoad({ filter: /[\\/]shared[\\/]i18n[\\/]locales[\\/]en[\\/][a-z]+\.ts$/ }, async (args) => {
      if (args.path.endsWith(`${join('en', 'index.ts')}`)) return undefined;
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'ts', format: 'cjs' });
      const mod = { exports: {} };
      new Function('module', 'exports', code)(mod, mod.exports);
      const lines = Object.entries(mod.exports).map(
        ([name, value]) => `export const ${name} = ${literal(value, args.path)};`,
      );
      return { contents: lines.join('\n'), loader: 'js' };
    });
    b.onLoad({ filter: /\.schema\.json$/ }, async (args) => ({
      contents: `export default ${literal(JSON.parse(await readFile(args.path, 'utf8')), args.path)};`,
      loader: 'js',
    }));
  },
};

/** True for what JSON round-trips exactly: null, booleans, finite numbers, strings, arrays, plain objects. */
function isPlainData(v) {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isPlainData);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.values(v).every(isPlainData);
  return false;
}

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
// AIS_CLI_OUTDIR builds elsewhere (a private tree for benchmarks while tests rebuild dist/cli).
const target = join(root, process.env.AIS_CLI_OUTDIR ?? 'dist/cli');
// Built beside the target and swapped in whole: test runs build at the same time here, and a CLI
// started from one tree must never meet a half-deleted or half-written one.
const outdir = `${target}.tmp-${process.pid}`;
await rm(outdir, { recursive: true, force: true });
await removeLeftovers(target);
const result = await build({
  entryPoints: { index: 'electron/cli/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: process.env.AIS_NO_MINIFY !== '1',
  legalComments: 'none',
  metafile: true,
  external: ['dockerode', 'systeminformation', '@aws-sdk/*', 'electron'],
  define: { __AIS_VERSION__: JSON.stringify(pkg.version) },
  plugins: [jsonSchemaValidation, englishOnlyZod],
  logLevel: 'warning',
});

// The `snap` fast path: the same CLI as one CommonJS file holding only what `snap` can reach (the
// other commands are stubbed out), which the launcher compiles through node:vm with a V8 code cache.
// Node 20 has no compile cache for ES modules, and compiling ~450 KB on every start is a third of what
// `snap` costs beyond Node's own start. Named by content hash, so a cache can never meet other code.
const notInSnap = {
  name: 'snap-only',
  setup(b) {
    b.onResolve({ filter: /^ais-snap-entry$/ }, () => ({ path: 'ais-snap-entry', namespace: 'ais' }));
    b.onLoad({ filter: /^ais-snap-entry$/, namespace: 'ais' }, () => ({
      contents: [
        "import { main } from './electron/cli/main.ts';",
        "import { processIo } from './electron/cli/io.ts';",
        "import { useSynchronousFs } from './electron/core/os/fs-async.ts';",
        '/** Runs the CLI with argv (a `snap` command line) and resolves to its exit code once output is written. */',
        'export async function run(argv) {',
        '  useSynchronousFs(); // a one-shot process: see fs-async.ts',
        '  const io = processIo({ direct: true });',
        '  const code = await main(argv, io);',
        '  await io.flush();',
        '  return code;',
        '}',
      ].join('\n'),
      loader: 'ts',
      resolveDir: root,
    }));
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
      args.path === './commands/snap.js' || !args.importer.endsWith(join('electron', 'cli', 'main.ts'))
        ? undefined
        : { path: args.path, namespace: 'ais-stub' },
    );
    b.onLoad({ filter: /.*/, namespace: 'ais-stub' }, (args) => ({
      contents: `export async function run() { throw new Error(${JSON.stringify(`${args.path} is not in the snap bundle`)}); }`,
      loader: 'js',
    }));
  },
};
/** A CommonJS file the snap bundle requires on demand, named `<kind>-<content hash>.cjs`. */
async function onDemandFile(kind, options) {
  const out = await build({
    ...options,
    write: false,
    outfile: `${kind}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    charset: 'ascii',
    minify: process.env.AIS_NO_MINIFY !== '1',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].contents;
  return { code, name: `${kind}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs` };
}

// Korean messages in the snap bundle: a file of their own, required on the first Korean lookup, so an
// English run never evaluates them (shared/i18n reads a catalog only when it looks a message up).
const { code: koCode, name: koName } = await onDemandFile('i18n-ko', {
  entryPoints: ['shared/i18n/locales/ko/index.ts'],
});
const koOnDemand = {
  name: 'ko-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/locales\/ko\/index\.js$/ }, (args) =>
      args.importer.endsWith(join('shared', 'i18n', 'index.ts'))
        ? { path: 'ais-ko', namespace: 'ais' }
        : undefined,
    );
    b.onLoad({ filter: /^ais-ko$/, namespace: 'ais' }, () => ({
      // A stand-in with the catalog's shape that loads the real one on first use (require resolves
      // beside the bundle: the launcher runs it with createRequire(bundle)).
      contents: [
        'let c;',
        `const load = () => (c ??= require(${JSON.stringify(`./${koName}`)}).ko);`,
        'export const ko = new Proxy({}, {',
        '  get: (_, k) => load()[k],',
        '  has: (_, k) => k in load(),',
        '  ownKeys: () => Reflect.ownKeys(load()),',
        '  getOwnPropertyDescriptor: (_, k) => {',
        '    const d = Object.getOwnPropertyDescriptor(load(), k);',
        '    return d && { ...d, configurable: true };',
        '  },',
        '});',
      ].join('\n'),
      loader: 'js',
    }));
    b.onResolve({ filter: new RegExp(`^\\./${koName.replace(/\./g, '\\.')}$`) }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};
// zod in a file of its own beside the snap bundle, required when a module that builds a zod schema
// is first initialised (a config file, a bad setting): with zod inside the bundle, the namespace
// objects esbuild emits for it (hundreds of getters) are built on every start, zod used or not.
const { code: zodCode, name: zodName } = await onDemandFile('zod', {
  stdin: { contents: "export * from 'zod';", resolveDir: root, loader: 'js' },
  plugins: [englishOnlyZod],
});
const zodOnDemand = {
  name: 'zod-on-demand',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: `./${zodName}`, external: true }));
  },
};
const fast = await build({
  entryPoints: ['ais-snap-entry'],
  write: false,
  outfile: 'snap.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() of an external becomes require(): code compiled by node:vm has no ES module loader.
  supported: { 'dynamic-import': false },
  charset: 'ascii',
  minify: process.env.AIS_NO_MINIFY !== '1',
  legalComments: 'none',
  metafile: true,
  external: ['dockerode', 'systeminformation', '@aws-sdk/*', 'electron'],
  define: { __AIS_VERSION__: JSON.stringify(pkg.version) },
  plugins: [notInSnap, koOnDemand, zodOnDemand, dataAsJson, jsonSchemaValidation],
  logLevel: 'warning',
});
const code = fast.outputFiles[0].contents;
// bin/autoinfrasnap.js reads these files as latin1 (faster than UTF-8, and one-byte strings for V8).
// charset ascii escapes every string; only the comments an unminified debug build keeps may not be.
for (const [file, bytes] of [
  ['snap', code],
  ['zod', zodCode],
  ['Korean', koCode],
])
  if (process.env.AIS_NO_MINIFY !== '1' && bytes.some((byte) => byte > 0x7f))
    throw new Error(`the ${file} file of the snap fast path must be ASCII (charset: ascii)`);
const fastName = `snap-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`;
await writeFile(join(outdir, fastName), code);
await writeFile(join(outdir, koName), koCode);
await writeFile(join(outdir, zodName), zodCode);
await writeFile(join(outdir, 'fast-path.json'), `${JSON.stringify({ snap: fastName })}\n`);

await swapInto(outdir, target);

// AIS_METAFILE=path keeps esbuild's metafile for `npx esbuild --analyze`-style inspection of the chunk graph.
if (process.env.AIS_METAFILE) {
  await writeFile(process.env.AIS_METAFILE, JSON.stringify(result.metafile));
  await writeFile(
    process.env.AIS_METAFILE.replace(/(\.json)?$/, '.snap.json'),
    JSON.stringify(fast.metafile),
  );
}
const out = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const total = out.reduce((n, [, o]) => n + o.bytes, 0);
console.log(
  `build:cli: ${out.length} files, ${(total / 1024).toFixed(0)} KiB in ${relative(root, target)}; snap fast path ${fastName} ${(code.length / 1024).toFixed(0)} KiB (+ on demand: ${zodName} ${(zodCode.length / 1024).toFixed(0)} KiB, ${koName} ${(koCode.length / 1024).toFixed(0)} KiB)`,
);

/** Renames the finished tree onto `target`, moving aside whatever tree is there (another build's). */
async function swapInto(staging, dest) {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(staging, dest);
      return;
    } catch (e) {
      if (!['ENOTEMPTY', 'EEXIST', 'EPERM'].includes(e.code) || attempt >= 20) throw e;
    }
    const old = `${dest}.old-${process.pid}-${attempt}`;
    await rename(dest, old).catch((e) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rm(old, { recursive: true, force: true });
  }
}

/** Trees moved aside by earlier builds, and staging trees of builds that died (older than 10 min). */
async function removeLeftovers(dest) {
  const dir = dirname(dest);
  const name = `${dest.slice(dir.length + 1)}.`;
  const entries = await readdir(dir).catch(() => []);
  for (const e of entries.filter((f) => f.startsWith(name))) {
    const path = join(dir, e);
    const old =
      e.includes('.old-') ||
      Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs > 600_000;
    if (old) await rm(path, { recursive: true, force: true });
  }
}
