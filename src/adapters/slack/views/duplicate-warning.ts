import type { Opening } from '../../../app/commands/recent-duplicates.js';
import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { DUPLICATE_WINDOW_MS, humanDuration, sameService } from '../../../domain/index.js';
import { channelMention, inline, slackDate } from './format.js';
import { incidentRef } from './labels.js';

/** How many possible duplicates a warning names; the rest are counted. */
const LISTED = 3;
const TITLE_SHOWN = 100;

/**
 * The possible duplicates of an incident being opened, each with why it looks like one: its
 * number, title and channel, when it opened, and whether the service is the same.
 */
export function possibleDuplicatesLine(recent: readonly StoredIncident[], opening: Opening): string {
  const items = recent.slice(0, LISTED).map((i) => {
    if (i.state.status === 'none') return `*${incidentRef(i.number)}*`;
    const where = i.channelId ? ` in ${channelMention(i.channelId)}` : '';
    const service = sameService(i.state.service, opening.service) ? ', same service' : '';
    return `*${incidentRef(i.number)}* “${inline(i.state.title, TITLE_SHOWN)}”${where} (opened ${slackDate(i.state.openedAt, '{date_short_pretty} at {time}')}${service})`;
  });
  const more = recent.length > LISTED ? `, and ${recent.length - LISTED} more` : '';
  return `${items.join('; ')}${more}`;
}

/** Shown on the triage form before it opens a second incident: nothing is opened yet. */
export function duplicateWarningBeforeOpening(recent: readonly StoredIncident[], opening: Opening): string {
  return `:warning: This may already be open: ${possibleDuplicatesLine(recent, opening)}. Similar titles and the same service within the last ${humanDuration(DUPLICATE_WINDOW_MS)} count. If it is the same problem, join it there. If this is different, press *Open anyway*.`;
}

/** Said with the answer to `/incident open <title>`: the incident is open; the person decides. */
export function duplicateWarningAfterOpening(recent: readonly StoredIncident[], opening: Opening): string {
  return `:warning: This may be the same problem as ${possibleDuplicatesLine(recent, opening)}. If it is, join it there and resolve this one as a duplicate; if not, carry on here.`;
}
