import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { MINIMAL_ENV as minimal, problemsOf } from '../../support/config-problems.js';

describe('loadConfig', () => {
  it('fills every default from the contract', () => {
    const config = loadConfig(minimal);
    expect(config.slack).toEqual({
      botToken: 'xoxb-test',
      oauth: null,
      signingSecret: 'secret',
      appToken: null,
      apiUrl: 'https://slack.com/api/',
      command: '/incident',
    });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/incident_commander');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.timing.diagnosisHold).toBe(10 * 60_000);
    expect(config.timing.escalateAfter).toBe(30 * 60_000);
    expect(config.timing.postmortemDue).toBe(48 * 3_600_000);
    expect(config.timing.updateCadence).toEqual({ SEV1: 30 * 60_000, SEV2: 60 * 60_000, SEV3: 0, SEV4: 0 });
    expect(config.timing.commanderNudgeAfter).toBe(5 * 60_000);
    expect(config.timezone).toBe('UTC');
    expect(config.weeklyReview).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(config.migrateOnStart).toBe(true);
    expect(config.escalation).toEqual({ senior: [], exec: [] });
    expect(config.retention).toBe(30 * 24 * 3_600_000);
  });

  it('is frozen all the way down', () => {
    const config = loadConfig(minimal);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.timing.updateCadence)).toBe(true);
    expect(Object.isFrozen(config.escalation.senior)).toBe(true);
  });

  it('parses every variable when given', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      DATABASE_URL: 'postgresql://u@db:5432/x',
      REDIS_URL: 'redis://cache:6380',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      INCIDENT_COMMAND: '/inc',
      DIAGNOSIS_HOLD: 'PT5M',
      ESCALATE_AFTER: 'PT1H30M',
      POSTMORTEM_DUE: 'P2D',
      UPDATE_CADENCE: 'SEV2=PT45M',
      COMMANDER_NUDGE_AFTER: 'PT3M',
      ANNOUNCE_CHANNEL: 'C0ANNOUNCE',
      STAKEHOLDER_CHANNEL: 'C0STAKE',
      POSTMORTEM_CHANNEL: 'G0POSTMORTEM',
      ESCALATION_SENIOR: 'U0SENIOR, S0ONCALL',
      ESCALATION_EXEC: 'U0VPENG',
      TIMEZONE: 'Europe/Berlin',
      WEEKLY_REVIEW: 'fri 16:30',
      MIGRATE_ON_START: 'false',
      RETENTION: 'P90D',
    });
    expect(config.slack.appToken).toBe('xapp-1');
    expect(config.slack.signingSecret).toBeNull();
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.slack.command).toBe('/inc');
    expect(config.port).toBe(8080);
    expect(config.timing.diagnosisHold).toBe(5 * 60_000);
    expect(config.timing.escalateAfter).toBe(90 * 60_000);
    expect(config.timing.postmortemDue).toBe(48 * 3_600_000);
    expect(config.timing.updateCadence).toEqual({ SEV1: 30 * 60_000, SEV2: 45 * 60_000, SEV3: 0, SEV4: 0 });
    expect(config.timing.commanderNudgeAfter).toBe(3 * 60_000);
    expect(config.channels).toEqual({
      announce: 'C0ANNOUNCE',
      stakeholder: 'C0STAKE',
      postmortem: 'G0POSTMORTEM',
    });
    expect(config.escalation).toEqual({ senior: ['U0SENIOR', 'S0ONCALL'], exec: ['U0VPENG'] });
    expect(config.weeklyReview).toEqual({ weekday: 5, hour: 16, minute: 30 });
    expect(config.migrateOnStart).toBe(false);
    expect(config.retention).toBe(90 * 24 * 3_600_000);
  });

  it('turns a timer off with PT0S, the weekly review off with "off" and pruning off with PT0S', () => {
    const config = loadConfig({
      ...minimal,
      ESCALATE_AFTER: 'PT0S',
      COMMANDER_NUDGE_AFTER: 'PT0S',
      WEEKLY_REVIEW: 'off',
      RETENTION: 'PT0S',
    });
    expect(config.timing.escalateAfter).toBe(0);
    expect(config.timing.commanderNudgeAfter).toBe(0);
    expect(config.weeklyReview).toBeNull();
    expect(config.retention).toBe(0);
  });

  it('keeps records at least a day, so a retried event or side effect still finds its record', () => {
    expect(loadConfig({ ...minimal, RETENTION: 'P1D' }).retention).toBe(24 * 3_600_000);
    expect(problemsOf({ ...minimal, RETENTION: 'PT12H' })).toEqual([
      'RETENTION: expected an ISO-8601 duration of at least P1D like P30D, or PT0S to keep everything, got "PT12H"',
    ]);
    expect(problemsOf({ ...minimal, RETENTION: '30 days' })).toEqual([
      'RETENTION: expected an ISO-8601 duration of at least P1D like P30D, or PT0S to keep everything, got "30 days"',
    ]);
  });

  it('keeps every timeline unless TIMELINE_RETENTION says otherwise, and then at least the 90 days stats look back', () => {
    expect(loadConfig(minimal).timelineRetention).toBe(0);
    expect(loadConfig({ ...minimal, TIMELINE_RETENTION: 'P730D' }).timelineRetention).toBe(
      730 * 24 * 3_600_000,
    );
    expect(problemsOf({ ...minimal, TIMELINE_RETENTION: 'P30D' })).toEqual([
      'TIMELINE_RETENTION: expected an ISO-8601 duration of at least P90D like P730D, or PT0S to keep every timeline, got "P30D"',
    ]);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...minimal, PORT: '', TIMEZONE: '  ' }).port).toBe(3000);
  });

  it('names the variable and what it expects, one line per problem', () => {
    expect(problemsOf({ ...minimal, DIAGNOSIS_HOLD: '10m' })).toEqual([
      'DIAGNOSIS_HOLD: expected an ISO-8601 duration like PT10M, got "10m"',
    ]);
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'abc',
      PORT: 'eighty',
      ESCALATE_AFTER: 'P1M',
      UPDATE_CADENCE: 'SEV1=30m',
      ANNOUNCE_CHANNEL: '#general',
      ESCALATION_EXEC: 'S0GROUP',
      TIMEZONE: 'Mars/Olympus',
      WEEKLY_REVIEW: 'mondays',
      MIGRATE_ON_START: 'yes',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN: expected a token starting with "xoxb-", got one starting with "abc"',
      'PORT: expected a port number like 3000, got "eighty"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'ESCALATE_AFTER: expected an ISO-8601 duration like PT30M, got "P1M"',
      'UPDATE_CADENCE: expected pairs like SEV1=PT30M,SEV2=PT60M,SEV3=PT0S,SEV4=PT0S, got "SEV1=30m"',
      'ANNOUNCE_CHANNEL: expected a channel id like C0123ABCD (not a #name), got "#general"',
      'ESCALATION_EXEC: expected user ids (U…), got "S0GROUP"',
      'TIMEZONE: expected an IANA time zone like Europe/Berlin, got "Mars/Olympus"',
      'WEEKLY_REVIEW: expected a weekday and time like MON 09:00, or off, got "mondays"',
      'MIGRATE_ON_START: expected true or false, got "yes"',
      'SLACK_SIGNING_SECRET: required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)',
    ]);
  });

  // A scheme these variables never accept, or none at all, so the value is refused whatever the password.
  it('never echoes the password of a DATABASE_URL or REDIS_URL it refuses, even one that does not parse', () => {
    const character = fc.oneof(
      fc.constantFrom('@', ':', '/', '#', '?', '"', '\\', ' '),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    const password = fc.array(character, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(password, password, (databasePassword, redisPassword) => {
        expect(
          problemsOf({
            ...minimal,
            DATABASE_URL: `mysql://app:${databasePassword}@db:5432/ic`,
            REDIS_URL: `http://:${redisPassword}@cache:6379`,
          }),
        ).toEqual([
          'DATABASE_URL: expected a URL like postgres://user@host:5432/db, got "mysql://app:***@db:5432/ic"',
          'REDIS_URL: expected a URL like redis://127.0.0.1:6379, got "http://:***@cache:6379"',
        ]);
        // (A scheme-less password starting with `//` would read as a scheme: see redactUrl.)
        if (databasePassword.startsWith('//')) return;
        expect(problemsOf({ ...minimal, DATABASE_URL: `app:${databasePassword}@db/ic` })).toEqual([
          'DATABASE_URL: expected a URL like postgres://user@host:5432/db, got "app:***@db/ic"',
        ]);
      }),
    );
  });

  it('never echoes a Slack token pasted into the wrong variable', () => {
    const problems = problemsOf({ ...minimal, ESCALATION_SENIOR: 'xoxb-1234-5678-abcdef' });
    expect(problems).toEqual([
      'ESCALATION_SENIOR: expected user ids (U…) or user-group ids (S…), got "xoxb-***"',
    ]);
  });

  it('says "required" for a missing bot token, and names the OAuth alternative', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 's' })).toEqual([
      'SLACK_BOT_TOKEN: required (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET to serve several workspaces through OAuth)',
    ]);
  });

  describe('one workspace or several', () => {
    const oauth = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: '1234567890.0987654321',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
    };

    it('serves several workspaces with the three OAuth variables and no bot token', () => {
      const config = loadConfig(oauth);
      expect(config.slack.botToken).toBeNull();
      expect(config.slack.oauth).toEqual({
        clientId: '1234567890.0987654321',
        clientSecret: 'client-secret-value',
        stateSecret: 'a-state-secret-of-some-length',
      });
    });

    it('refuses a bot token together with OAuth, naming both ways', () => {
      expect(problemsOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
        'SLACK_BOT_TOKEN: set together with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET; set SLACK_BOT_TOKEN alone for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET without it to serve several workspaces through OAuth',
      ]);
    });

    it('names each OAuth variable missing from an incomplete set', () => {
      expect(problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: oauth.SLACK_CLIENT_ID })).toEqual([
        'SLACK_CLIENT_SECRET: required with SLACK_CLIENT_ID (OAuth needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)',
        'SLACK_STATE_SECRET: required with SLACK_CLIENT_ID (OAuth needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)',
      ]);
    });

    it('refuses a short state secret and a malformed client id without echoing them', () => {
      expect(problemsOf({ ...oauth, SLACK_CLIENT_ID: 'abc', SLACK_STATE_SECRET: 'short' })).toEqual([
        'SLACK_CLIENT_ID: expected a client id like 1234567890.1234567890 (Basic Information → App Credentials)',
        'SLACK_STATE_SECRET: expected a random string of at least 16 characters (e.g. openssl rand -hex 32)',
      ]);
    });
  });

  it('needs no signing secret in Socket Mode', () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.signingSecret,
    ).toBeNull();
  });
});
