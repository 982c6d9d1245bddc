import { benchCommandPath } from './command-path.bench.js';
import { printTable } from './measure.js';
import { benchTimers } from './timers.bench.js';

/**
 * `npm run bench`: prints a table of figures. Benchmarks measure; they never pass or fail, so they
 * stay out of `npm test` (timed tests flake).
 */
const rows = [...(await benchCommandPath())];
printTable(rows);
console.log('');
for (const line of await benchTimers()) console.log(line);
