import type { IncidentEscalated } from './events.js';
import { humanDuration } from './human-duration.js';
import type { ActiveIncident, Escalation, OpenedIncident } from './state.js';
import type { EscalationPolicy, EscalationStep, TimerPolicy, TimerSpec } from './timer-policy-types.js';
import {
  addMilliseconds,
  ESCALATION_AUDIENCES,
  type EscalationAudience,
  isBefore,
  type Severity,
} from './types.js';

/**
 * The default table, timed by ESCALATE_AFTER (so deployments from before the policy keep their
 * figure): SEV1 tells the VP at once and pages the senior engineer later; SEV2 both, later; SEV3
 * the senior engineer only; SEV4 nobody. A zero ESCALATE_AFTER turns escalation off altogether.
 */
export function defaultEscalationPolicy(escalateAfter: number): EscalationPolicy {
  const steps = (...list: EscalationStep[]) => (escalateAfter > 0 ? list : []);
  const senior = { audience: 'senior', after: escalateAfter } as const;
  const exec = { audience: 'exec', after: escalateAfter } as const;
  return {
    steps: {
      SEV1: steps({ audience: 'exec', after: 0 }, senior),
      SEV2: steps(senior, exec),
      SEV3: steps(senior),
      SEV4: [],
    },
    setting: 'ESCALATE_AFTER',
  };
}

export const escalationPolicyOf = (policy: TimerPolicy): EscalationPolicy =>
  policy.escalation ?? defaultEscalationPolicy(policy.escalateAfter);

/** Until triage says otherwise, an unclassified incident escalates as a SEV2: treat it as serious. */
export const escalationSeverity = (severity: OpenedIncident['severity']): Severity =>
  severity === 'pending' ? 'SEV2' : severity;

/** The policy's steps for the incident's severity now. */
export const escalationSteps = (state: OpenedIncident, policy: TimerPolicy): readonly EscalationStep[] =>
  escalationPolicyOf(policy).steps[escalationSeverity(state.severity)];

/** Audiences told since escalation was last armed (the opening or the last reopening). */
export function audiencesTold(state: OpenedIncident): Set<EscalationAudience> {
  const told = new Set<EscalationAudience>();
  for (const escalation of state.escalations)
    if (!isBefore(escalation.at, state.escalationArmedAt))
      for (const audience of escalation.audiences) told.add(audience);
  return told;
}

/** Whom a person's `/incident escalate` tells: the policy's audiences, or everyone when it names nobody. */
export function manualAudiences(
  state: OpenedIncident,
  policy: TimerPolicy,
): { audiences: EscalationAudience[]; beyondPolicy: boolean } {
  const named = new Set(escalationSteps(state, policy).map((step) => step.audience));
  if (named.size === 0) return { audiences: [...ESCALATION_AUDIENCES], beyondPolicy: true };
  return { audiences: ESCALATION_AUDIENCES.filter((a) => named.has(a)), beyondPolicy: false };
}

/** An escalation as the state keeps it; events from before the policy told both, with no reason. */
export function escalationOf(event: IncidentEscalated): Escalation {
  return {
    at: event.at,
    by: event.by,
    audiences: event.audiences ?? [...ESCALATION_AUDIENCES],
    reason: event.reason ?? null,
    beyondPolicy: event.beyondPolicy ?? false,
  };
}

export const AUDIENCE_NAMES: Readonly<Record<EscalationAudience, string>> = {
  senior: 'the senior engineer',
  exec: 'the VP of Engineering',
};

const DOES: Readonly<Record<EscalationAudience, string>> = {
  senior: 'page the senior engineer',
  exec: 'tell the VP of Engineering',
};

const EFFECT: Readonly<Record<EscalationAudience, string>> = {
  senior:
    'Invites the senior engineer (ESCALATION_SENIOR) into the channel and pages them with what is known and what is asked of them.',
  exec: 'Sends the VP of Engineering (ESCALATION_EXEC) a plain summary by direct message, saying what is asked of them.',
};

/**
 * One timer per audience the policy names for the severity and nobody has told yet. Re-derived
 * from the state after every change: a new severity brings its own row of the table, and
 * `/incident escalate` tells audiences whose timers then fall away.
 */
export function escalationTimers(state: ActiveIncident, policy: TimerPolicy): TimerSpec[] {
  const { setting } = escalationPolicyOf(policy);
  const policyName =
    setting === 'ESCALATE_AFTER'
      ? 'The default escalation policy (timed by ESCALATE_AFTER)'
      : `The escalation policy (${setting})`;
  const told = audiencesTold(state);
  const severity =
    state.severity === 'pending' ? 'an unclassified incident (treated as SEV2)' : `a ${state.severity}`;
  const since = state.escalationArmedAt === state.openedAt ? 'opening' : 'the reopening';
  return escalationSteps(state, policy)
    .filter((step) => !told.has(step.audience))
    .map((step) => ({
      kind: step.audience === 'senior' ? 'escalation-senior' : 'escalation-exec',
      key: `escalation-${step.audience}`,
      dueAt: addMilliseconds(state.escalationArmedAt, step.after),
      rule: `${policyName} for ${severity}: ${DOES[step.audience]} ${when(step.after, since)}.`,
      effect: state.drill
        ? `Drill: sends the commander, labelled as a drill, what ${AUDIENCE_NAMES[step.audience]} would get; nobody else hears.`
        : EFFECT[step.audience],
      cancelledBy: `Resolving the incident, a change to a severity whose policy does not ${DOES[step.audience]}, or escalating by hand now (the \`escalate\` subcommand).`,
      delivery: 'any-hour',
      recipient: null,
      followUp: null,
    }));
}

function when(after: number, since: string): string {
  return after === 0 ? `at once on ${since}` : `when still unresolved ${humanDuration(after)} after ${since}`;
}
