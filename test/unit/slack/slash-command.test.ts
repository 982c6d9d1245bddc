import { describe, expect, it } from 'vitest';
import { slashCommandSchema, splitSubcommand } from '../../../src/adapters/slack/parse/slash-command.js';

describe('splitSubcommand', () => {
  it('takes the first word as the subcommand, lowercased', () => {
    expect(splitSubcommand('OPEN Checkout errors spiking')).toEqual({
      name: 'open',
      rest: 'Checkout errors spiking',
    });
  });

  it('keeps the rest as typed, across lines', () => {
    expect(splitSubcommand('  note  first line\nsecond line ')).toEqual({
      name: 'note',
      rest: 'first line\nsecond line',
    });
  });

  it('gives an empty name for empty text', () => {
    expect(splitSubcommand('   ')).toEqual({ name: '', rest: '' });
  });
});

describe('slashCommandSchema', () => {
  it('accepts the payload Slack sends, extra fields and all', () => {
    const form =
      'token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fincident&text=open%20Checkout%20errors%20spiking&api_app_id=A123456&is_enterprise_install=false&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0';
    const parsed = slashCommandSchema.parse(Object.fromEntries(new URLSearchParams(form)));
    expect(parsed).toMatchObject({
      team_id: 'T0001',
      user_id: 'U2147483697',
      text: 'open Checkout errors spiking',
    });
  });

  it('refuses a payload without a user', () => {
    expect(
      slashCommandSchema.safeParse({ team_id: 'T1', channel_id: 'C1', command: '/incident' }).success,
    ).toBe(false);
  });
});
