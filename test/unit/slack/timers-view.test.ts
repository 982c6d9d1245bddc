import { describe, expect, it } from 'vitest';
import { renderTimers } from '../../../src/adapters/slack/views/timers.js';
import { placeTimers } from '../../../src/app/timer-sync.js';
import { type IncidentEvent, replay } from '../../../src/domain/index.js';
import { ALEX, at, commanderIs, DANA, opened, POLICY, resolved } from '../domain/spec.js';

const followUpsRecorded: IncidentEvent = {
  type: 'PostmortemRecorded',
  at: at(2000),
  by: DANA,
  answers: { whatHappened: 'a', whyNotDetectedSooner: 'b', whyResponseTookSoLong: 'c', whatWeChange: 'd' },
  followUps: [
    { id: 'f1', title: 'Alert on payment errors', owner: ALEX, due: '2026-12-01', rank: 1, control: true },
    { id: 'f2', title: 'Automate rollback', owner: DANA, due: '2026-12-05', rank: 2, control: false },
    { id: 'f3', title: 'Runbook', owner: DANA, due: '2026-12-09', rank: 3, control: false },
  ],
  asCommander: true,
};

const zones: Record<string, string> = { [DANA]: 'Europe/Berlin', [ALEX]: 'America/New_York' };
const zoneOf = async (userId: string | null) => (userId ? (zones[userId] ?? 'UTC') : 'UTC');

describe('/incident timers', () => {
  it('lists every kind of pending timer with its local time, relative time, rule, effect and cancel', async () => {
    const live = await placeTimers(replay([opened(), commanderIs(DANA)]), POLICY, zoneOf);
    const postmortem = await placeTimers(replay([opened(), commanderIs(DANA), resolved(40)]), POLICY, zoneOf);
    const followUps = await placeTimers(
      replay([opened(), commanderIs(DANA), resolved(40), followUpsRecorded]),
      POLICY,
      zoneOf,
    );
    const all = [...live, ...postmortem, ...followUps];
    expect(new Set(all.map((t) => t.kind))).toEqual(
      new Set([
        'hold-end',
        'escalation-senior',
        'escalation-exec',
        'update-due',
        'postmortem-reminder',
        'follow-up-reminder',
      ]),
    );

    const text = renderTimers(all, at(5), 'Europe/Berlin');
    expect(text).toContain('times in Europe/Berlin');
    // 14:10 UTC is 15:10 in Berlin; five minutes after 14:05.
    expect(text).toMatch(/\*Diagnosis hold ends\*: Sun 22 Nov 15:10:00, in 5 minutes/);
    expect(text).toMatch(/\*Escalation to the senior engineer\*: Sun 22 Nov 15:30:00, in 25 minutes/);
    expect(text).toMatch(/\*Escalation to the VP of Engineering\*: Sun 22 Nov 15:30:00, in 25 minutes/);
    // Each escalation row says which rule of the policy set it, and for whom.
    expect(text).toContain(
      'The default escalation policy (timed by ESCALATE_AFTER) for a SEV2: page the senior engineer when still unresolved 30 minutes after opening.',
    );
    expect(text).toContain(
      'The default escalation policy (timed by ESCALATE_AFTER) for a SEV2: tell the VP of Engineering when still unresolved 30 minutes after opening.',
    );
    expect(text).toMatch(/\*Stakeholder update due\*: Sun 22 Nov 16:00:00, in 55 minutes/);
    // Halfway to the 48-hour deadline is Monday 14:40 UTC: inside Dana's Berlin working hours.
    expect(text).toMatch(/\*Postmortem reminder\*: Mon 23 Nov 15:40:00, in 1 day/);
    // Alex's follow-up falls due at midnight UTC, which is Sunday evening in New York: it waits
    // for Monday 09:00 there (15:00 in Berlin), and says so.
    expect(text).toMatch(
      /\*Follow-up reminder\*: Mon 30 Nov 15:00:00, in 7 days \(due Mon 30 Nov 01:00:00; held for the recipient's working hours\)/,
    );
    for (const timer of all) {
      expect(text).toContain(timer.rule.replace(/&/g, '&amp;'));
      expect(text).toContain(timer.effect);
      expect(text).toContain(timer.cancelledBy);
    }
  });

  it('says plainly when nothing is pending', () => {
    expect(renderTimers([], at(0), 'UTC')).toContain('No timers are pending');
  });
});
