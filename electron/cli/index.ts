import { main } from './main.js';
import { processIo } from './io.js';

// The process entry: run, then let pending writes flush before exiting with the code.
const code = await main(process.argv.slice(2), processIo());
process.exitCode = code;
