import { describe, expect, it } from 'vitest';
import { parseSandboxOptions } from '../../../src/sandbox/options.js';
import { sandboxConfig } from '../../../src/sandbox/sandbox-config.js';

const base = {
  slackApiUrl: 'http://127.0.0.1:1234/api/',
  signingSecret: 'secret',
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/incident_commander_sandbox',
  redisUrl: 'redis://127.0.0.1:6379',
};

describe('the sandbox configuration', () => {
  it('runs the timing N times faster; a timer that is off stays off', () => {
    const config = sandboxConfig({ ...base, env: {}, speed: 60 });
    expect(config.timing).toMatchObject({
      diagnosisHold: 10_000,
      escalateAfter: 30_000,
      postmortemDue: 48 * 60_000,
      updateCadence: { SEV1: 30_000, SEV2: 60_000, SEV3: 0, SEV4: 0 },
      commanderNudgeAfter: 5_000,
    });
  });

  it('speeds up a configured escalation policy too', () => {
    const env = { ESCALATION_POLICY: 'SEV3=senior@PT1H,SEV4=none' };
    const { steps, setting } = sandboxConfig({ ...base, env, speed: 60 }).timing.escalationPolicy;
    expect(setting).toBe('ESCALATION_POLICY');
    expect(steps.SEV3).toEqual([{ audience: 'senior', after: 60_000 }]);
    expect(steps.SEV4).toEqual([]);
    expect(steps.SEV1).toEqual([
      { audience: 'exec', after: 0 },
      { audience: 'senior', after: 30_000 },
    ]);
  });

  it('speeds up what the developer configured, and keeps its own queue prefix, channels and Slack', () => {
    const env = {
      DIAGNOSIS_HOLD: 'PT5M',
      SLACK_BOT_TOKEN: 'xoxb-real',
      STAKEHOLDER_CHANNEL: 'C0REAL',
      QUEUE_PREFIX: '',
    };
    const config = sandboxConfig({ ...base, env, speed: 100 });
    expect(config.timing.diagnosisHold).toBe(3_000);
    expect(config.queuePrefix).toBe('ic-sandbox');
    expect(config.weeklyReview).toBeNull();
    expect(config.slack).toMatchObject({
      botToken: 'xoxb-sandbox',
      apiUrl: base.slackApiUrl,
      signingSecret: 'secret',
    });
    expect(config.channels.stakeholder).toBe('C0STATUS');
    expect(config.escalation).toEqual({ senior: ['U0SAM'], exec: ['U0VAL'] });
  });

  it('reads its options, and says how to call it when one is wrong', () => {
    expect(parseSandboxOptions([])).toEqual({
      speed: 60,
      port: 3100,
      host: '127.0.0.1',
      dataDir: '.sandbox',
      startAt: null,
    });
    expect(
      parseSandboxOptions(['--speed', '600', '--port', '0', '--start-at', '2026-06-16T10:00:00Z']),
    ).toMatchObject({ speed: 600, port: 0, startAt: '2026-06-16T10:00:00Z' });
    expect(() => parseSandboxOptions(['--speed', '0'])).toThrow(/--speed.*\n.*npm run sandbox/s);
  });

  it('takes the page address a container needs from SANDBOX_HOST and SANDBOX_PORT, loopback by default', () => {
    expect(parseSandboxOptions([], { SANDBOX_HOST: '0.0.0.0', SANDBOX_PORT: '4000' })).toMatchObject({
      host: '0.0.0.0',
      port: 4000,
    });
    expect(parseSandboxOptions(['--port', '5000'], { SANDBOX_PORT: '4000' })).toMatchObject({ port: 5000 });
    expect(() => parseSandboxOptions([], { SANDBOX_HOST: '192.168.1.5' })).toThrow(/SANDBOX_HOST/);
  });
});
