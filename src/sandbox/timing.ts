import type { Config } from '../config/config.js';

/** Milliseconds as an ISO-8601 duration the configuration accepts (`PT10S`, `PT0.5S`). */
export function isoDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms) / 1000);
  return `PT${Number(seconds.toFixed(3))}S`;
}

/**
 * The environment that runs the configured timing `speed` times faster: the diagnosis hold,
 * escalation, update cadence, postmortem deadline and nudge to take command are divided by it (a timer that is off stays
 * off). Working hours, follow-up due dates and the weekly review are calendar time and stay as they are.
 */
export function spedUpTiming(timing: Config['timing'], speed: number): Record<string, string> {
  const faster = (ms: number) => isoDuration(ms / speed);
  const cadence = Object.entries(timing.updateCadence)
    .map(([severity, ms]) => `${severity}=${faster(ms)}`)
    .join(',');
  const policy = timing.escalationPolicy;
  // A configured ESCALATION_POLICY is sped up too; the default follows the sped-up ESCALATE_AFTER.
  const escalation: Record<string, string> =
    policy.setting === 'ESCALATION_POLICY'
      ? {
          ESCALATION_POLICY: Object.entries(policy.steps)
            .map(
              ([severity, steps]) =>
                `${severity}=${steps.map((s) => `${s.audience}@${faster(s.after)}`).join('+') || 'none'}`,
            )
            .join(','),
        }
      : {};
  return {
    DIAGNOSIS_HOLD: faster(timing.diagnosisHold),
    ESCALATE_AFTER: faster(timing.escalateAfter),
    POSTMORTEM_DUE: faster(timing.postmortemDue),
    UPDATE_CADENCE: cadence,
    ...escalation,
    COMMANDER_NUDGE_AFTER: faster(timing.commanderNudgeAfter),
  };
}
