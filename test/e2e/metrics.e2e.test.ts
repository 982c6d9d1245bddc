import { describe, expect, it } from 'vitest';
import { useBot } from '../support/incident-driver.js';

const DANA = 'U0DANA';
const VP = 'U0VPGONE';

/** The /metrics text, parsed: each sample's value by its name and labels as printed. */
async function scrape(baseUrl: string): Promise<{ text: string; value(sample: string): number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    const at = line.lastIndexOf(' ');
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { text, value: (sample) => values.get(sample) ?? 0 };
}

/** The value of one Prometheus sample in /metrics text, 0 when it has not been exported yet. */
async function sample(baseUrl: string, name: string, labels: string): Promise<number> {
  return (await scrape(baseUrl)).value(`${name}{${labels}}`);
}

/** Scrapes until `sampleName` satisfies `until`; fails after a few seconds with what it saw. */
async function eventually(
  baseUrl: string,
  sampleName: string,
  until: (value: number) => boolean,
): Promise<number> {
  let value = 0;
  for (let i = 0; i < 200; i++) {
    value = (await scrape(baseUrl)).value(sampleName);
    if (until(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${sampleName} stayed at ${value}`);
}

describe('/metrics', () => {
  // Escalation fires 1 s after opening and its direct message to the VP always fails for good
  // (a deactivated account); the reconcile runs every second.
  const { t, drive } = useBot({
    env: { ESCALATE_AFTER: 'PT1S', ESCALATION_EXEC: VP, TIMER_RECONCILE_EVERY: 'PT1S' },
  });

  it('counts every command where it is handled, by type and result', async () => {
    const incident = await drive.open('Metrics counted', DANA);
    const accepted = () =>
      sample(t.baseUrl, 'incident_commands_total', 'type="ProposeHypothesis",outcome="accepted"');
    const rejected = () =>
      sample(t.baseUrl, 'incident_commands_total', 'type="ProposeHypothesis",outcome="rejected"');
    expect(await sample(t.baseUrl, 'incident_commands_total', 'type="OpenIncident",outcome="accepted"')).toBe(
      1,
    );
    const before = { accepted: await accepted(), rejected: await rejected() };

    const slash = (text: string) => drive.slash(text, DANA, incident.channel);
    await slash('hypothesis The cache is cold');
    await slash('hypothesis The cache is cold, again');
    await slash(`hypothesis ${'x'.repeat(501)}`);

    expect(await accepted()).toBe(before.accepted + 2);
    expect(await rejected()).toBe(before.rejected + 1);
  });

  it('moves every metric an operator watches through one incident', async () => {
    t.slack.failMethod('conversations.open', 'user_not_found');
    const before = await scrape(t.baseUrl);
    const moved = (name: string) => (after: number) => after > before.value(name);

    await drive.open('Every metric moves', DANA, t.slack.responseUrl());

    // Incidents open by severity, read from PostgreSQL when scraped.
    await eventually(
      t.baseUrl,
      'incident_open_incidents{severity="pending"}',
      moved('incident_open_incidents{severity="pending"}'),
    );
    // The slash command's ack, and the Web API calls its effects made.
    await eventually(
      t.baseUrl,
      'incident_ack_latency_seconds_count{kind="slash_command"}',
      moved('incident_ack_latency_seconds_count{kind="slash_command"}'),
    );
    await eventually(
      t.baseUrl,
      'incident_slack_api_calls_total{method="conversations.create"}',
      moved('incident_slack_api_calls_total{method="conversations.create"}'),
    );
    // Timers pending in Redis by kind; the escalation fires (late by a few ms) a second after opening.
    await eventually(
      t.baseUrl,
      'incident_timers_pending{kind="hold-end"}',
      moved('incident_timers_pending{kind="hold-end"}'),
    );
    await eventually(
      t.baseUrl,
      'incident_timer_lateness_seconds_count{kind="escalation-exec"}',
      moved('incident_timer_lateness_seconds_count{kind="escalation-exec"}'),
    );
    // The VP's direct message is given up for good, and Slack's refusal is counted by method and code.
    await eventually(
      t.baseUrl,
      'incident_effects_given_up_total{kind="escalation.brief",reason="user_not_found"}',
      (value) => value >= 1,
    );
    await eventually(
      t.baseUrl,
      'incident_slack_api_errors_total{method="conversations.open",error="user_not_found"}',
      (value) => value >= 1,
    );
    // The reconcile runs every second.
    await eventually(
      t.baseUrl,
      'incident_timer_reconcile_duration_seconds_count',
      moved('incident_timer_reconcile_duration_seconds_count'),
    );
    await t.outboxSettled();

    // A channel Slack refuses to create with 429 is counted as rate limited, and made after Retry-After.
    t.slack.rateLimit('conversations.create', 1, 1);
    await drive.open('Rate limited once', DANA);
    await eventually(
      t.baseUrl,
      'incident_slack_api_rate_limited_total{method="conversations.create"}',
      (value) => value >= 1,
    );
    await eventually(
      t.baseUrl,
      'incident_slack_api_errors_total{method="conversations.create",error="ratelimited"}',
      (value) => value >= 1,
    );
    await t.outboxSettled();

    // While Slack keeps failing, the outbox backlog and the age of its oldest row grow; then drain.
    // (Every incident escalates a second after opening, which adds effects: wait for it to drain.)
    await eventually(t.baseUrl, 'incident_outbox_backlog', (value) => value === 0);
    t.slack.failMethod('conversations.create', 'internal_error');
    await drive.slash('open Slack is failing', DANA);
    await eventually(t.baseUrl, 'incident_outbox_backlog', (value) => value >= 1);
    await eventually(t.baseUrl, 'incident_outbox_oldest_age_seconds', (value) => value > 0);
    t.slack.resetFaults();
    await t.outboxSettled(20_000);
    await eventually(t.baseUrl, 'incident_outbox_backlog', (value) => value === 0);
    await eventually(t.baseUrl, 'incident_outbox_oldest_age_seconds', (value) => value === 0);
    const drained = await scrape(t.baseUrl);
    // Nothing is waiting past its time.
    expect(drained.text).toMatch(/^incident_timers_overdue_seconds 0$/m);

    // Every metric an operator watches is there with its help text.
    for (const name of [
      'incident_open_incidents',
      'incident_commands_total',
      'incident_ack_latency_seconds',
      'incident_slack_api_calls_total',
      'incident_slack_api_errors_total',
      'incident_slack_api_rate_limited_total',
      'incident_effects_given_up_total',
      'incident_outbox_backlog',
      'incident_outbox_oldest_age_seconds',
      'incident_timers_pending',
      'incident_timers_overdue_seconds',
      'incident_timer_lateness_seconds',
      'incident_timers_late_total',
      'incident_timer_reconcile_duration_seconds',
    ])
      expect(drained.text).toMatch(new RegExp(`^# HELP ${name} \\S.{20,}$`, 'm'));
  });
});
