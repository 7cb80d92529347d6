// `npm run schema`: writes shared/snapshot/snapshot.schema.json from the zod model (via the built CLI,
// so it is exactly what `autoinfrasnap schema` prints). A test fails when the committed file drifts.
import { spawnSync } from 'node:child_process';

const opts = { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname };
for (const args of [
  ['scripts/build-cli.mjs'],
  ['bin/autoinfrasnap.js', 'schema', '-o', 'shared/snapshot/snapshot.schema.json'],
]) {
  const r = spawnSync(process.execPath, args, opts);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
