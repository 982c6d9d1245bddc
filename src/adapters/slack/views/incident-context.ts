import type { KnownBlock } from '@slack/types';
import type { BrokeBefore, IncidentContext } from '../../../app/incident-context.js';
import { inline, mrkdwnSection } from './format.js';
import { incidentRef } from './labels.js';

/** How many earlier incidents are named; the postmortem form lists them all. */
const BROKE_BEFORE_SHOWN = 3;
const CAUSE_SHOWN = 200;

/**
 * A runbook link as a link. The address was checked when it was recorded (https, no spaces or
 * angle brackets or bars), so it cannot break out of `<…|…>`; `&` is written as Slack expects.
 */
export const runbookLink = (url: string): string => `<${url.replace(/&/g, '&amp;')}|${inline(url, 200)}>`;

/** "INC-31, 45 days ago: cause …; follow-up 2 still open". */
export function brokeBeforeLine(before: BrokeBefore): string {
  const when =
    before.daysBefore === 0
      ? 'earlier the same day'
      : `${before.daysBefore} day${before.daysBefore === 1 ? '' : 's'} ago`;
  const cause = before.cause ? `cause: ${inline(before.cause, CAUSE_SHOWN)}` : 'no cause recorded';
  const open = before.openFollowUps;
  const followUps =
    open === null
      ? 'its postmortem is not recorded yet'
      : open.length === 0
        ? 'its follow-ups are closed'
        : `follow-up${open.length === 1 ? '' : 's'} ${open.join(open.length === 2 ? ' and ' : ', ')} still open`;
  return `${incidentRef(before.number)}, ${when}: ${cause}; ${followUps}`;
}

/** The header's and the hold-end message's lines about the service: its runbook, and what broke before. */
export function incidentContextBlocks(context: IncidentContext, service: string | null): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (context.runbook)
    blocks.push({
      ...mrkdwnSection(
        `:book: *Runbook for ${inline(context.runbook.service, 80)}*: ${runbookLink(context.runbook.url)}`,
      ),
      block_id: 'runbook',
    });
  const before = context.brokeBefore;
  if (before.length > 0) {
    const lines = before.slice(0, BROKE_BEFORE_SHOWN).map((b) => `• ${brokeBeforeLine(b)}`);
    if (before.length > BROKE_BEFORE_SHOWN) lines.push(`• …and ${before.length - BROKE_BEFORE_SHOWN} more`);
    blocks.push({
      ...mrkdwnSection(
        `:repeat: *${inline(service ?? 'This service', 80)} broke before* in the last 90 days. Check whether it is the same failure, and what was promised then:\n${lines.join('\n')}`,
      ),
      block_id: 'broke-before',
    });
  }
  return blocks;
}
