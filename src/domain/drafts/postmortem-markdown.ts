import { SYSTEM_ACTOR } from '../types.js';
import { mdHeadingText, mdInline, mdLine, mdParagraph, mdRich } from './markdown-text.js';
import { duration, type PostmortemDraft } from './postmortem.js';

const time = (at: string | null): string => (at ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : '—');
const ms = (value: number | null): string => (value === null ? '—' : duration(value));
/** A person in the file: Slack mentions mean nothing there, so `@U123`; the bot is `bot`. */
const person = (userId: string): string => mdRich([{ user: userId }], SYSTEM_ACTOR);

/**
 * The postmortem draft as a Markdown document. Pure: the same draft always renders the same text.
 * Everything people typed goes through `markdown-text`, so it reads as typed and adds no structure.
 */
export function renderPostmortemMarkdown(draft: PostmortemDraft): string {
  const p = draft.process;
  const lines: string[] = [
    `# Postmortem: INC-${draft.number} ${mdHeadingText(draft.title)}${draft.drill ? ' (drill)' : ''}`,
    '',
    '## Summary',
    '',
    mdParagraph(draft.summary),
    '',
    '## Impact',
    '',
    mdParagraph(draft.impact),
    '',
    `- Severity: ${draft.severity}`,
    `- Service: ${draft.service === null ? 'not recorded' : mdInline(draft.service)}`,
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
    ...draft.timeline.map((e) => `- ${time(e.at)} ${person(e.who)}: ${mdRich(e.parts, SYSTEM_ACTOR)}`),
    '',
    '## Hypotheses',
    '',
    '### Confirmed',
    '',
    ...list(
      draft.hypothesesConfirmed.map(
        (h) => `${mdInline(h.text)}${h.evidence ? ` (evidence: ${mdInline(h.evidence)})` : ''}`,
      ),
    ),
    '',
    '### Ruled out',
    '',
    ...list(
      draft.hypothesesRuledOut.map(
        (h) => `${mdInline(h.text)}${h.evidence ? ` (evidence: ${mdInline(h.evidence)})` : ''}`,
      ),
    ),
    '',
    '## Decisions',
    '',
    ...list(
      draft.decisions.map(
        (d) =>
          `${mdInline(d.what)}. Why: ${mdInline(d.why)}. Would change our mind: ${mdInline(d.wouldChangeOurMind)}.`,
      ),
    ),
    '',
    '## Actions taken',
    '',
    ...list(
      draft.actions.map(
        (a) =>
          `${mdInline(a.text)} (${person(a.owner)}, ${a.status.replace('_', ' ')}${a.result ? `: ${mdInline(a.result)}` : ''})`,
      ),
    ),
    '',
    '## How the process went',
    '',
    `- Time to commander: ${ms(p.timeToCommanderMs)}`,
    `- Diagnosis hold: ${p.holdRespected === null ? 'none' : p.holdRespected ? 'respected' : 'not respected'}. ${mdRich(p.holdOutcomeParts, SYSTEM_ACTOR)}`,
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

/** A bulleted list of items already escaped, each unable to open a block inside its item. */
const list = (items: readonly string[]): string[] =>
  items.length === 0 ? ['- None recorded.'] : items.map((item) => `- ${mdLine(item)}`);
