import { describe, expect, it } from 'vitest';
import { renderAnnouncement } from '../../../src/adapters/slack/views/announcement.js';
import { escalationBriefMessage } from '../../../src/adapters/slack/views/escalation-messages.js';
import { renderHeader } from '../../../src/adapters/slack/views/header.js';
import {
  postmortemRecordMessage,
  postmortemSummaryMessage,
  resolutionMessage,
} from '../../../src/adapters/slack/views/postmortem-messages.js';
import {
  postmortemReminderMessage,
  stakeholderUpdateMessage,
} from '../../../src/adapters/slack/views/timer-messages.js';
import {
  type ClosedIncident,
  type EscalationBrief,
  escalationBrief,
  type IncidentEvent,
  type OpenedIncident,
  postmortemDraft,
  type ResolvedIncident,
  replay,
} from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, holdEnded, opened, POLICY, resolved } from '../domain/spec.js';

const PING = '<!channel> <!here|here> <@U0EVIL> <#C0EVIL> <https://evil.example|click> & <!subteam^S123>';
/** What the same words look like once escaped: shown, not acted on. */
const SHOWN =
  '&lt;!channel&gt; &lt;!here|here&gt; &lt;@U0EVIL&gt; &lt;#C0EVIL&gt; &lt;https://evil.example|click&gt; &amp; &lt;!subteam^S123&gt;';

const history: IncidentEvent[] = [
  opened({ title: PING, service: PING }),
  commanderIs(DANA),
  { type: 'HypothesisProposed', at: at(2), by: ALEX, hypothesisId: 'h1', text: PING },
  holdEnded(),
  { type: 'HypothesisUpdated', at: at(12), by: ALEX, hypothesisId: 'h1', status: 'testing', evidence: null },
  { type: 'NoteAdded', at: at(13), by: 'U0@EVIL', text: PING },
  resolved(40, { summary: PING }),
];
const state = replay(history) as ResolvedIncident;
const recorded = replay(
  [
    {
      type: 'PostmortemRecorded',
      at: at(100),
      by: DANA,
      answers: {
        whatHappened: PING,
        whyNotDetectedSooner: PING,
        whyResponseTookSoLong: PING,
        whatWeChange: PING,
      },
      followUps: [1, 2, 3].map((rank) => ({
        id: `f${rank}`,
        title: PING,
        owner: ALEX,
        due: '2026-12-01',
        rank: rank as 1 | 2 | 3,
        control: false,
      })),
      asCommander: true,
    },
  ],
  state,
) as ClosedIncident;
const live = replay(history.slice(0, -1)) as OpenedIncident;
const liveBrief = escalationBrief(
  live,
  [...history.slice(0, -1), { type: 'IncidentEscalated', at: at(30), by: 'system', openForMs: 30 * 60_000 }],
  null,
) as EscalationBrief;

/** The mrkdwn Slack parses for mentions and links; plain_text (the header's title) is shown as it is. */
function mrkdwnIn(node: unknown): string {
  if (Array.isArray(node)) return node.map(mrkdwnIn).join('\n');
  if (node === null || typeof node !== 'object') return '';
  const record = node as Record<string, unknown>;
  if (record.type === 'mrkdwn' && typeof record.text === 'string') return record.text;
  return Object.values(record).map(mrkdwnIn).join('\n');
}

describe('people’s words in what the bot posts', () => {
  it('are escaped in every notification text, where Slack would otherwise ping the channel', () => {
    const texts = [
      renderHeader(live, { policy: POLICY, command: '/incident' }).text,
      renderAnnouncement(live, 'C0INC').text,
      stakeholderUpdateMessage(live, PING, ALEX).text,
      postmortemSummaryMessage(postmortemDraft(state, history, POLICY), 'id', 'C0INC').text,
      postmortemRecordMessage(recorded, 'id').text,
      resolutionMessage(state, null).text,
      escalationBriefMessage(liveBrief, 'C0INC').text,
      postmortemReminderMessage(state, 1, at(2000), 'C0INC').text,
    ];
    for (const text of texts) {
      expect(text).toContain(SHOWN);
      expect(text).not.toMatch(/<!channel>|<!here|<@U0EVIL>|<#C0EVIL>|<https?:|<!subteam/);
    }
  });

  it('are escaped in blocks, while the mentions the bot means still work', () => {
    const header = mrkdwnIn(renderHeader(live, { policy: POLICY, command: '/incident' }).blocks);
    expect(header).not.toMatch(/<!channel>|<@U0EVIL>|<#C0EVIL>|<https?:/);
    expect(header).toContain(`*Commander*: <@${DANA}>`);
    const update = mrkdwnIn(stakeholderUpdateMessage(live, PING, ALEX).blocks);
    expect(update).toContain(SHOWN);
    expect(update).toContain(`Posted by <@${ALEX}>`);
    const announcement = mrkdwnIn(renderAnnouncement(live, 'C0INC').blocks);
    expect(announcement).toContain('Follow it in <#C0INC>.');
  });

  it('name the people on the draft’s timeline as mentions, the bot by name, and a forged id as text', () => {
    const summary = JSON.stringify(
      postmortemSummaryMessage(postmortemDraft(state, history, POLICY), 'id', null),
    );
    expect(summary).toContain(`<@${DANA}> became commander`);
    expect(summary).toContain('Incident Commander: Diagnosis hold ended');
    expect(summary).toContain(`U0@EVIL: Note: ${SHOWN}`);
    expect(summary).not.toMatch(/&lt;@U0DANA&gt;|<@U0@EVIL>/);
  });

  it('never link a channel id that is not Slack’s', () => {
    const announcement = renderAnnouncement(live, 'C0X><!channel');
    expect(mrkdwnIn(announcement.blocks)).toContain('Follow it in #C0X&gt;&lt;!channel.');
  });
});
