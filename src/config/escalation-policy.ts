import { defaultEscalationPolicy } from '../domain/escalation-policy.js';
import type { EscalationPolicy, EscalationStep } from '../domain/timer-policy-types.js';
import { ESCALATION_AUDIENCES, type EscalationAudience, type Severity } from '../domain/types.js';
import { parseIsoDuration } from './iso-duration.js';

/** Rows of ESCALATION_POLICY by severity; severities left out keep the default table's row. */
export type EscalationRows = Partial<Record<Severity, readonly EscalationStep[]>>;

export const ESCALATION_POLICY_EXAMPLE =
  'SEV1=exec@PT0S+senior@PT30M,SEV2=senior@PT30M+exec@PT30M,SEV3=senior@PT30M,SEV4=none';

/**
 * Parses `SEV1=exec@PT0S+senior@PT30M,…,SEV4=none`: per severity, `none` or audiences (`senior`,
 * `exec`) each with the time after opening at which they are told (`PT0S`: at once). Returns a
 * sentence saying what is wrong instead of throwing.
 */
export function parseEscalationPolicy(text: string): EscalationRows | string {
  const rows: Partial<Record<Severity, EscalationStep[]>> = {};
  for (const rule of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(SEV[1-4])=(.+)$/.exec(rule);
    const severity = match?.[1] as Severity | undefined;
    const steps = match?.[2] === undefined ? null : parseSteps(match[2].trim());
    if (!severity || steps === null)
      return `expected rules like ${ESCALATION_POLICY_EXAMPLE} (audiences senior and exec, each with an ISO-8601 time after opening, or none), got ${JSON.stringify(rule)}`;
    if (severity in rows) return `${severity} is given twice; give each severity once`;
    if (typeof steps === 'string') return `${severity}: ${steps}`;
    rows[severity] = steps;
  }
  return rows;
}

function parseSteps(text: string): EscalationStep[] | string | null {
  if (text === 'none') return [];
  const steps: EscalationStep[] = [];
  for (const part of text.split('+').map((p) => p.trim())) {
    const match = /^([a-z]+)@(.+)$/.exec(part);
    const audience = match?.[1] as EscalationAudience | undefined;
    const after = match?.[2] === undefined ? null : parseIsoDuration(match[2]);
    if (!audience || !ESCALATION_AUDIENCES.includes(audience) || after === null) return null;
    if (steps.some((step) => step.audience === audience))
      return `${audience} is named twice; name each audience once`;
    steps.push({ audience, after });
  }
  return steps;
}

/** The policy in force: the rows given, and the default table (timed by ESCALATE_AFTER) for the rest. */
export function escalationPolicyFrom(
  rows: EscalationRows | undefined,
  escalateAfter: number,
): EscalationPolicy {
  const fallback = defaultEscalationPolicy(escalateAfter);
  if (rows === undefined) return fallback;
  return { steps: { ...fallback.steps, ...rows }, setting: 'ESCALATION_POLICY' };
}
