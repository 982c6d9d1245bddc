import type { Hypothesis } from '../../../domain/index.js';
import { inline } from './format.js';

/** How many ruled-out hypotheses the compact line names before counting the rest. */
const NAMED = 2;
/** How much of each the compact line shows: a glance, not the record. */
const NAME_SHOWN = 60;
/** How much of each hypothesis and its evidence the full list shows. */
const TEXT_SHOWN = 150;
const EVIDENCE_SHOWN = 200;
/** The full list stays a message, not a wall: the rest are counted. */
const LISTED = 7;

export const ruledOutOf = (hypotheses: readonly Hypothesis[]): Hypothesis[] =>
  hypotheses.filter((h) => h.status === 'ruled_out');

/**
 * What was ruled out, at a glance (the header): "Ruled out: DNS, cache config (+2 more)". Each
 * name escaped and clipped; empty when nothing was ruled out.
 */
export function ruledOutCompact(hypotheses: readonly Hypothesis[]): string {
  const ruledOut = ruledOutOf(hypotheses);
  if (ruledOut.length === 0) return '';
  const named = ruledOut.slice(0, NAMED).map((h) => inline(h.text, NAME_SHOWN));
  const more = ruledOut.length > NAMED ? ` (+${ruledOut.length - NAMED} more)` : '';
  return `Ruled out: ${named.join(', ')}${more}`;
}

/**
 * What was ruled out, in full (`/incident status`, the hold-end summary, escalation messages):
 * one bullet per hypothesis with the evidence that ruled it out, so whoever joins late does not
 * test it again. Empty when nothing was ruled out.
 */
export function ruledOutList(hypotheses: readonly Hypothesis[]): string {
  const ruledOut = ruledOutOf(hypotheses);
  if (ruledOut.length === 0) return '';
  const lines = ruledOut.slice(0, LISTED).map((h) => {
    const evidence = h.evidence?.trim()
      ? `: ${inline(h.evidence, EVIDENCE_SHOWN)}`
      : ' _(no evidence recorded)_';
    return `• ${inline(h.text, TEXT_SHOWN)}${evidence}`;
  });
  if (ruledOut.length > LISTED) lines.push(`• …and ${ruledOut.length - LISTED} more on the timeline`);
  return `*Ruled out* (${ruledOut.length}):\n${lines.join('\n')}`;
}
