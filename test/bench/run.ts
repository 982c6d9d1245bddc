import { fileURLToPath } from 'node:url';
import { benchAckLatency } from './ack-latency.bench.js';
import { benchHotIncident } from './commands-hot-incident.bench.js';
import { benchManyIncidents } from './commands-many-incidents.bench.js';
import { benchHeaderRoundTrips } from './header-round-trips.bench.js';
import { benchIncidentLoad } from './incident-load.bench.js';
import { benchOpenBurst } from './open-burst.bench.js';
import { benchPostmortemDraft } from './postmortem-draft.bench.js';
import { machine, type Row, renderTable, writeResults } from './report.js';
import { benchRss } from './rss.bench.js';
import { benchSev1Calls } from './sev1-calls.bench.js';
import { benchTimerLateness } from './timer-lateness.bench.js';

/**
 * `npm run bench`: every figure beside its floor from the same run, as one table, printed and
 * written to test/bench/RESULTS.md. Benchmarks measure; they never pass or fail a build, so they
 * stay out of `npm test` (timed tests flake). `npm run bench -- <name>…` runs only those figures.
 */
const FIGURES: Record<string, () => Promise<Row[]>> = {
  ack: benchAckLatency,
  hot: benchHotIncident,
  spread: benchManyIncidents,
  burst: benchOpenBurst,
  load: benchIncidentLoad,
  timers: benchTimerLateness,
  trips: benchHeaderRoundTrips,
  sev1: benchSev1Calls,
  rss: benchRss,
  postmortem: benchPostmortemDraft,
};

const chosen = process.argv.slice(2);
const names = chosen.length > 0 ? chosen : Object.keys(FIGURES);
const rows: Row[] = [];
const started = performance.now();
for (const name of names) {
  const figure = FIGURES[name];
  if (!figure) throw new Error(`unknown figure "${name}"; known: ${Object.keys(FIGURES).join(', ')}`);
  const t0 = performance.now();
  rows.push(...(await figure()));
  console.error(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const table = renderTable(
  rows,
  `${machine()} · whole run ${((performance.now() - started) / 60_000).toFixed(1)} min`,
);
console.log(table);
// A partial run prints its rows but leaves the committed results of the last full run alone.
if (chosen.length === 0) await writeResults(fileURLToPath(new URL('RESULTS.md', import.meta.url)), table);
