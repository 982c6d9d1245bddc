import type { PostmortemAnswers } from '../commands.js';
import { DETECTION_LABELS } from '../detection.js';
import type { FollowUp } from '../state.js';
import { SYSTEM_ACTOR } from '../types.js';
import {
  idAsName,
  mdHeadingText,
  mdInline,
  mdLine,
  mdParagraph,
  mdRich,
  type NameOf,
} from './markdown-text.js';
import { clock, duration, type PostmortemDraft } from './postmortem.js';
import { AGENDA_ANSWERS, MEETING_SECTIONS, type MeetingSection } from './postmortem-sections.js';

/** The meeting's outcome, merged into the draft to make the final record. */
export interface PostmortemRecordInput {
  readonly at: string;
  readonly by: string;
  readonly answers: PostmortemAnswers;
  readonly followUps: readonly FollowUp[];
}

export interface MarkdownOptions {
  /** People's display names (users.info); without them, their ids. */
  readonly nameOf?: NameOf;
  /** The recorded meeting: the answers take the prompts' places and the follow-ups fill the table. */
  readonly record?: PostmortemRecordInput | null;
}

/** Definitions said beside the impact figures, here and in `/incident stats`. */
export const IMPACT_DEFINITIONS = {
  timeToDetect: 'from when customer impact started until the incident was opened',
  timeToMitigate: 'from when customer impact started until it ended',
  timeToResolve: 'from when customer impact started until the incident was resolved',
} as const;

const time = (at: string | null): string => (at ? clock(at) : '—');
const ms = (value: number | null): string => (value === null ? '—' : duration(value));

/**
 * The postmortem as a Markdown document: the draft, or with `record` the final record that merges
 * the meeting's answers and follow-ups into it. Pure: the same input always renders the same text.
 * Everything people typed (names too) goes through `markdown-text`, so it reads as typed and adds
 * no structure.
 */
export function renderPostmortemMarkdown(draft: PostmortemDraft, options: MarkdownOptions = {}): string {
  const nameOf = options.nameOf ?? idAsName;
  const record = options.record ?? null;
  const person = (userId: string): string => mdRich([{ user: userId }], SYSTEM_ACTOR, nameOf);
  const p = draft.process;
  const asked = (key: MeetingSection): string[] => {
    const answer = record?.answers[key]?.trim();
    if (record) return [answer ? mdParagraph(answer) : '_Not answered in the meeting._'];
    return [`_To discuss: ${MEETING_SECTIONS[key].prompt}_`];
  };
  const section = (key: MeetingSection, facts: string[] = []): string[] => [
    `## ${MEETING_SECTIONS[key].heading}`,
    '',
    ...(facts.length > 0 ? [...facts, ''] : []),
    ...asked(key),
    '',
  ];
  const hypotheses = (items: PostmortemDraft['hypothesesConfirmed']) =>
    list(items.map((h) => `${mdInline(h.text)}${h.evidence ? ` (evidence: ${mdInline(h.evidence)})` : ''}`));
  const impact = draft.impactTimes;
  const detection = draft.detection;
  const lines: string[] = [
    `# Postmortem: INC-${draft.number} ${mdHeadingText(draft.title)}${draft.drill ? ' (drill)' : ''}`,
    '',
    record
      ? `_The final record: the draft, the meeting's answers and its three follow-ups. Recorded ${clock(record.at)} by ${person(record.by)}._`
      : '_A draft the bot wrote from the incident\'s record. Each "To discuss" is for the meeting to answer._',
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
    `- Customer impact: ${draft.resolvedAt ? `${time(draft.impactStartedAt)} to ${time(draft.impactEndedAt ?? draft.resolvedAt)}` : `since ${time(draft.impactStartedAt)}`}`,
    `- Duration: ${ms(draft.durationMs)} from opening to resolution`,
    '',
    '## Detection',
    '',
    `- Detected by: ${detection ? `${DETECTION_LABELS[detection.source]}${detection.link ? ` (${mdInline(detection.link)})` : ''}` : 'not recorded'}`,
    `- Time to detect: ${ms(impact?.timeToDetectMs ?? null)}, ${IMPACT_DEFINITIONS.timeToDetect}`,
    `- Time to mitigate: ${ms(impact?.timeToMitigateMs ?? null)}, ${IMPACT_DEFINITIONS.timeToMitigate}`,
    `- Time to resolve: ${ms(impact?.timeToResolveMs ?? null)}, ${IMPACT_DEFINITIONS.timeToResolve}`,
    '',
    '## Key times',
    '',
    '| | UTC |',
    '|---|---|',
    ...draft.keyTimes.map((k) => `| ${k.label} | ${time(k.at)} |`),
    '',
    ...section(
      'rootCauses',
      draft.hypothesesConfirmed.length > 0
        ? draft.hypothesesConfirmed.map(
            (h) => `- ${mdLine(`Confirmed during the incident: ${mdInline(h.text)}`)}`,
          )
        : ['- No hypothesis was confirmed during the incident.'],
    ),
    ...section('contributingFactors'),
    '## Timeline',
    '',
    ...draft.timeline.map(
      (e) => `- ${time(e.at)} ${person(e.who)}: ${mdRich(e.parts, SYSTEM_ACTOR, nameOf)}`,
    ),
    '',
    '## Hypotheses',
    '',
    '### Confirmed',
    '',
    ...hypotheses(draft.hypothesesConfirmed),
    '',
    '### Ruled out',
    '',
    ...hypotheses(draft.hypothesesRuledOut),
    '',
    '### Still open at resolution',
    '',
    ...hypotheses(draft.hypothesesOpen),
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
          `${mdInline(a.text)} (${person(a.owner)}, ${a.status === 'proposed' ? 'proposed, never started' : a.status.replace('_', ' ')}${a.result ? `: ${mdInline(a.result)}` : ''})`,
      ),
    ),
    '',
    ...section('runbook', [
      draft.runbook
        ? `- ${mdLine(`The runbook for ${mdInline(draft.runbook.service)}: ${mdInline(draft.runbook.url)}`)}`
        : `- ${mdLine(draft.service ? `No runbook was recorded for ${mdInline(draft.service)}.` : 'No service was named, so no runbook was found.')}`,
    ]),
    '## Responders',
    '',
    ...list(
      draft.responders.map(
        (r) => `${person(r.userId)}${r.roles.length > 0 ? ` (${r.roles.join(', ')})` : ''}`,
      ),
    ),
    '',
    '## Customer message',
    '',
    ...(draft.customerMessage
      ? [
          `The last stakeholder update, posted ${clock(draft.customerMessage.at)} by ${person(draft.customerMessage.by)}:`,
          '',
          mdParagraph(draft.customerMessage.text),
        ]
      : ['No stakeholder update was posted.']),
    '',
    '## How the process went',
    '',
    `- Time to commander: ${ms(p.timeToCommanderMs)}`,
    `- Diagnosis hold: ${mdRich(p.holdOutcomeParts, SYSTEM_ACTOR, nameOf)}`,
    `- Stakeholder updates: ${p.updatesPosted} posted; longest gap ${ms(p.longestUpdateGapMs)}${p.updateCadenceMs > 0 ? ` (cadence ${duration(p.updateCadenceMs)})` : ''}`,
    `- Escalation: ${p.escalatedAt ? `at ${time(p.escalatedAt)}` : 'none'}`,
    '',
    ...section('wentWell'),
    ...section('wentWrong'),
    ...section('gotLucky'),
    '## Agenda (blameless)',
    '',
    ...AGENDA_ANSWERS.flatMap(([key, q], i) => [
      `${i + 1}. ${q}`,
      '',
      ...(record ? indented(record.answers[key] ?? '') : ['   _To discuss._']),
      '',
    ]),
    '## Follow-ups (exactly three, ranked by impact)',
    '',
    ...(record ? recordedFollowUps(record.followUps, person) : draftFollowUps(draft)),
    '',
    '## Owner and meeting',
    '',
    `- Owner: ${draft.owner ? `${person(draft.owner)} (the commander, unless handed on)` : 'nobody yet; the commander usually runs it'}`,
    record
      ? `- Held: recorded ${clock(record.at)} by ${person(record.by)}`
      : `- Meeting: ${draft.meetingAt ? `proposed for ${clock(draft.meetingAt)}, inside the owner's working hours` : '_To discuss: when? No working hours of the owner fit before the deadline._'}`,
    `- Due: ${time(draft.dueAt)}`,
    '',
  ];
  return lines.join('\n');
}

function draftFollowUps(draft: PostmortemDraft): string[] {
  return [
    '| Rank | Follow-up | Owner | Due | Control? | Runbook? |',
    '|---|---|---|---|---|---|',
    ...draft.followUpSlots.map((s) => `| ${s.rank} | | | | | |`),
  ];
}

function recordedFollowUps(followUps: readonly FollowUp[], person: (id: string) => string): string[] {
  const yes = (value: boolean | undefined) => (value ? 'yes' : 'no');
  return [
    '| Rank | Follow-up | Owner | Due | Control? | Runbook? | Status |',
    '|---|---|---|---|---|---|---|',
    ...[...followUps]
      .sort((a, b) => a.rank - b.rank)
      .map(
        (f) =>
          `| ${f.rank} | ${mdInline(f.title)} | ${person(f.owner)} | ${mdInline(f.due)} | ${yes(f.control)} | ${yes(f.runbook)} | ${f.status === 'dropped' ? `dropped: ${mdInline(f.dropReason ?? '')}` : f.status} |`,
      ),
  ];
}

/** An answer under its agenda item: a paragraph indented into the list item. */
const indented = (answer: string): string[] => {
  const text = answer.trim() === '' ? '_Not answered._' : mdParagraph(answer);
  return text.split('\n').map((line) => (line === '' ? '' : `   ${line}`));
};

/** A bulleted list of items already escaped, each unable to open a block inside its item. */
const list = (items: readonly string[]): string[] =>
  items.length === 0 ? ['- None recorded.'] : items.map((item) => `- ${mdLine(item)}`);
