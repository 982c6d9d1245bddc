/**
 * How long each piece of text people type may be, in characters. The domain enforces these, so a
 * payload that bypasses Slack's client-side `max_length` (or a slash command, which has none) is
 * refused with a sentence instead of breaking every message that shows it. The Slack views use the
 * same numbers for their inputs' `max_length`.
 */
export const TEXT_LIMITS = {
  title: 150,
  service: 80,
  hypothesis: 500,
  evidence: 1_000,
  action: 500,
  outcome: 1_000,
  reason: 500,
  note: 2_000,
  decisionWhat: 500,
  decisionWhy: 1_000,
  wouldChangeOurMind: 1_000,
  summary: 1_000,
  update: 2_500,
  expectedResolution: 200,
  answer: 3_000,
  followUpTitle: 200,
  /** A captured Slack message is kept, cut to this length, rather than refused: nobody typed it for us. */
  capturedText: 3_000,
} as const;

/** The text fields the domain bounds; a rejection names the one it is about. */
export type TextField = keyof typeof TEXT_LIMITS;

/** Cuts text to at most `max` characters, marking the cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
