import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockActionSchema, roleSchema, teamOf } from '../../src/adapters/slack/parse/block-action.js';
import {
  messageShortcutSchema,
  reactionAddedSchema,
  tsToInstant,
} from '../../src/adapters/slack/parse/capture.js';
import { eventEnvelopeSchema } from '../../src/adapters/slack/parse/event-envelope.js';
import { modalMetadataSchema } from '../../src/adapters/slack/parse/modal-metadata.js';
import {
  openMetadata,
  openSubmissionSchema,
  openValues,
  triageAnswers,
} from '../../src/adapters/slack/parse/open-submission.js';
import { parsePostmortemSubmission } from '../../src/adapters/slack/parse/postmortem-submission.js';
import { slashCommandSchema, splitSubcommand } from '../../src/adapters/slack/parse/slash-command.js';
import {
  inputText,
  metadataOf,
  selectedUser,
  viewSubmissionSchema,
} from '../../src/adapters/slack/parse/view-submission.js';
import {
  blockActionPayload,
  messageShortcutPayload,
  reactionAddedEnvelope,
  viewSubmissionPayload,
} from '../support/slack-payloads.js';
import { userText } from './support/hostile-text.js';
import { mutationsOf } from './support/mutate-json.js';

const RUNS = { numRuns: 300 };
const text = (value: string) => ({ text: { type: 'plain_text_input', value } });
const select = (value: string) => ({ answer: { type: 'static_select', selected_option: { value } } });

const openSubmission = viewSubmissionPayload({
  callbackId: 'incident.open',
  userId: 'U0DANA',
  privateMetadata: JSON.stringify({ channel: 'C0INC', duplicateAcknowledged: false }),
  values: {
    title: text('Checkout errors spiking'),
    service: text('checkout'),
    'triage.customerImpact': select('some'),
    'triage.criticalPathDown': select('yes'),
    'triage.dataAtRisk': select('no'),
    'triage.workaroundExists': select('no'),
    flags: { flags: { type: 'checkboxes', selected_options: [{ value: 'drill' }] } },
  },
});
const postmortemSubmission = viewSubmissionPayload({
  callbackId: 'incident.postmortem',
  userId: 'U0DANA',
  privateMetadata: JSON.stringify({ incidentId: '00000000-0000-4000-8000-000000000042' }),
  values: {
    'answer.whatHappened': text('a'),
    'answer.whyNotDetectedSooner': text('b'),
    'answer.whyResponseTookSoLong': text('c'),
    'answer.whatWeChange': text('d'),
    ...Object.fromEntries(
      [1, 2, 3].flatMap((rank) => [
        [`followup${rank}.title`, text(`Follow-up ${rank}`)],
        [`followup${rank}.owner`, { user: { type: 'users_select', selected_user: 'U0ALEX' } }],
        [`followup${rank}.due`, { date: { type: 'datepicker', selected_date: '2026-12-01' } }],
        [
          `followup${rank}.control`,
          { control: { type: 'checkboxes', selected_options: [{ value: 'control' }] } },
        ],
      ]),
    ),
  },
});
const slashCommand = {
  token: 'x',
  team_id: 'T0001',
  team_domain: 'example',
  channel_id: 'C0INC',
  channel_name: 'inc-1',
  user_id: 'U0DANA',
  user_name: 'dana',
  command: '/incident',
  text: 'open Checkout errors spiking',
  api_app_id: 'A123456',
  response_url: 'http://127.0.0.1:9/response/x',
  trigger_id: '1.2.3',
};
const blockAction = blockActionPayload({
  actionId: 'role.take',
  value: 'commander',
  userId: 'U0DANA',
  channelId: 'C0INC',
  messageTs: '1.1',
});
const shortcut = messageShortcutPayload({
  callbackId: 'capture',
  channelId: 'C0INC',
  messageTs: '1763647560.000100',
  messageText: 'Error rate is 12%',
  messageUser: 'U0SAM',
  userId: 'U0DANA',
});
const reaction = reactionAddedEnvelope({
  eventId: 'Ev1',
  reaction: 'pushpin',
  userId: 'U0DANA',
  channelId: 'C0INC',
  messageTs: '1763647560.000100',
  itemUser: 'U0SAM',
});

/** Anything at all, and real payloads with parts broken or replaced. */
const near = (payload: Record<string, unknown>) =>
  fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 4, arbitrary: mutationsOf(payload) });

/**
 * The Slack payload parsers meet forged and broken payloads: they answer with zod's result (or the
 * parser's own "not ours"), and never throw, whatever arrives.
 */
describe('the Slack payload parsers, given anything', () => {
  it('slash commands, and the subcommand in any text', () => {
    fc.assert(
      fc.property(near(slashCommand), userText, (payload, words) => {
        const parsed = slashCommandSchema.safeParse(payload);
        if (parsed.success) expect(typeof parsed.data.text).toBe('string');
        const split = splitSubcommand(words);
        expect(split.name).toBe(split.name.toLowerCase());
      }),
      RUNS,
    );
  });

  it('block actions, the team they come from, and role values', () => {
    fc.assert(
      fc.property(near(blockAction), (payload) => {
        const parsed = blockActionSchema.safeParse(payload);
        if (parsed.success) expect(teamOf(parsed.data) ?? 'no team').toBeTypeOf('string');
        const role = roleSchema.safeParse(
          (payload as { actions?: { value?: unknown }[] } | null)?.actions?.[0]?.value,
        );
        if (role.success) expect(['commander', 'communicator', 'scribe']).toContain(role.data);
      }),
      RUNS,
    );
  });

  it('captures: the message shortcut, the reaction and the event envelope', () => {
    fc.assert(
      fc.property(near(shortcut), near(reaction), (payload, envelope) => {
        const shortcut = messageShortcutSchema.safeParse(payload);
        if (shortcut.success) expect(typeof shortcut.data.message.text).toBe('string');
        const reacted = reactionAddedSchema.safeParse(envelope);
        if (reacted.success) expect(reacted.data.event.item.type).toBe('message');
        const dedupe = eventEnvelopeSchema.safeParse(envelope);
        if (dedupe.success) expect(dedupe.data.event_id.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('the open form: values, metadata and triage answers', () => {
    fc.assert(
      fc.property(near(openSubmission), (payload) => {
        const parsed = openSubmissionSchema.safeParse(payload);
        if (!parsed.success) return;
        const metadata = openMetadata(parsed.data);
        expect(typeof metadata.channel).toBe('string');
        const answers = triageAnswers(openValues(parsed.data));
        if (answers) expect(['none', 'some', 'most']).toContain(answers.customerImpact);
      }),
      RUNS,
    );
  });

  it('view submissions: metadata, typed text, picked users and the postmortem form', () => {
    fc.assert(
      fc.property(near(postmortemSubmission), (payload) => {
        const parsed = viewSubmissionSchema.safeParse(payload);
        if (!parsed.success) return;
        const metadata = metadataOf(parsed.data, modalMetadataSchema);
        if (metadata) expect(metadata.incidentId).toMatch(/^[0-9a-f-]{36}$/);
        expect(typeof inputText(parsed.data, 'answer.whatHappened')).toBe('string');
        expect(selectedUser(parsed.data, 'followup1.owner') ?? 'nobody').toBeTypeOf('string');
        const read = parsePostmortemSubmission(parsed.data, () => 'f');
        if (read.ok) expect(read.followUps.every((f) => f.title !== '' && f.owner !== '')).toBe(true);
        else expect(Object.keys(read.errors).length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('a message ts of Slack’s shape becomes an instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 999_999 }),
        (s, micros) => {
          const instant = tsToInstant(`${s}.${String(micros).padStart(6, '0')}`);
          expect(Date.parse(instant)).toBe(s * 1000 + Math.floor(micros / 1000));
        },
      ),
      RUNS,
    );
  });
});
