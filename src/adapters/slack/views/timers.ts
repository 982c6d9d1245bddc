import { DateTime } from 'luxon';
import type { TimerKind, TimerSpec } from '../../../domain/index.js';
import { clipMrkdwn, inline, slackDate } from './format.js';

export const TIMER_LABELS: Readonly<Record<TimerKind, string>> = {
  'hold-end': 'Diagnosis hold ends',
  escalation: 'Escalation',
  'update-due': 'Stakeholder update due',
  'postmortem-reminder': 'Postmortem reminder',
  'follow-up-reminder': 'Follow-up reminder',
  'escalation-senior': 'Escalation to the senior engineer',
  'escalation-exec': 'Escalation to the VP of Engineering',
  'commander-nudge': 'Nudge to take command',
};

/** A timer's effect can quote a follow-up's title: cut, so one timer cannot crowd out the rest. */
const TIMER_LINE_SHOWN = 400;

export type PlacedTimer = TimerSpec & { readonly fireAt: string };

/**
 * `/incident timers`: every pending timer, soonest first, with its time in the caller's zone, how
 * far away it is, the rule that set it, what it will do and what would cancel it.
 */
export function renderTimers(timers: readonly PlacedTimer[], now: string, zone: string): string {
  if (timers.length === 0) return 'No timers are pending for this incident: nothing will fire on its own.';
  const base = DateTime.fromISO(now, { zone });
  const lines = [`*Pending timers* (times in ${zone}):`];
  for (const timer of [...timers].sort((a, b) => a.fireAt.localeCompare(b.fireAt))) {
    const fire = DateTime.fromISO(timer.fireAt, { zone });
    const shifted =
      timer.fireAt === timer.dueAt
        ? ''
        : ` (due ${localTime(timer.dueAt, zone)}; held for the recipient's working hours)`;
    lines.push(
      `*${TIMER_LABELS[timer.kind]}*: ${localTime(timer.fireAt, zone)}, ${fire.toRelative({ base }) ?? 'now'}${shifted}`,
      `    _Why_: ${inline(timer.rule, TIMER_LINE_SHOWN)}`,
      `    _Then_: ${inline(timer.effect, TIMER_LINE_SHOWN)}`,
      `    _Cancelled by_: ${inline(timer.cancelledBy, TIMER_LINE_SHOWN)}`,
    );
  }
  return clipMrkdwn(lines.join('\n'), 3000);
}

/** The header's word on what fires next (`/incident timers` has the rest). */
export function nextTimerLine(timers: readonly TimerSpec[]): string | null {
  const next = [...timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (!next) return null;
  // Only the first letter: "escalation to the VP of Engineering", not "…the vp of engineering".
  const label = TIMER_LABELS[next.kind];
  return `Next timer: ${label.charAt(0).toLowerCase()}${label.slice(1)} ${slackDate(next.dueAt)}`;
}

function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL HH:mm:ss');
}
