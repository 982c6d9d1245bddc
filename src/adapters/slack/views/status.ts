import type { StoredIncident } from '../../../app/ports/incident-store.js';
import { ROLES } from '../../../domain/index.js';
import { inline, slackDate, userMention } from './format.js';
import { incidentRef, ROLE_LABELS, severityLabel, statusLabel } from './labels.js';
import { ruledOutList } from './ruled-out.js';

/** Each item is shown in part: the answer is a glance, not the record. */
const TITLE_SHOWN = 300;
const ITEM_SHOWN = 300;

/** The private answer to `/incident status`: the incident at a glance. */
export function renderStatus(incident: StoredIncident): string {
  const state = incident.state;
  if (state.status === 'none') return 'This incident has no state yet.';
  const roles = ROLES.map(
    (role) => `${ROLE_LABELS[role]}: ${state.roles[role] ? userMention(state.roles[role] ?? '') : 'nobody'}`,
  ).join(' · ');
  const leading = state.hypotheses
    .filter((h) => h.status === 'confirmed' || h.status === 'testing' || h.status === 'proposed')
    .slice(0, 3);
  const open = state.actions.filter((a) => a.status === 'in_progress' || a.status === 'proposed').slice(0, 5);
  return [
    `*${incidentRef(state.number)}* ${inline(state.title, TITLE_SHOWN)}: ${statusLabel(state.status)}, severity ${severityLabel(state.severity)}, opened ${slackDate(state.openedAt, '{date_short_pretty} {time}')}`,
    roles,
    leading.length > 0
      ? `Hypotheses: ${leading.map((h) => `${inline(h.text, ITEM_SHOWN)} (${h.status.replace('_', ' ')})`).join('; ')}`
      : 'No hypotheses yet.',
    open.length > 0
      ? `Actions: ${open.map((a) => `${inline(a.text, ITEM_SHOWN)} (${userMention(a.owner)}, ${a.status.replace('_', ' ')})`).join('; ')}`
      : 'No open actions.',
    ruledOutList(state.hypotheses),
  ]
    .filter(Boolean)
    .join('\n');
}
