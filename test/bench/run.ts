import { benchCommandPath } from './command-path.bench.js';
import { printTable } from './measure.js';
import { benchPostmortemDraft } from './postmortem-draft.bench.js';
import { benchTimers } from './timers.bench.js';

/**
 * `npm run bench`: prints a table of figures. Benchmarks measure; they never pass or fail, so they
 * stay out of `npm test` (timed tests flake).
 */
const rows = [...(await benchCommandPath()), ...(await benchPostmortemDraft())];
printTable(rows);
console.log('');
for (const line of await benchTimers()) console.log(line);
