import type { Severity } from './types.js';

/**
 * The triage questions asked when an incident is opened without a severity. Answered the same
 * way, they always give the same severity: the argument happens once, here, not at 3 a.m.
 */
export interface TriageAnswers {
  /** How many customers feel it: none, some (a region, a feature, a minority), or most. */
  readonly customerImpact: 'none' | 'some' | 'most';
  /** Is a critical path down: sign-in, checkout, payments, data writes? */
  readonly criticalPathDown: boolean;
  /** Is customer data lost, exposed, or at risk of being so (including security incidents)? */
  readonly dataAtRisk: boolean;
  /** Can affected customers get their job done another way? */
  readonly workaroundExists: boolean;
}

export interface TriageQuestion {
  readonly id: keyof TriageAnswers;
  readonly question: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/** The questions in the order a modal shows them. */
export const TRIAGE_QUESTIONS: readonly TriageQuestion[] = [
  {
    id: 'customerImpact',
    question: 'How many customers are affected?',
    options: [
      { value: 'none', label: 'None that we know of' },
      { value: 'some', label: 'Some (a region, a feature, a minority)' },
      { value: 'most', label: 'Most or all' },
    ],
  },
  {
    id: 'criticalPathDown',
    question: 'Is a critical path down (sign-in, checkout, payments, data writes)?',
    options: YES_NO,
  },
  { id: 'dataAtRisk', question: 'Is customer data lost, exposed or at risk?', options: YES_NO },
  { id: 'workaroundExists', question: 'Can affected customers work around it?', options: YES_NO },
];

/**
 * The mapping, from most to least severe:
 * - SEV1 critical outage: data at risk, or most customers affected on a critical path.
 * - SEV2 major: most customers affected, or some customers on a critical path with no workaround.
 * - SEV3 minor: some customers affected.
 * - SEV4 anomaly: no known customer impact.
 */
export function severityFromTriage(answers: TriageAnswers): Severity {
  if (answers.dataAtRisk) return 'SEV1';
  if (answers.customerImpact === 'most' && answers.criticalPathDown) return 'SEV1';
  if (answers.customerImpact === 'most') return 'SEV2';
  if (answers.customerImpact === 'some' && answers.criticalPathDown && !answers.workaroundExists)
    return 'SEV2';
  if (answers.customerImpact === 'some') return 'SEV3';
  return 'SEV4';
}
