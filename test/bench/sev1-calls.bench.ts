import { sql } from 'kysely';
import { SET_STATUS_ACTION } from '../../src/adapters/slack/views/header.js';
import { SYSTEM_ACTOR } from '../../src/domain/index.js';
import { outboxSettled, withBenchBot } from './bench-bot.js';
import { type BenchIncident, clickHeader, openThroughSlack, slash, takeRole } from './bench-slack.js';
import { percentOf, type Row } from './report.js';

/** The bot's timing runs this much faster, so two hours of incident take a minute. */
const SPEED = 120;
const HOUR_MS = 3_600_000;
const BURST = 3;
const BURST_EVERY_MS = 6 * 60_000;
/** Real time between the changes of a burst (18 s of incident time at 120×). */
const WITHIN_BURST_MS = 150;
const DANA = 'U0DANA';
const ALEX = 'U0ALEX';
const SAM = 'U0SAM';

type Step = (target: Parameters<typeof slash>[0], incident: BenchIncident) => Promise<unknown>;

/**
 * A two-hour SEV1 with 60 state changes, driven through Slack at 120× speed (the timers, nudges and
 * escalation run on the same sped-up timing), counting the Web API calls the stand-in receives from
 * the open to two hours later; beside one call per change.
 */
export function benchSev1Calls(): Promise<Row[]> {
  return withBenchBot({ speed: SPEED }, async (bench) => {
    const { target, slack, database } = bench;
    const started = performance.now();
    const incident = await openThroughSlack(bench, 'Checkout down for everyone', SAM);
    const steps = script();
    // The open was change 0; the others come in bursts of three, a burst every six minutes.
    for (const [n, step] of steps.entries()) {
      const burst = Math.floor((n + 1) / BURST);
      const due = started + (burst * BURST_EVERY_MS) / SPEED + ((n + 1) % BURST) * WITHIN_BURST_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await step(target, incident);
    }
    const end = started + (2 * HOUR_MS) / SPEED;
    if (end > performance.now()) await new Promise((resolve) => setTimeout(resolve, end - performance.now()));
    await outboxSettled(database.db, 30_000);
    // The changes people made that the bot recorded: one transaction each (its events share the
    // time they were recorded), the open and every step it accepted.
    const recorded = await database.db
      .selectFrom('incident_events')
      .select(sql<string>`count(distinct recorded_at)`.as('n'))
      .where('incident_id', '=', incident.id)
      .where('actor', '<>', SYSTEM_ACTOR)
      .executeTakeFirstOrThrow();
    const changes = Number(recorded.n);
    const calls = slack.calls.filter((call) => call.method !== 'response_url');
    const byMethod = new Map<string, number>();
    for (const call of calls) byMethod.set(call.method, (byMethod.get(call.method) ?? 0) + 1);
    const detail = [...byMethod.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([method, n]) => `${n} ${method}`)
      .join(', ');
    return [
      {
        figure: `Web API calls for a 2-hour SEV1 with ${steps.length + 1} state changes scripted, ${changes} recorded (timing at ${SPEED}× speed)`,
        ours: `${calls.length} (${detail})`,
        floor: `${changes} (one call per change)`,
        ratio: `${percentOf(calls.length, changes)} of one per change`,
        target: '≤ 50%',
        met: calls.length <= changes / 2,
      },
    ];
  });
}

/** Changes 2..60 of the incident: severity, roles, hypotheses, actions, notes, status. */
function script(): Step[] {
  const say =
    (user: string, text: string): Step =>
    (target, incident) =>
      slash(target, text, user, { channelId: incident.channel });
  const status =
    (value: string): Step =>
    (target, incident) =>
      clickHeader(target, incident, {
        actionId: SET_STATUS_ACTION,
        userId: DANA,
        selectedOption: value,
        actionType: 'static_select',
      });
  const role =
    (user: string, name: string): Step =>
    (target, incident) =>
      takeRole(target, incident, user, name);
  const work: Step[] = [];
  for (let i = 0; i < 10; i++) work.push(say(i % 2 ? ALEX : SAM, `hypothesis Cause number ${i + 1}`));
  for (let i = 0; i < 8; i++) work.push(say(DANA, `action Check thing number ${i + 1}`));
  const notes: Step[] = Array.from({ length: 34 }, (_, i) =>
    say([DANA, ALEX, SAM][i % 3] ?? SAM, `note Observation ${i + 1}`),
  );
  return [
    say(DANA, 'severity SEV1 checkout is down for everyone'),
    role(DANA, 'commander'),
    role(ALEX, 'communicator'),
    role(SAM, 'scribe'),
    ...interleave(work, notes.slice(0, 20)),
    status('identified'),
    ...notes.slice(20, 28),
    status('monitoring'),
    ...notes.slice(28),
    status('investigating'),
  ];
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined) out.push(x);
    if (y !== undefined) out.push(y);
  }
  return out;
}
