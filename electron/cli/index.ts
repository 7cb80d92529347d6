import { main } from './main.js';
import { processIo } from './io.js';

const code = await main(process.argv.slice(2), processIo());
// Exit as soon as output is flushed: a reader may leave work behind that cannot be cancelled (a DNS
// lookup for the FQDN, a hung statfs) and must not keep a finished command alive.
let pending = 2;
const done = (): void => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', done);
process.stderr.write('', done);
