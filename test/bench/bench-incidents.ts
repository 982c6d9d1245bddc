import type { CommandCore, CommandOutcome } from '../../src/app/commands/command-core.js';
import type { TimerPolicy } from '../../src/domain/index.js';

/** The production defaults, as the benchmarks' timer policy. */
export const BENCH_POLICY: TimerPolicy = {
  escalateAfter: 30 * 60_000,
  postmortemDue: 48 * 3_600_000,
  updateCadence: { SEV1: 30 * 60_000, SEV2: 60 * 60_000, SEV3: 0, SEV4: 0 },
  followUpReminderLead: 24 * 3_600_000,
};

/** Opens bench incident number `i` through the real command path (10-minute hold, severity pending). */
export function openBenchIncident(
  core: CommandCore,
  i: number,
  now = new Date().toISOString(),
): Promise<CommandOutcome> {
  return core.open({
    teamId: 'TBENCH',
    command: {
      type: 'OpenIncident',
      actor: 'U1',
      now,
      title: `Bench ${i}`,
      service: null,
      severity: null,
      private: false,
      drill: false,
      diagnosisHold: 600_000,
    },
  });
}
