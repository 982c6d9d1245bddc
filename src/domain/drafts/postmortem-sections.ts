import type { PostmortemAnswers } from '../commands.js';

/** The blameless agenda: the four questions every postmortem meeting answers. */
export const AGENDA = [
  'What happened?',
  'Why did detection not catch it sooner?',
  'Why did the response take as long as it did?',
  'What do we change?',
] as const;

/** The agenda's answers, by the key each is recorded under. */
export const AGENDA_ANSWERS: readonly (readonly [keyof PostmortemAnswers, string])[] = [
  ['whatHappened', AGENDA[0]],
  ['whyNotDetectedSooner', AGENDA[1]],
  ['whyResponseTookSoLong', AGENDA[2]],
  ['whatWeChange', AGENDA[3]],
];

/**
 * The sections only the meeting can write: the draft asks each as a prompt, the postmortem form
 * records each answer under its key, and the final record puts the answer in the prompt's place.
 */
export const MEETING_SECTIONS = {
  rootCauses: {
    heading: 'Root causes and trigger',
    prompt: 'What was the root cause, what triggered it, and why could it happen?',
  },
  contributingFactors: {
    heading: 'Contributing factors',
    prompt: 'What made it worse, or slower to find and fix?',
  },
  wentWell: { heading: 'What went well', prompt: 'What went well, and should be kept?' },
  wentWrong: { heading: 'What went wrong', prompt: 'What went wrong, or took longer than it should have?' },
  gotLucky: {
    heading: 'Where we got lucky',
    prompt: 'Where did we get lucky: what could have made this much worse?',
  },
  runbook: { heading: 'Runbook', prompt: 'Was there a runbook, and did it help?' },
} as const satisfies Partial<Record<keyof PostmortemAnswers, { heading: string; prompt: string }>>;

export type MeetingSection = keyof typeof MEETING_SECTIONS;
