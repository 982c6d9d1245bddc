import { duration, type PostmortemDraft } from './postmortem.js';

const time = (at: string | null): string => (at ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : '—');
/** Slack mentions mean nothing in a file: `<@U123>` becomes `@U123`. */
const plain = (text: string): string => text.replace(/<@([A-Z0-9]+)>/g, '@$1');
const ms = (value: number | null): string => (value === null ? '—' : duration(value));

/** The postmortem draft as a Markdown document. Pure: the same draft always renders the same text. */
export function renderPostmortemMarkdown(draft: PostmortemDraft): string {
  const p = draft.process;
  const lines: string[] = [
    `# Postmortem: INC-${draft.number} ${draft.title}${draft.drill ? ' (drill)' : ''}`,
    '',
    '## Summary',
    '',
    draft.summary,
    '',
    '## Impact',
    '',
    draft.impact,
    '',
    `- Severity: ${draft.severity}`,
    `- Service: ${draft.service ?? 'not recorded'}`,
    `- Duration: ${ms(draft.durationMs)}`,
    '',
    '## Key times',
    '',
    '| | UTC |',
    '|---|---|',
    ...draft.keyTimes.map((k) => `| ${k.label} | ${time(k.at)} |`),
    '',
    '## Timeline',
    '',
    ...draft.timeline.map(
      (e) => `- ${time(e.at)} ${e.who === 'system' ? 'bot' : plain(`<@${e.who}>`)}: ${plain(e.what)}`,
    ),
    '',
    '## Hypotheses',
    '',
    '### Confirmed',
    '',
    ...list(
      draft.hypothesesConfirmed.map((h) => `${h.text}${h.evidence ? ` (evidence: ${h.evidence})` : ''}`),
    ),
    '',
    '### Ruled out',
    '',
    ...list(
      draft.hypothesesRuledOut.map((h) => `${h.text}${h.evidence ? ` (evidence: ${h.evidence})` : ''}`),
    ),
    '',
    '## Decisions',
    '',
    ...list(
      draft.decisions.map((d) => `${d.what}. Why: ${d.why}. Would change our mind: ${d.wouldChangeOurMind}.`),
    ),
    '',
    '## Actions taken',
    '',
    ...list(
      draft.actions.map(
        (a) =>
          `${a.text} (${plain(`<@${a.owner}>`)}, ${a.status.replace('_', ' ')}${a.result ? `: ${a.result}` : ''})`,
      ),
    ),
    '',
    '## How the process went',
    '',
    `- Time to commander: ${ms(p.timeToCommanderMs)}`,
    `- Diagnosis hold: ${p.holdRespected === null ? 'none' : p.holdRespected ? 'respected' : 'not respected'}. ${plain(p.holdOutcome)}`,
    `- Stakeholder updates: ${p.updatesPosted} posted; longest gap ${ms(p.longestUpdateGapMs)}${p.updateCadenceMs > 0 ? ` (cadence ${duration(p.updateCadenceMs)})` : ''}`,
    `- Escalation: ${p.escalatedAt ? `at ${time(p.escalatedAt)}` : 'none'}`,
    '',
    '## Agenda (blameless)',
    '',
    ...draft.agenda.flatMap((q, i) => [`${i + 1}. ${q}`, '', '   _To discuss._', '']),
    '## Follow-ups (exactly three, ranked by impact)',
    '',
    '| Rank | Follow-up | Owner | Due | Control? |',
    '|---|---|---|---|---|',
    ...draft.followUpSlots.map((s) => `| ${s.rank} | | | | |`),
    '',
  ];
  return lines.join('\n');
}

const list = (items: readonly string[]): string[] =>
  items.length === 0 ? ['- None recorded.'] : items.map((item) => `- ${plain(item)}`);
