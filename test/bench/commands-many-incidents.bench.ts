import { withBenchDatabase } from './bench-database.js';
import { commandThroughput } from './command-load.js';
import type { Row } from './report.js';

/** Commands per second spread over 200 incidents: little contention, the write path's own cost. */
export const benchManyIncidents = (): Promise<Row[]> =>
  withBenchDatabase(async (database) => [await commandThroughput(database, 200)]);
