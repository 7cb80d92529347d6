// Bundles the headless CLI (electron/cli) for plain Node ≥ 20: one small entry chunk for --help and
// --version, and one lazily imported chunk per command, so the fast path parses as little as possible.
// Heavy or native-backed dependencies stay external and load only when a reader needs them.
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

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

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
const result = await build({
  entryPoints: { index: 'electron/cli/index.ts' },
  outdir: 'dist/cli',
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
  plugins: [englishOnlyZod],
  logLevel: 'warning',
});
const out = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const total = out.reduce((n, [, o]) => n + o.bytes, 0);
console.log(`build:cli: ${out.length} files, ${(total / 1024).toFixed(0)} KiB in dist/cli`);
