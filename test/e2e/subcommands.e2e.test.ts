import { beforeEach, describe, expect, it } from 'vitest';
import { TEAM, useBotWithIncident } from '../support/incident-driver.js';

const DANA = 'U0DANA';

describe('subcommands for keyboard people', () => {
  const { t, drive, incident } = useBotWithIncident('Payments failing', DANA);
  beforeEach(async () => {
    await t.outboxSettled();
    t.slack.clearCalls();
  });

  /** Runs `/incident <text>` in a channel and returns the private answer in its ack. */
  const run = (text: string, options: { in?: string; user?: string; team?: string } = {}) =>
    drive.slash(text, options.user ?? DANA, options.in ?? incident.channel, { teamId: options.team ?? TEAM });

  const eventTypes = () => drive.types(incident.id);

  it('proposes a hypothesis and shows it in the header', async () => {
    expect(await run('hypothesis The 14:02 deploy broke the payment client')).toContain('Hypothesis added');
    expect(await eventTypes()).toContain('HypothesisProposed');
    await t.outboxSettled();
    expect(t.slack.callsTo('chat.update')).toHaveLength(1);
  });

  it('keeps an action as proposed during the diagnosis hold, saying when the hold ends', async () => {
    const reply = await run('action Roll back the deploy <@U0ALEX|alex>');
    expect(reply).toMatch(/The diagnosis hold ends at \d\d:\d\d UTC; I recorded this as a proposed action/);
    const events = await drive.events(incident.id, 'ActionProposed');
    expect(events[0]?.payload).toMatchObject({ text: 'Roll back the deploy', owner: 'U0ALEX' });
  });

  it('adds a note', async () => {
    expect(await run('note p99 latency at 4 s')).toContain('Noted');
    expect(await eventTypes()).toContain('NoteAdded');
  });

  it('changes the severity with a reason, and asks for the level when missing', async () => {
    expect(await run('severity')).toContain('Name the severity');
    expect(await run('severity sev1')).toMatch(/reason/);
    expect(await run('severity SEV1 every region is failing')).toContain('Severity is now SEV1');
    expect((await drive.incidentRow(incident.id)).severity).toBe('SEV1');
  });

  it('answers status privately', async () => {
    const reply = await run('status');
    expect(reply).toContain('*INC-1* Payments failing');
    expect(reply).toContain('The 14:02 deploy broke the payment client');
  });

  it('tells someone outside an incident channel where their incidents are', async () => {
    const reply = await run('hypothesis DNS', { in: 'C0GENERAL' });
    expect(reply).toContain('not an incident channel');
    expect(reply).toContain(`<#${incident.channel}>`);
    expect(await run('status', { in: 'C0GENERAL', team: 'T0EMPTY' })).toContain('No incident is open');
  });

  it('asks for the missing text instead of failing', async () => {
    expect(await run('hypothesis')).toContain('Say what you suspect');
    expect(await run('action <@U0ALEX>')).toContain('Say what will be done');
    expect(await run('note')).toContain('Say what to note');
  });

  it('records a decision through its modal: what, why, and what would change our mind', async () => {
    const modal = await drive.modalAfter(() =>
      drive.command('decision', DANA, incident.channel, { triggerId: '9.9.9' }),
    );
    expect(modal.triggerId).toBe('9.9.9');
    expect(modal.view.callback_id).toBe('decision.record');
    const submit = (what: string, why: string, change: string) =>
      modal.submit(DANA, {
        what: { text: { value: what } },
        why: { text: { value: why } },
        change: { text: { value: change } },
      });
    expect(await submit('Roll back', 'Errors began with the deploy', '')).toMatchObject({
      response_action: 'errors',
      errors: { change: expect.stringContaining('change our mind') },
    });
    expect(
      await submit('Roll back', 'Errors began with the deploy', 'Errors continuing after the rollback'),
    ).toEqual({});
    expect(await drive.lastPayload(incident.id, 'DecisionRecorded')).toMatchObject({
      what: 'Roll back',
      why: 'Errors began with the deploy',
      wouldChangeOurMind: 'Errors continuing after the rollback',
      by: DANA,
    });
  });

  it('answers help at once, before any query, then says what the caller can do there and then', async () => {
    const responseUrl = t.slack.responseUrl();
    const general = await drive.slash('help', DANA, incident.channel, { responseUrl });
    expect(general).toContain('open &lt;title&gt;');
    const here = await t.slack.waitForCall(
      'response_url',
      (call) => call.path === new URL(responseUrl).pathname,
    );
    expect(here.args.response_type).toBe('ephemeral');
    expect(String(here.args.text)).toContain('Here, in INC-1');
    expect(String(here.args.text)).toContain('You hold no role here');
    expect(String(here.args.text)).toContain('Nobody is commander yet');
    const outsideUrl = t.slack.responseUrl();
    const outside = await drive.slash('help', DANA, 'C0GENERAL', { responseUrl: outsideUrl });
    expect(outside).toContain('Outside an incident channel');
    await t.outboxSettled();
    expect(t.slack.callsTo('response_url').filter((c) => c.path === new URL(outsideUrl).pathname)).toEqual(
      [],
    );
  });
});
