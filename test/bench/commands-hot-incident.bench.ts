import { withBenchDatabase } from './bench-database.js';
import { commandThroughput } from './command-load.js';
import type { Row } from './report.js';

/** Commands per second on one hot incident, every command contending for its row lock. */
export const benchHotIncident = (): Promise<Row[]> =>
  withBenchDatabase(async (database) => [await commandThroughput(database, 1)]);
