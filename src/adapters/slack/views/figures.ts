import type { KnownBlock } from '@slack/types';
import {
  FIGURE_DEFINITIONS,
  type Figures,
  SEVERITY_ORDER,
  type Share,
  type Spread,
} from '../../../app/figures.js';
import { duration } from '../../../domain/index.js';

const percent = (s: Share): string =>
  s.of === 0 ? 'nothing to measure yet' : `${Math.round((s.kept / s.of) * 100)}% (${s.kept} of ${s.of})`;
const time = (ms: number | null): string => (ms === null ? '—' : duration(ms));
const spread = (s: Spread): string =>
  s.of === 0
    ? 'nothing to measure yet'
    : `median ${time(s.medianMs)}, p90 ${time(s.p90Ms)} (${s.of} resolved)`;

/** Incident figures for the last 30 and 90 days, each with its definition beside it. */
export function renderFigures(windows: readonly Figures[]): string {
  const lines = ['*How incident response is going* (drills excluded)'];
  for (const f of windows) {
    const months = Object.entries(f.bySeverityPerMonth)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([month, counts]) =>
          `${month}: ${SEVERITY_ORDER.filter((s) => counts[s] > 0)
            .map((s) => `${counts[s]} ${s === 'pending' ? 'unclassified' : s}`)
            .join(', ')}`,
      );
    lines.push(
      '',
      `*Last ${f.days} days*: ${f.incidents} incident${f.incidents === 1 ? '' : 's'}${months.length > 0 ? ` (${months.join('; ')})` : ''}`,
      `• Median time to commander: ${time(f.medianTimeToCommanderMs)}`,
      `• Time to detect: ${spread(f.timeToDetect)}`,
      `• Time to mitigate: ${spread(f.timeToMitigate)}`,
      `• Time to resolve: ${spread(f.timeToResolve)}`,
      `• Escalations: ${f.escalations}`,
      `• Hold respected: ${percent(f.holdRespected)}`,
      `• Update cadence kept: ${percent(f.updateCadenceKept)}`,
      `• Postmortems within the deadline: ${percent(f.postmortemsOnTime)}`,
      `• Follow-ups done on time: ${percent(f.followUpsOnTime)}`,
    );
  }
  lines.push(
    '',
    '_What the figures mean_',
    `_Time to commander_: ${FIGURE_DEFINITIONS.timeToCommander}.`,
    `_Time to detect_: ${FIGURE_DEFINITIONS.timeToDetect}. _Time to mitigate_: ${FIGURE_DEFINITIONS.timeToMitigate}. _Time to resolve_: ${FIGURE_DEFINITIONS.timeToResolve}. Each is the median and the 90th percentile over the resolved incidents; customer impact starts at the opening unless the resolver said it began earlier.`,
    `_Escalations_: ${FIGURE_DEFINITIONS.escalations}.`,
    `_Hold respected_: ${FIGURE_DEFINITIONS.holdRespected}.`,
    `_Update cadence kept_: ${FIGURE_DEFINITIONS.updateCadenceKept}.`,
    `_Postmortems within the deadline_: ${FIGURE_DEFINITIONS.postmortemsOnTime}.`,
    `_Follow-ups done on time_: ${FIGURE_DEFINITIONS.followUpsOnTime}.`,
  );
  return lines.join('\n');
}

/** The same, as App Home blocks (a header and sections under 3,000 characters each). */
export function figureBlocks(windows: readonly Figures[]): KnownBlock[] {
  const [title, ...rest] = renderFigures(windows).split('\n\n');
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Figures' } },
    ...[title, ...rest].map(
      (text): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: (text ?? '').slice(0, 3000) },
      }),
    ),
  ];
}
