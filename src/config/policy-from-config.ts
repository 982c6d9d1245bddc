import type { TimerPolicy } from '../domain/index.js';
import type { Config } from './config.js';

const DAY = 24 * 3_600_000;

/** The domain's timer policy from the configuration (follow-up owners hear a day ahead). Built once, in the wiring. */
export function timerPolicyFrom(timing: Config['timing']): TimerPolicy {
  return {
    escalateAfter: timing.escalateAfter,
    postmortemDue: timing.postmortemDue,
    updateCadence: timing.updateCadence,
    followUpReminderLead: DAY,
    escalation: timing.escalationPolicy,
    commanderNudgeAfter: timing.commanderNudgeAfter,
  };
}
