import type { OpenedIncident } from '../state.js';
import type { TriageAnswers } from '../triage.js';
import type { Severity } from '../types.js';
import { capitalise, clipWords } from './draft-words.js';

const SERVICE_SHOWN = 80;

/** What the severity means to someone outside engineering, when triage gave nothing better. */
function severityWords(severity: Severity): string {
  switch (severity) {
    case 'SEV1':
      return 'a critical outage';
    case 'SEV2':
      return 'a major disruption';
    case 'SEV3':
      return 'a partial disruption';
    case 'SEV4':
      return 'a minor issue';
  }
}

type Tense = 'present' | 'past';

/**
 * Who feels the incident and how, from the triage answers: "Some customers cannot use checkout;
 * there is no workaround yet." Without triage it falls back to the service and the severity, and
 * it never claims more than was answered (no percentages, no named features).
 */
export function impactNow(state: OpenedIncident): string {
  return state.triage ? fromTriage(state, state.triage, 'present') : fromSeverity(state, 'present');
}

/** The same, in the past tense, for the final update: "some customers could not use checkout…". */
export function impactThen(state: OpenedIncident): string {
  return state.triage ? fromTriage(state, state.triage, 'past') : fromSeverity(state, 'past');
}

function fromTriage(state: OpenedIncident, triage: TriageAnswers, tense: Tense): string {
  const service = state.service ? clipWords(state.service, SERVICE_SHOWN) : null;
  const now = tense === 'present';
  const risk = triage.dataAtRisk
    ? now
      ? ' Customer data may be at risk.'
      : ' Customer data may have been at risk.'
    : '';
  if (triage.customerImpact === 'none') {
    const what = service ?? 'our service';
    return now
      ? `${capitalise(what)} is not working as it should, but we know of no customers affected so far.${risk}`
      : `${what} did not work as it should; we know of no customers who were affected.${risk}`;
  }
  const who = triage.customerImpact === 'most' ? 'most customers' : 'some customers';
  const task = service ?? 'an essential task, such as signing in or paying';
  const what = triage.criticalPathDown
    ? now
      ? `cannot ${service ? 'use' : 'complete'} ${task}`
      : `could not ${service ? 'use' : 'complete'} ${task}`
    : `${now ? 'are having' : 'had'} problems with ${service ?? 'our service'}`;
  const workaround = triage.workaroundExists
    ? now
      ? '; they can work around it for now'
      : ', though they could work around it'
    : now
      ? '; there is no workaround yet'
      : ', and there was no workaround';
  const sentence = `${who} ${what}${workaround}.${risk}`;
  return now ? capitalise(sentence) : sentence;
}

function fromSeverity(state: OpenedIncident, tense: Tense): string {
  const service = state.service ? clipWords(state.service, SERVICE_SHOWN) : null;
  if (tense === 'past') {
    const what = state.severity === 'pending' ? 'was disrupted' : `had ${severityWords(state.severity)}`;
    return service ? `${service} ${what}.` : `our service ${what}.`;
  }
  const how =
    state.severity === 'pending'
      ? 'We are still assessing how serious it is.'
      : `We are treating it as ${severityWords(state.severity)}.`;
  return service
    ? `${capitalise(service)} is affected. ${how}`
    : `We are still establishing exactly what is affected. ${how}`;
}
