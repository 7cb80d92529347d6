import { main } from './main.js';
import { processIo } from './io.js';
import { useSynchronousFs } from '../core/os/fs-async.js';

// Every command but serve runs once and exits: its file I/O goes straight to the kernel (fs-async.ts).
if (process.argv[2] !== 'serve') useSynchronousFs();
const io = processIo();
const code = await main(process.argv.slice(2), io);
// Exit as soon as output is written: a reader may leave work behind that cannot be cancelled (a DNS
// lookup for the FQDN, a hung statfs) and must not keep a finished command alive.
await io.flush();
process.exit(code);
