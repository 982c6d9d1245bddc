import type { CommandCore, CommandOutcome } from '../../src/app/commands/command-core.js';
import { openCommand } from '../support/command-core.js';
import { POLICY } from '../support/incident-events.js';

/** The production defaults, as the benchmarks' timer policy. */
export const BENCH_POLICY = POLICY;

/** Opens bench incident number `i` through the real command path (10-minute hold, severity pending). */
export function openBenchIncident(
  core: CommandCore,
  i: number,
  now = new Date().toISOString(),
): Promise<CommandOutcome> {
  return core.open({
    teamId: 'TBENCH',
    command: openCommand(`Bench ${i}`, { actor: 'U1', now, diagnosisHold: 600_000 }),
  });
}
